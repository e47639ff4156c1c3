import { z } from "zod";
import { Label, Shape } from "../annotation";
import { call, event } from "./define";

/**
 * Detector class name (e.g. COCO's "person") → label id of the campaign. Classes that are not
 * mapped are dropped; with no mapping at all, a class maps onto the label of the same name.
 */
export const LabelMapping = z.record(z.string().min(1).max(128), z.string().min(1).max(64));
export type LabelMapping = z.infer<typeof LabelMapping>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What a campaign says about first guesses (meant for the campaign metadata as `firstGuess`):
 * the requester's recommended model, pinned by the sha256 of its manifest.json, and how the
 * detector's classes map onto the campaign's labels.
 */
export const CampaignFirstGuess = z.object({
  model: Sha256Hex.optional(),
  mapping: LabelMapping.optional(),
});
export type CampaignFirstGuess = z.infer<typeof CampaignFirstGuess>;

export const FirstGuessModelInfo = z.object({
  /** "name@version": what shapes record as their source model. */
  id: z.string(),
  name: z.string(),
  version: z.string(),
  /** sha256 of the model's manifest.json: what a campaign names to recommend a model. */
  hash: Sha256Hex,
  licence: z.string(),
  inputSize: z.number().int().positive(),
  classes: z.array(z.string()),
  origin: z.enum(["shipped", "user"]),
});
export type FirstGuessModelInfo = z.infer<typeof FirstGuessModelInfo>;

export const FirstGuessStatus = z.object({
  /** The detector's state: the UI shows "loading" while labelling goes on regardless. */
  state: z.enum(["idle", "loading", "ready", "failed"]),
  loadedModel: z.string().nullable(),
  error: z.string().nullable(),
  models: z.array(FirstGuessModelInfo),
  /** Model folders that were found but refused (bad manifest, wrong file hash), with why. */
  refused: z.array(z.object({ folder: z.string(), reason: z.string() })),
  enabledCampaigns: z.array(z.string()),
  queued: z.number().int().nonnegative(),
});
export type FirstGuessStatus = z.infer<typeof FirstGuessStatus>;

export const FirstGuessRequest = z.object({
  /** Key of the suggestion (the task id); repeated requests for the same key share one run. */
  taskId: z.string().min(1).max(128),
  campaignId: z.string().min(1).max(128).optional(),
  /** The image bytes (PNG or JPEG); without them core asks the task subsystem for them. */
  image: z.instanceof(Uint8Array).optional(),
  labels: z.array(Label).max(1000),
  mapping: LabelMapping.optional(),
  /** sha256 of the manifest of the model to use (a campaign's recommendation); else the default. */
  modelHash: Sha256Hex.optional(),
  /** "current" jumps the queue; "prefetch" waits behind it. */
  priority: z.enum(["current", "prefetch"]).default("current"),
  minScore: z.number().min(0).max(1).optional(),
});
export type FirstGuessRequest = z.input<typeof FirstGuessRequest>;

export const FirstGuessResult = z.object({
  taskId: z.string(),
  model: z.string(),
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  /** Boxes in image pixels with source {kind: "model", model, score}: ready for the document. */
  shapes: z.array(Shape),
  /** Detector time in the worker thread, not counting the queue wait. */
  inferenceMs: z.number().nonnegative(),
});
export type FirstGuessResult = z.infer<typeof FirstGuessResult>;

export const firstGuessCalls = {
  /** `rescan` looks at the model folders again (after a model was dropped into the data dir). */
  "guesses:status": call(z.object({ rescan: z.boolean().optional() }).optional(), FirstGuessStatus),
  "guesses:setEnabled": call(
    z.object({ campaignId: z.string().min(1).max(128), enabled: z.boolean() }),
    z.object({ campaignId: z.string(), enabled: z.boolean() }),
  ),
  /** Resolves when the detector has run; it never holds up anything else the UI asks for. */
  "guesses:suggest": call(FirstGuessRequest, FirstGuessResult),
};

export const firstGuessEvents = {
  "guesses:changed": event(FirstGuessStatus),
};
