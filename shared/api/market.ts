import { z } from "zod";
import { call, event } from "./define";
import { SolanaAddress } from "./address";

const Lamports = z.number().int().nonnegative();

export const IneligibleReason = z.object({
  code: z.enum([
    "closed",
    "deadline",
    "no_tasks_left",
    "rating",
    "share_cap",
    "escrow_empty",
    "worker_funds",
    "paused",
    "no_key",
    "own_campaign",
  ]),
  message: z.string(),
});
export type IneligibleReason = z.infer<typeof IneligibleReason>;

/**
 * What one task of a campaign is worth to this worker and what it locks up, by the program's
 * rules (lib/market workerTerms). Lamports; times are unix seconds.
 */
export const WorkerMoney = z.object({
  feeLamports: Lamports,
  /** Transaction fees for one task accepted on its own: the accept's signature plus the submit's. */
  networkLamports: Lamports,
  /** price − fee − networkLamports (negative for a price below the fees). */
  netLamports: z.number().int(),
  /** The same when accepted in a full bulk transaction (the accept signature shared by `bulkSize`). */
  netBulkLamports: z.number().int(),
  bulkSize: z.number().int().positive(),
  /** The Assignment's rent: back with the pay at submit. */
  taskDepositLamports: Lamports,
  /** Seconds from accept to the task's expiry: submit within this. */
  submitWithinSeconds: z.number().int().nonnegative(),
  /** If accepted now and not submitted, anyone can release the deposit back from this time. */
  taskDepositReleasableAt: z.number().int(),
  /** The Share's rent, once per campaign; 0 when this worker already holds one. */
  campaignDepositLamports: Lamports,
  /** When the campaign stops taking work; from then on, once reviewed, the share can close. */
  campaignStopsAt: z.number().int(),
  /** From here on the share can close even if the requester never reviews. */
  campaignDepositLatestAt: z.number().int(),
});
export type WorkerMoney = z.infer<typeof WorkerMoney>;

export const CampaignView = z.object({
  address: z.string(),
  requester: z.string(),
  title: z.string().nullable(),
  priceLamports: Lamports,
  /** What the worker receives per result after the protocol fee. */
  payLamports: Lamports,
  minRating: z.number().int().min(0).max(10_000),
  tasksLeft: z.number().int().nonnegative(),
  taskCount: z.number().int().nonnegative(),
  replication: z.number().int().positive(),
  labelKind: z.string().nullable(),
  private: z.boolean(),
  deadline: z.number().int(),
  createdAt: z.number().int(),
  /** Share of assignment slots taken (0..1). */
  fillRate: z.number().min(0).max(1),
  /** How many more of its tasks this worker may take (share cap minus held). */
  myRemainingShare: z.number().int().nonnegative(),
  eligible: z.boolean(),
  reasons: z.array(IneligibleReason),
  money: WorkerMoney,
});
export type CampaignView = z.infer<typeof CampaignView>;

export const MarketFilter = z.object({
  eligibleOnly: z.boolean().optional(),
  privateOnly: z.boolean().optional(),
  minPayLamports: Lamports.optional(),
  labelKind: z.string().max(64).optional(),
  sort: z.enum(["pay_desc", "pay_asc", "newest", "deadline", "tasks_left"]).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type MarketFilter = z.infer<typeof MarketFilter>;

export const AcceptRequest = z.object({
  items: z
    .array(z.object({ campaign: SolanaAddress, count: z.number().int().min(1).max(100) }))
    .min(1)
    .max(50),
});

export const AcceptOutcome = z.object({
  campaign: z.string(),
  task: z.string().nullable(),
  ok: z.boolean(),
  assignment: z.string().nullable(),
  signature: z.string().nullable(),
  error: z.string().nullable(),
});
export type AcceptOutcome = z.infer<typeof AcceptOutcome>;

export const MarketStats = z.object({
  openCampaigns: z.number().int().nonnegative(),
  medianPayLamports: Lamports.nullable(),
  recentPrices: z.array(z.object({ campaign: z.string(), payLamports: Lamports, createdAt: z.number().int() })).max(50),
  fillRate: z.number().min(0).max(1),
});
export type MarketStats = z.infer<typeof MarketStats>;

export const marketCalls = {
  "market:list": call(MarketFilter.optional(), z.array(CampaignView)),
  "market:stats": call(z.undefined(), MarketStats),
  /** Accepts tasks from one or many campaigns, several per transaction; each item reports alone. */
  "market:accept": call(AcceptRequest, z.array(AcceptOutcome)),
};

export const marketEvents = {
  /** Something in the market moved (PubSub, or the polling fallback): refetch market:list. */
  "market:changed": event(z.object({ at: z.number().int(), source: z.enum(["pubsub", "poll"]) })),
};
