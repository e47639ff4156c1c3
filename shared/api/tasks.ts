import { z } from "zod";
import { AnnotationDocument, Label, Shape } from "../annotation";
import { ModerationItem, ModerationSpec } from "../moderation";
import { call, event } from "./define";
import { CampaignFirstGuess, FirstGuessResult } from "./first-guess";
import { SavedDraft } from "./drafts";
import { SolanaAddress } from "./address";

export const TaskMeta = z.object({
  /** The assignment's address: the id of this worker's copy of the task. */
  id: z.string(),
  task: z.string(),
  campaign: z.string(),
  taskIndex: z.number().int().nonnegative(),
  state: z.enum(["accepted", "key_granted", "submitted", "reviewed", "expired"]),
  private: z.boolean(),
  payLamports: z.number().int().nonnegative(),
  expiresAt: z.number().int(),
  title: z.string().nullable(),
  /** Whether decrypted bytes are already in memory (the next open is instant). */
  ready: z.boolean(),
});
export type TaskMeta = z.infer<typeof TaskMeta>;

/** Example images a campaign shows workers beside its instructions: at most this many, each this big. */
export const MAX_EXAMPLE_IMAGES = 8;
export const EXAMPLE_IMAGE_MAX_BYTES = 4 * 1024 * 1024;
export const EXAMPLE_CAPTION_MAX = 500;

/**
 * One example image: public like the rest of the metadata, stored as a content-addressed blob
 * whose sha256 the metadata (itself hashed on chain) names, so a worker's app checks the bytes.
 */
export const CampaignExample = z.object({
  uri: z.string().max(2048),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the example shows, read as the image's alt text and caption. */
  caption: z.string().max(EXAMPLE_CAPTION_MAX).default(""),
});
export type CampaignExample = z.infer<typeof CampaignExample>;

/**
 * What a campaign's metadata URI serves (JSON, sha256 = the campaign's label-schema hash).
 * Unknown keys are ignored so requesters can add to it.
 */
export const CampaignMetadata = z.object({
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  labelKind: z.string().max(64).optional(),
  labels: z.array(Label).max(1000).default([]),
  /** Hex X25519 key private results are sealed to (else the requester's worker profile key). */
  requesterX25519: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** First guesses per task index. */
  preLabels: z.record(z.string(), z.array(Shape).max(10_000)).optional(),
  /** The requester's recommended first-guess model (by manifest sha256) and class → label mapping. */
  firstGuess: CampaignFirstGuess.optional(),
  /**
   * Classification campaigns: whether "none of these" is an answer (a result with no class is
   * accepted). Without it, a result must choose at least one class.
   */
  noneOfThese: z.boolean().optional(),
  /** Present on moderation campaigns (labelKind "moderation"): the policy workers judge by. */
  moderation: ModerationSpec.optional(),
  /** Example images for the instructions panel (fetched one by one when the panel shows them). */
  examples: z.array(CampaignExample).max(MAX_EXAMPLE_IMAGES).optional(),
  /** The task-list blob (shared/protocol/task-list.ts) the campaign's on-chain tasksRoot commits to. */
  tasksUri: z.string().max(2048).optional(),
});
export type CampaignMetadata = z.infer<typeof CampaignMetadata>;

export const OpenedTask = z.object({
  meta: TaskMeta,
  image: z.instanceof(Uint8Array),
  mime: z.string(),
  labels: z.array(Label),
  /** The campaign metadata's labelKind ("box", "polygon", "class"): which tools the canvas offers. */
  labelKind: z.string().nullable(),
  /** The campaign's instructions to workers (its metadata's description), "" when it has none. */
  instructions: z.string().max(4000).optional(),
  /** Whether a result with no image class is accepted ("none of these"); see CampaignMetadata. */
  noneOfThese: z.boolean().optional(),
  /** The campaign's example images, by caption; `tasks:example` fetches one's bytes. */
  examples: z
    .array(z.object({ caption: z.string().max(EXAMPLE_CAPTION_MAX) }))
    .max(MAX_EXAMPLE_IMAGES)
    .optional(),
  preLabels: z.array(Shape),
  draft: SavedDraft.nullable(),
  /**
   * First guesses for this task: whether they are on for its campaign (the worker's switch, or
   * on by default when the campaign recommends a model) and the campaign's recommendation, which
   * `guesses:suggest` is asked with. Core has already started on them when this is on.
   */
  firstGuess: CampaignFirstGuess.extend({
    enabled: z.boolean(),
    /** The guesses themselves when core had them ready (made while the task was prefetched). */
    guesses: FirstGuessResult.optional(),
  }).optional(),
  /** A moderation task: the policy and the item (text here; an image's bytes are in `image`). */
  moderation: z.object({ spec: ModerationSpec, item: ModerationItem }).optional(),
});
export type OpenedTask = z.infer<typeof OpenedTask>;

/** Where a task stands in preparing ahead (fetch, verify, decrypt into memory). */
export const PrefetchState = z.enum(["open", "ready", "fetching", "queued", "waiting_key", "failed", "idle"]);
export type PrefetchState = z.infer<typeof PrefetchState>;

export const PrefetchStatus = z.object({
  /** Open tasks with a state other than idle (idle ones are left out: a long queue is mostly idle). */
  items: z.array(z.object({ id: z.string(), state: PrefetchState, message: z.string().optional() })),
  /** The prefetch window (the next tasks to open, up to the prefetch size) and how many are ready. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type PrefetchStatus = z.infer<typeof PrefetchStatus>;

export const tasksCalls = {
  "tasks:list": call(z.object({ includeDone: z.boolean().optional() }).optional(), z.array(TaskMeta)),
  /** Task data, verified by hash and decrypted in memory; the next few are prepared ahead. */
  "tasks:open": call(z.object({ id: SolanaAddress }), OpenedTask),
  /** Queues the result in the outbox and returns at once; sync finishes it when it can. */
  "tasks:submit": call(
    z.object({ id: SolanaAddress, doc: AnnotationDocument }),
    z.object({ outboxId: z.string(), resultHash: z.string() }),
  ),
  /**
   * One example image of an open task's campaign, checked against the hash its metadata names
   * and by its first bytes; a sentence for the worker when it cannot be shown.
   */
  "tasks:example": call(
    z.object({
      id: SolanaAddress,
      index: z
        .number()
        .int()
        .min(0)
        .max(MAX_EXAMPLE_IMAGES - 1),
    }),
    z.object({ image: z.instanceof(Uint8Array), mime: z.string().max(64) }),
  ),
  /** Starts preparing the next tasks ahead if nothing is under way, and says how far it got. */
  "tasks:prefetch": call(z.undefined(), PrefetchStatus),
};

export const tasksEvents = {
  /** A task could not be fetched or opened; the others go on. */
  "tasks:failed": event(z.object({ id: z.string(), code: z.string(), message: z.string() })),
  /** Preparing ahead moved on (a task started, finished or failed). */
  "tasks:prefetchChanged": event(PrefetchStatus),
};
