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

const Lamports = z.number().int().nonnegative();

/** One movement of a refundable deposit, read from the worker's events on chain. */
export const DepositMove = z.object({
  /** task: an Assignment's rent; campaign: a Share's rent (once per campaign). */
  kind: z.enum(["task", "campaign"]),
  direction: z.enum(["out", "returned"]),
  campaign: z.string(),
  taskIndex: z.number().int().nonnegative().nullable(),
  lamports: Lamports,
  /** Unix seconds of the block; null when unknown. */
  at: z.number().int().nullable(),
  signature: z.string().nullable(),
  /** Why it came back: submitted, released (expired), share closed. */
  via: z.enum(["accept", "submit", "release", "close_share"]),
});
export type DepositMove = z.infer<typeof DepositMove>;

/** A deposit still held by an account on chain, with when it comes back. */
export const HeldDeposit = z.object({
  kind: z.enum(["task", "campaign"]),
  /** The account holding it (Assignment or Share). */
  account: z.string(),
  campaign: z.string(),
  taskIndex: z.number().int().nonnegative().nullable(),
  lamports: Lamports,
  /** Task: the expiry (release_expired from then on). Campaign: the latest time close_share succeeds. */
  backBy: z.number().int().nullable(),
  /** The program would hand it back now (release_expired or close_share). */
  reclaimableNow: z.boolean(),
  /** Campaign deposits: the campaign stopped taking work at (or stops at) this time. */
  stopsAt: z.number().int().nullable(),
  /** Campaign deposits: the campaign is closed (its accounts are gone). */
  campaignClosed: z.boolean(),
});
export type HeldDeposit = z.infer<typeof HeldDeposit>;

export const Deposits = z.object({
  heldLamports: Lamports,
  held: z.array(HeldDeposit).max(2000),
  /** Totals over the history read (the worker's most recent transactions). */
  outLamports: Lamports,
  returnedLamports: Lamports,
  moves: z.array(DepositMove).max(2000),
});
export type Deposits = z.infer<typeof Deposits>;

export const walletCalls = {
  /** Which cluster the configured RPC belongs to, from its genesis hash. */
  "wallet:network": call(z.undefined(), NetworkInfo),
  /** Asks the network's faucet for test SOL for the unlocked key and waits until it lands. */
  "wallet:requestAirdrop": call(
    z.object({ sol: z.number().positive().max(10) }),
    z.object({ signature: z.string(), balanceLamports: z.number().int().nonnegative() }),
  ),
  /** Deposits held now (with when each comes back) and every deposit out and returned in the recent history. */
  "wallet:deposits": call(z.undefined(), Deposits),
  /** Sends release_expired / close_share for every deposit the program would hand back now. */
  "wallet:reclaim": call(
    z.undefined(),
    z.object({ reclaimed: z.number().int().nonnegative(), lamports: Lamports, signatures: z.array(z.string()) }),
  ),
};
