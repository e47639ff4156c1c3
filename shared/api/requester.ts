import { z } from "zod";
import { call, event } from "./define";
import { SolanaAddress } from "./address";
import { AttributeSpec, ShapeKind, Skeleton } from "../annotation";

// The Requester view: the app's face of the requester library the `amplify` CLI uses. Core
// signs with the unlocked keystore key; paths are read and written by core, never the page.

const Address = SolanaAddress;
const Lamports = z.number().int().nonnegative();
/** A path on the machine core runs on (core reads or writes it; the page never touches files). */
const LocalPath = z
  .string()
  .trim()
  .min(1, "Choose a folder.")
  .max(4096, "This path is too long to be a folder's path.");

/** The start of a too-long label, for a sentence that says which one. */
function labelStart(input: unknown): string {
  const text = typeof input === "string" ? input.trim() : "";
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

export const LabelKind = z.enum(["box", "polygon", "class"]);
export type LabelKind = z.infer<typeof LabelKind>;

export const CreateCampaignRequest = z.object({
  folder: LocalPath,
  title: z
    .string()
    .trim()
    .min(1, "Give the campaign a title: workers see it in the Market.")
    .max(200, "The title is too long: at most 200 characters."),
  instructions: z.string().max(5000, "The instructions are too long: at most 5,000 characters."),
  labelKind: LabelKind,
  labels: z
    .array(
      z
        .string()
        .trim()
        .min(1, "A label needs a name.")
        .max(128, {
          error: (issue) =>
            `The label “${labelStart(issue.input)}” is too long: a label name has at most 128 characters.`,
        }),
    )
    .min(1, "Give at least one label, one per line or separated by commas.")
    .max(1000, "That is too many labels: at most 1,000."),
  /** SOL per task and worker, as typed ("0.005"): parsed exactly by core, never as a float. */
  priceSol: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,9})?$/, {
      error: (issue) =>
        `“${String(issue.input).slice(0, 32)}” is not a price in SOL: write it with a dot and digits, like 0.005 (at most 9 decimals).`,
    }),
  /** Minimum worker rating in stars (0–5; unrated workers count as 1). */
  minStars: z
    .number("Give the minimum rating as a number of stars from 0 to 5.")
    .min(0, "The minimum rating is from 0 to 5 stars.")
    .max(5, "The minimum rating is from 0 to 5 stars."),
  replication: z
    .number("Give how many workers label each image, from 1 to 100.")
    .int("Workers per task is a whole number, from 1 to 100.")
    .min(1, "Each task needs at least 1 worker.")
    .max(100, "At most 100 workers can label the same task."),
  deadlineDays: z
    .number("Give the deadline as a number of days, from 1 to 3,650.")
    .int("The deadline is a whole number of days.")
    .min(1, "The deadline must be at least 1 day away.")
    .max(3650, "The deadline can be at most 3,650 days (10 years) away."),
  isPrivate: z.boolean(),
  /** Image classes: a result with no class chosen is an answer ("none of these"). */
  noneOfThese: z.boolean().optional(),
  /** Shape kinds offered beside labelKind's (polyline, points, keypoints, mask, rotated-box, ellipse). */
  kinds: z.array(ShapeKind).max(8).optional(),
  /** The skeleton template every label gets (needed for keypoints). */
  skeleton: Skeleton.optional(),
  /** Attributes every label's shapes carry. */
  attributes: z.array(AttributeSpec).max(32).optional(),
  /** The folder the example images are in (needed with `examples`). */
  examplesFolder: LocalPath.optional(),
  /** Example images shown to workers beside the instructions: files in `examplesFolder`. Public. */
  examples: z
    .array(
      z.object({
        file: z
          .string()
          .trim()
          .min(1, "Name the example's file, then a colon and what it shows.")
          .max(255, "An example's file name is at most 255 characters.")
          .refine((name) => !/[\\/]/.test(name) && name !== "." && name !== "..", {
            error: (issue) =>
              `“${String(issue.input).slice(0, 40)}” is not a file name: give the name of a file in the examples folder, without a path.`,
          }),
        caption: z.string().trim().max(500, "An example's caption is at most 500 characters."),
      }),
    )
    .max(8, "A campaign shows at most 8 example images.")
    .optional(),
});
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;

export const CreatedCampaign = z.object({
  campaign: Address,
  taskCount: z.number().int().nonnegative(),
  /** The same inputs had been started before (a crash, a dead RPC): creation picked up there. */
  resumed: z.boolean(),
});
export type CreatedCampaign = z.infer<typeof CreatedCampaign>;

export const RequesterCampaign = z.object({
  address: Address,
  title: z.string(),
  labelKind: z.string().nullable(),
  private: z.boolean(),
  closed: z.boolean(),
  priceLamports: Lamports,
  replication: z.number().int().positive(),
  tasks: z.number().int().nonnegative(),
  /** tasks × replication: how many results the campaign pays for. */
  slots: z.number().int().nonnegative(),
  /** Assignments taken and not expired (accepted, key granted, submitted or reviewed). */
  filled: z.number().int().nonnegative(),
  /** Results in (submitted or reviewed). */
  submitted: z.number().int().nonnegative(),
  reviewed: z.number().int().nonnegative(),
  /** Submitted results still waiting for a review. */
  awaitingReview: z.number().int().nonnegative(),
  escrowLamports: Lamports,
  /** Rent in the campaign's accounts (campaign, escrow, task pages): all of it back at close. */
  rentHeldLamports: Lamports,
  /** Assignments still open: close_campaign waits for them (submitted or expired). */
  openAssignments: z.number().int().nonnegative(),
  /** The campaign stopped taking work (end_campaign). */
  ended: z.boolean(),
  deadline: z.number().int(),
  /** The creation did not finish (its manifest says so): creating again with the same inputs resumes. */
  incomplete: z.boolean(),
});
export type RequesterCampaign = z.infer<typeof RequesterCampaign>;

export const KeyServiceStatus = z.object({
  running: z.boolean(),
  granted: z.number().int().nonnegative(),
});
export type KeyServiceStatus = z.infer<typeof KeyServiceStatus>;

export const ReviewBasis = z.enum(["gold", "consensus", "default", "unverifiable", "unreadable", "already-reviewed"]);

export const ReviewedResult = z.object({
  assignment: Address,
  worker: Address,
  taskIndex: z.number().int().nonnegative(),
  /** 0–100; null when nothing could judge the result (left unreviewed). */
  score: z.number().int().min(0).max(100).nullable(),
  basis: ReviewBasis,
});
export type ReviewedResult = z.infer<typeof ReviewedResult>;

export const WorkerReview = z.object({
  worker: Address,
  results: z.number().int().nonnegative(),
  meanScore: z.number().min(0).max(100).nullable(),
  /** The worker's rating on chain after the review (0–10000, as the program stores it). */
  rating: z.number().int().min(0).max(10_000).nullable(),
  reviewCount: z.number().int().nonnegative(),
});
export type WorkerReview = z.infer<typeof WorkerReview>;

export const ReviewOutcome = z.object({
  results: z.array(ReviewedResult),
  workers: z.array(WorkerReview),
  posted: z.number().int().nonnegative(),
});
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const ExportFormat = z.enum(["coco", "yolo", "voc"]);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportRequest = z.object({ campaign: Address, format: ExportFormat, outDir: LocalPath });
export type ExportRequest = z.infer<typeof ExportRequest>;
export const ExportOutcome = z.object({
  files: z.array(z.string()),
  images: z.number().int().nonnegative(),
  shapes: z.number().int().nonnegative(),
});
export type ExportOutcome = z.infer<typeof ExportOutcome>;

export const RequesterProgress = z.object({
  operation: z.enum(["create", "review", "export"]),
  /** upload covers encrypting and uploading each image; tasks is add_tasks on chain. */
  phase: z.enum(["read", "upload", "tasks", "download", "model", "review"]),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type RequesterProgress = z.infer<typeof RequesterProgress>;

export const RequesterRent = z.object({
  /** Rent held now by this key's open campaigns. */
  heldLamports: Lamports,
  /** Rent close_campaign returned, over this key's closed campaigns. */
  returnedLamports: Lamports,
  closed: z
    .array(
      z.object({
        campaign: Address,
        title: z.string().nullable(),
        rentLamports: Lamports,
        /** Everything the close paid back: unpaid escrow plus rent. */
        refundLamports: Lamports,
        closedAt: z.number().int().nullable(),
      }),
    )
    .max(1000),
});
export type RequesterRent = z.infer<typeof RequesterRent>;

export const requesterCalls = {
  /** Creates (or resumes) a campaign from a folder of images, signed by the unlocked key. */
  "requester:create": call(CreateCampaignRequest, CreatedCampaign),
  /** This key's campaigns with their progress, newest first. */
  "requester:campaigns": call(z.undefined(), z.array(RequesterCampaign)),
  /** Scores every submitted result (gold, else consensus) and posts the scores on chain. */
  "requester:review": call(z.object({ campaign: Address, dryRun: z.boolean().optional() }), ReviewOutcome),
  /** Writes the campaign's best result per image in a dataset format to a folder. */
  "requester:export": call(ExportRequest, ExportOutcome),
  /** Rent held by this key's campaigns and rent returned by the closed ones. */
  "requester:rent": call(z.undefined(), RequesterRent),
  /** Stops the campaign taking work now (end_campaign); accepted work can still be submitted. */
  "requester:end": call(z.object({ campaign: Address }), z.object({ signature: z.string() })),
  /** Closes the campaign (no open work left): unpaid escrow and every lamport of rent come back. */
  "requester:close": call(
    z.object({ campaign: Address }),
    z.object({ signature: z.string(), refundLamports: z.number().int() }),
  ),
  /** Whether core is granting file keys to workers who accept this key's private tasks. */
  "requester:keyService": call(z.undefined(), KeyServiceStatus),
  /** A native folder dialog (Electron only; the browser shell replies "unavailable"). */
  "requester:pickFolder": call(
    z.object({ purpose: z.enum(["images", "export", "examples"]) }),
    z.object({ path: z.string().nullable() }),
  ),
};

export const requesterEvents = {
  "requester:progress": event(RequesterProgress),
};
