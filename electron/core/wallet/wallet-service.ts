import { address, createSolanaRpc, lamports } from "@solana/kit";
import type { Signature } from "@solana/kit";
import type { NetworkInfo } from "../../../shared/api";
import { ApiError } from "../../../shared/api";
import { classifyCluster, clusterHasFaucet } from "./cluster";

const LAMPORTS_PER_SOL = 1_000_000_000;

export interface WalletServiceOptions {
  readonly rpcUrl: () => string;
  /** The unlocked key's address, or null when locked. */
  readonly owner: () => string | null;
  readonly confirmTimeoutMs?: number;
}

/** Funding for first-time workers: which network this is and, where it has one, its faucet. */
export class WalletService {
  constructor(private readonly options: WalletServiceOptions) {}

  private rpc() {
    return createSolanaRpc(this.options.rpcUrl());
  }

  async network(): Promise<NetworkInfo> {
    const rpcUrl = this.options.rpcUrl();
    let genesisHash: string | null = null;
    try {
      genesisHash = await this.rpc().getGenesisHash().send();
    } catch {
      // an RPC that is down or lacks the method still gets classified by its address
    }
    const cluster = classifyCluster(rpcUrl, genesisHash);
    return { cluster, rpcUrl, genesisHash, hasFaucet: clusterHasFaucet(cluster) };
  }

  async requestAirdrop(sol: number): Promise<{ signature: string; balanceLamports: number }> {
    const owner = this.options.owner();
    if (!owner) throw new ApiError("locked", "Unlock your key first: the airdrop goes to its address.");
    const network = await this.network();
    if (!network.hasFaucet)
      throw new ApiError(
        "rejected",
        `The ${network.cluster} network has no faucet: send SOL to ${owner} from a wallet.`,
      );
    const rpc = this.rpc();
    let signature: Signature;
    try {
      signature = await rpc.requestAirdrop(address(owner), lamports(BigInt(Math.round(sol * LAMPORTS_PER_SOL)))).send();
    } catch (error) {
      throw new ApiError(
        "unavailable",
        `The faucet refused: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const deadline = Date.now() + (this.options.confirmTimeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      const { value } = await rpc.getSignatureStatuses([signature]).send();
      const status = value[0];
      if (status?.err)
        throw new ApiError(
          "rejected",
          `The airdrop failed on chain: ${JSON.stringify(status.err, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`,
        );
      if (status && (status.confirmationStatus === "confirmed" || status.confirmationStatus === "finalized")) {
        const balance = await rpc.getBalance(address(owner)).send();
        return { signature, balanceLamports: Number(balance.value) };
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new ApiError(
      "unavailable",
      `The airdrop ${signature} was sent but not confirmed in time; your balance will show it once it lands.`,
    );
  }
}
