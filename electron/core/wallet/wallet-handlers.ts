import type { HandlerGroup } from "../api";
import type { DepositsService } from "./deposits-service";
import type { WalletService } from "./wallet-service";

export function walletHandlers(wallet: WalletService): HandlerGroup<"wallet:network" | "wallet:requestAirdrop"> {
  return {
    "wallet:network": () => wallet.network(),
    "wallet:requestAirdrop": ({ sol }) => wallet.requestAirdrop(sol),
  };
}

export function depositsHandlers(deposits: DepositsService): HandlerGroup<"wallet:deposits" | "wallet:reclaim"> {
  return {
    "wallet:deposits": () => deposits.deposits(),
    "wallet:reclaim": () => deposits.reclaim(),
  };
}
