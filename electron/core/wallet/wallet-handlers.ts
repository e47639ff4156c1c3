import type { HandlerGroup } from "../api";
import type { WalletService } from "./wallet-service";

export function walletHandlers(wallet: WalletService): HandlerGroup<"wallet:network" | "wallet:requestAirdrop"> {
  return {
    "wallet:network": () => wallet.network(),
    "wallet:requestAirdrop": ({ sol }) => wallet.requestAirdrop(sol),
  };
}
