import { z } from "zod";
import { call } from "./define";

export const Cluster = z.enum(["localnet", "devnet", "testnet", "mainnet", "custom"]);
export type Cluster = z.infer<typeof Cluster>;

export const NetworkInfo = z.object({
  cluster: Cluster,
  rpcUrl: z.string(),
  genesisHash: z.string().nullable(),
  /** Whether this network hands out test SOL (localnet and devnet/testnet faucets). */
  hasFaucet: z.boolean(),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;

export const walletCalls = {
  /** Which cluster the configured RPC belongs to, from its genesis hash. */
  "wallet:network": call(z.undefined(), NetworkInfo),
  /** Asks the network's faucet for test SOL for the unlocked key and waits until it lands. */
  "wallet:requestAirdrop": call(
    z.object({ sol: z.number().positive().max(10) }),
    z.object({ signature: z.string(), balanceLamports: z.number().int().nonnegative() }),
  ),
};
