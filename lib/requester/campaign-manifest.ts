// The requester's local record of a campaign: what each task index holds (file name, size,
// blob), the gold answers, and how far creation got. It makes `campaign create` resumable
// and gives review/export file names; the chain stays the source of truth for progress.
import { z } from "zod";
import { Label, Shape } from "../../shared/annotation";
import { CampaignFirstGuess } from "../../shared/api/first-guess";
import { ToolSchema } from "./labels-file";
import { manifestStore } from "./manifest-store";

export const GoldAnswer = z.object({ shapes: z.array(Shape).default([]), classes: z.array(z.string()).default([]) });
export type GoldAnswer = z.infer<typeof GoldAnswer>;

export const CampaignManifest = z.object({
  version: z.literal(1),
  inputsKey: z.string(),
  campaign: z.string(),
  campaignId: z.string(),
  requester: z.string(),
  title: z.string(),
  tool: ToolSchema,
  labels: z.array(Label),
  isPrivate: z.boolean(),
  metadataUri: z.string().optional(),
  metadataHash: z.string().optional(),
  tasks: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      name: z.string(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      dataHash: z.string().optional(),
      uri: z.string().optional(),
    }),
  ),
  gold: z.record(z.string(), GoldAnswer).default({}),
  /** The first-guess model the campaign recommends (review's `--model campaign` uses it). */
  firstGuess: CampaignFirstGuess.optional(),
  complete: z.boolean().default(false),
});
export type CampaignManifest = z.infer<typeof CampaignManifest>;

const store = manifestStore("campaigns", CampaignManifest);

export const manifestDir = store.dir;
export const manifestPath = store.path;
export const saveManifest = store.save;
export const loadManifest = store.load;
export const findManifestByInputs = store.findByInputs;
