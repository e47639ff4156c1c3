// The live market: every campaign posted, task accepted, result paid and review posted, as
// one domain event type whatever its source (chain reads today, the program's own events or an
// indexer tomorrow), with paged queries, bounded aggregates and a price quote.
import { z } from "zod";
import { call, event } from "./define";

const Lamports = z.number().int().nonnegative();
const Address = z.string().min(32).max(44);
const Signature = z.string().min(64).max(88);

export const MARKET_EVENT_KINDS = [
  "campaign_posted",
  "tasks_added",
  "task_accepted",
  "result_submitted",
  "review_posted",
  "campaign_closed",
] as const;
export const MarketEventKind = z.enum(MARKET_EVENT_KINDS);
export type MarketEventKind = z.infer<typeof MarketEventKind>;

/**
 * Rating bands a requester thinks in: whole stars (rating / 2000), 0–1★ … 4–5★. An unrated
 * worker (2000) is in band 1.
 */
export const RATING_BANDS = ["0–1★", "1–2★", "2–3★", "3–4★", "4–5★"] as const;
export const RatingBand = z
  .number()
  .int()
  .min(0)
  .max(RATING_BANDS.length - 1);
export function ratingBand(rating: number): number {
  return Math.max(0, Math.min(RATING_BANDS.length - 1, Math.floor(rating / 2000)));
}

export const MarketEvent = z.object({
  /** Transaction signature and the event's position in it: together, its identity. */
  signature: Signature,
  index: z.number().int().nonnegative().max(255),
  slot: z.number().int().nonnegative(),
  /** Unix seconds of the block. */
  time: z.number().int().nonnegative(),
  kind: MarketEventKind,
  campaign: Address,
  worker: Address.nullable(),
  /** "<campaign>#<index>": a task has no account of its own (shared/protocol/task-key.ts). */
  task: z
    .string()
    .max(60)
    .regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}#\d{1,10}$/)
    .nullable(),
  /** Price per assignment (fee included): campaign_posted, result_submitted. */
  priceLamports: Lamports.nullable(),
  /** The treasury's cut of this result (result_submitted). */
  feeLamports: Lamports.nullable(),
  /** The worker's rating (0–10000) when paid (result_submitted, task_accepted). */
  workerRating: z.number().int().min(0).max(10_000).nullable(),
  /** Score 0–100 (review_posted). */
  score: z.number().int().min(0).max(100).nullable(),
  /** campaign_posted: its terms. */
  minRating: z.number().int().min(0).max(10_000).nullable(),
  replication: z.number().int().min(1).max(65_535).nullable(),
  deadline: z.number().int().nonnegative().nullable(),
  metadataUri: z.string().max(256).nullable(),
  /** sha256 (hex) of the campaign metadata the URI must serve. */
  metadataHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** campaign_posted: most tasks; tasks_added: how many tasks were added. */
  count: z.number().int().nonnegative().nullable(),
});
export type MarketEvent = z.infer<typeof MarketEvent>;

export const FeedFilter = z.object({
  kinds: z.array(MarketEventKind).max(MARKET_EVENT_KINDS.length).optional(),
  bands: z.array(RatingBand).max(RATING_BANDS.length).optional(),
  campaign: Address.optional(),
});
export type FeedFilter = z.infer<typeof FeedFilter>;

/** A row's place in the feed's order (newest first: slot, then signature, then index, descending). */
export const FeedKey = z.object({
  slot: z.number().int().nonnegative(),
  signature: Signature,
  index: z.number().int().nonnegative().max(255),
});
export type FeedKey = z.infer<typeof FeedKey>;

/**
 * Where a page starts. Pages are read by key, not by offset: from the newest or the oldest end,
 * or next to a row the list already holds ("after" = older than it, "before" = newer), so deep in
 * 100,000 events a page costs the same as the first.
 */
export const FeedFrom = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("newest") }),
  z.object({ kind: z.literal("oldest") }),
  z.object({ kind: z.literal("after"), key: FeedKey }),
  z.object({ kind: z.literal("before"), key: FeedKey }),
]);
export type FeedFrom = z.infer<typeof FeedFrom>;

export const FeedPageRequest = z.object({
  filter: FeedFilter.optional(),
  /** The newest event when absent. */
  from: FeedFrom.optional(),
  /** Rows to step over, counting away from `from`, before the page starts (a jump in the list). */
  skip: z.number().int().nonnegative().max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500),
  /** Only events stored at or before this sequence number: a paused feed stays still. */
  atOrBefore: z.number().int().nonnegative().optional(),
  /** Also count every matching row (the list's length): a scan of the index, so only when asked. */
  withTotal: z.boolean().optional(),
});
export type FeedPageRequest = z.infer<typeof FeedPageRequest>;

export const FeedRow = MarketEvent.extend({ seq: z.number().int().nonnegative(), labelKind: z.string().nullable() });
export type FeedRow = z.infer<typeof FeedRow>;

export const FeedPage = z.object({
  /** How many events match the filter (up to atOrBefore), when asked for with `withTotal`. */
  total: z.number().int().nonnegative().nullable(),
  /** The newest sequence number stored: pass it back as atOrBefore to hold the view still. */
  head: z.number().int().nonnegative(),
  rows: z.array(FeedRow).max(500),
});
export type FeedPage = z.infer<typeof FeedPage>;

export const ChartsRequest = z.object({
  /** Seconds of history to chart, ending now. */
  windowSeconds: z
    .number()
    .int()
    .min(60)
    .max(366 * 86_400),
  /** At most this many time buckets (the bucket width follows). */
  buckets: z.number().int().min(10).max(400).optional(),
});
export type ChartsRequest = z.infer<typeof ChartsRequest>;

export const MarketCharts = z.object({
  bucketSeconds: z.number().int().positive(),
  /** Start of each bucket, unix seconds, ascending. */
  times: z.array(z.number().int()).max(400),
  /** Per rating band, the mean price paid per result in each bucket (null: none paid). */
  priceByBand: z.array(z.array(Lamports.nullable()).max(400)).length(RATING_BANDS.length),
  /** Per rating band, how many results each bucket's mean is over. */
  resultsByBand: z.array(z.array(z.number().int().nonnegative()).max(400)).length(RATING_BANDS.length),
  /** Fees paid into the treasury in each bucket. */
  feeByBucket: z.array(Lamports).max(400),
  /** Campaigns that filled (every slot submitted), most recent first, at most 500. */
  fills: z
    .array(
      z.object({
        campaign: Address,
        priceLamports: Lamports,
        minRating: z.number().int().min(0).max(10_000),
        seconds: z.number().int().nonnegative(),
        labelKind: z.string().nullable(),
      }),
    )
    .max(500),
  totalEvents: z.number().int().nonnegative(),
});
export type MarketCharts = z.infer<typeof MarketCharts>;

export const QuoteRequest = z.object({
  labelKind: z.string().max(64).nullable(),
  minRating: z.number().int().min(0).max(10_000),
  replication: z.number().int().min(1).max(255),
  /** How long the requester gives the campaign to fill, in seconds. */
  deadlineSeconds: z
    .number()
    .int()
    .min(60)
    .max(366 * 86_400),
  /** Tasks to post (for the total cost). */
  tasks: z.number().int().min(1).max(100_000),
});
export type QuoteRequest = z.infer<typeof QuoteRequest>;

export const Quote = z.object({
  /** The suggested price per assignment (fee included), or null when nothing similar filled. */
  priceLamports: Lamports.nullable(),
  /** Similar recent campaigns looked at, and how many of them filled within the deadline. */
  similar: z.number().int().nonnegative(),
  sampleSize: z.number().int().nonnegative(),
  /** Quartiles of the filled campaigns' prices: the spread around the suggestion. */
  lowLamports: Lamports.nullable(),
  highLamports: Lamports.nullable(),
  /** Median seconds those campaigns took to fill. */
  medianFillSeconds: z.number().int().nonnegative().nullable(),
  feeBps: z.number().int().min(0).max(10_000),
  /** At the suggested price: workers' pay, treasury fees, rent and network fees, and the sum. */
  cost: z
    .object({
      workersLamports: Lamports,
      feesLamports: Lamports,
      rentLamports: Lamports,
      networkLamports: Lamports,
      totalLamports: Lamports,
    })
    .nullable(),
  /** One sentence on how the suggestion was made (or why there is none). */
  basis: z.string(),
});
export type Quote = z.infer<typeof Quote>;

export const FeedStatus = z.object({
  live: z.boolean(),
  /** Events stored (the feed works offline from them). */
  stored: z.number().int().nonnegative(),
  /** Where the events come from, e.g. "chain reads (getTransaction)" or "program events". */
  source: z.string(),
  lastError: z.string().nullable(),
});
export type FeedStatus = z.infer<typeof FeedStatus>;

export const marketFeedCalls = {
  "feed:page": call(FeedPageRequest, FeedPage),
  "feed:charts": call(ChartsRequest, MarketCharts),
  "feed:status": call(z.undefined(), FeedStatus),
  "feed:quote": call(QuoteRequest, Quote),
};

export const marketFeedEvents = {
  /** New events were stored: how many, the newest sequence number, and the newest few. */
  "feed:appended": event(
    z.object({
      added: z.number().int().positive(),
      head: z.number().int().nonnegative(),
      latest: z.array(FeedRow).max(50),
    }),
  ),
  "feed:statusChanged": event(FeedStatus),
};
