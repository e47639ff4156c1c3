// The requester's local record of a moderation campaign: which item each task index holds, the
// policy, and how far creation got (so `campaign create` resumes). Kept apart from the labelling
// manifest (campaigns/) because its tasks are items, not images with sizes.
import { z } from "zod";
import { ModerationPolicy } from "../../../shared/moderation";
import { manifestStore } from "../manifest-store";

export const ModerationManifest = z.object({
  version: z.literal(1),
  kind: z.literal("moderation"),
  inputsKey: z.string(),
  campaign: z.string(),
  campaignId: z.string(),
  requester: z.string(),
  title: z.string(),
  policy: ModerationPolicy,
  isPrivate: z.boolean(),
  metadataUri: z.string().optional(),
  metadataHash: z.string().optional(),
  items: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      id: z.string(),
      kind: z.enum(["text", "image"]),
      dataHash: z.string().optional(),
      uri: z.string().optional(),
    }),
  ),
  complete: z.boolean().default(false),
});
export type ModerationManifest = z.infer<typeof ModerationManifest>;

const store = manifestStore("moderation", ModerationManifest);

export const moderationManifestPath = store.path;
export const saveModerationManifest = store.save;
export const loadModerationManifest = store.load;
export const findModerationManifestByInputs = store.findByInputs;
