// The requester's local record of a campaign: what each task index holds (file name, size,
// blob), the gold answers, and how far creation got. It makes `campaign create` resumable
// and gives review/export file names; the chain stays the source of truth for progress.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Label, Shape } from "../../../shared/annotation";
import { CampaignFirstGuess } from "../../../shared/api/first-guess";
import { TOOLS } from "./labelsFile";

export const GoldAnswer = z.object({ shapes: z.array(Shape).default([]), classes: z.array(z.string()).default([]) });
export type GoldAnswer = z.infer<typeof GoldAnswer>;

export const CampaignManifest = z.object({
  version: z.literal(1),
  inputsKey: z.string(),
  campaign: z.string(),
  campaignId: z.string(),
  requester: z.string(),
  title: z.string(),
  tool: z.enum(TOOLS),
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

export function manifestDir(stateDir: string): string {
  return path.join(stateDir, "campaigns");
}

export function manifestPath(stateDir: string, campaign: string): string {
  return path.join(manifestDir(stateDir), `${campaign}.json`);
}

export function saveManifest(stateDir: string, manifest: CampaignManifest): void {
  const file = manifestPath(stateDir, manifest.campaign);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 1));
  fs.renameSync(tmp, file);
}

export function loadManifest(stateDir: string, campaign: string): CampaignManifest | undefined {
  const file = manifestPath(stateDir, campaign);
  if (!fs.existsSync(file)) return undefined;
  return CampaignManifest.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

export function findManifestByInputs(stateDir: string, inputsKey: string): CampaignManifest | undefined {
  const dir = manifestDir(stateDir);
  if (!fs.existsSync(dir)) return undefined;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith(".json")) continue;
    try {
      const m = CampaignManifest.parse(JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")));
      if (m.inputsKey === inputsKey) return m;
    } catch {
      // A foreign or damaged file is not ours to resume.
    }
  }
  return undefined;
}
