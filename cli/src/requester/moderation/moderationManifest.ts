// The requester's local record of a moderation campaign: which item each task index holds, the
// policy, and how far creation got (so `campaign create` resumes). Kept apart from the labelling
// manifest (campaigns/) because its tasks are items, not images with sizes.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ModerationPolicy } from "../../../../shared/moderation";

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

function dir(stateDir: string): string {
  return path.join(stateDir, "moderation");
}

export function moderationManifestPath(stateDir: string, campaign: string): string {
  return path.join(dir(stateDir), `${campaign}.json`);
}

export function saveModerationManifest(stateDir: string, manifest: ModerationManifest): void {
  const file = moderationManifestPath(stateDir, manifest.campaign);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 1));
  fs.renameSync(tmp, file);
}

export function loadModerationManifest(stateDir: string, campaign: string): ModerationManifest | undefined {
  const file = moderationManifestPath(stateDir, campaign);
  if (!fs.existsSync(file)) return undefined;
  return ModerationManifest.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

export function findModerationManifestByInputs(stateDir: string, inputsKey: string): ModerationManifest | undefined {
  if (!fs.existsSync(dir(stateDir))) return undefined;
  for (const name of fs.readdirSync(dir(stateDir))) {
    if (!name.endsWith(".json")) continue;
    try {
      const m = ModerationManifest.parse(JSON.parse(fs.readFileSync(path.join(dir(stateDir), name), "utf8")));
      if (m.inputsKey === inputsKey) return m;
    } catch {
      // A foreign or damaged file is not ours to resume.
    }
  }
  return undefined;
}
