// Which first-guess model a requester means, as typed on the command line: a model folder
// (manifest.json + files, checked here), the manifest's sha256, or "default" for the model that
// ships with the app; and the detector-class → label mapping that goes with it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Label } from "../../shared/annotation";
import type { LabelMapping } from "../../shared/api/first-guess";
import { ModelRegistry, ModelRefusedError, shippedModelsDir, userModelsDir } from "../first-guess";
import type { ModelSource } from "../first-guess";
import { RequesterError } from "../chain";
import { labelIdOf } from "./labels-file";

export interface ModelChoice {
  /** sha256 of the model's manifest.json: what a campaign records and the app checks. */
  readonly hash: string;
  /** Where a voter may load it from (the folder given, or the shipped and installed models). */
  readonly sources: ModelSource[];
  /** "name@version" when the model is at hand here; null for a bare hash nobody installed here. */
  readonly id: string | null;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Resolves `--model`. A folder is verified file by file before anything names it (a requester
 * should not recommend a model that the app would refuse); a bare hash is taken as given, but
 * said to be unknown when no installed model has it.
 */
export async function resolveModel(arg: string, appHome?: string): Promise<ModelChoice> {
  const installed: ModelSource[] = [
    { dir: shippedModelsDir(), origin: "shipped" },
    ...(appHome ? [{ dir: userModelsDir(appHome), origin: "user" as const }] : []),
  ];
  if (arg === "default") {
    const model = (await new ModelRegistry(installed.slice(0, 1)).scan()).models[0];
    if (!model) throw new RequesterError(`No default model in ${shippedModelsDir()}.`);
    return { hash: model.hash, sources: installed.slice(0, 1), id: `${model.manifest.name}@${model.manifest.version}` };
  }
  if (HASH.test(arg)) {
    const model = (await new ModelRegistry(installed).scan()).models.find((m) => m.hash === arg);
    return { hash: arg, sources: installed, id: model ? `${model.manifest.name}@${model.manifest.version}` : null };
  }
  const folder = path.resolve(arg);
  const manifestFile = path.join(folder, "manifest.json");
  if (!fs.existsSync(manifestFile))
    throw new RequesterError(
      `--model ${arg}: not a model folder (no manifest.json), a 64-hex manifest sha256, or "default".`,
    );
  const hash = createHash("sha256").update(fs.readFileSync(manifestFile)).digest("hex");
  // The registry reads folders under a root: the folder's parent, asked for exactly this hash.
  const sources: ModelSource[] = [{ dir: path.dirname(folder), origin: "user" }];
  try {
    const model = await new ModelRegistry(sources).load(hash);
    return { hash, sources, id: `${model.entry.manifest.name}@${model.entry.manifest.version}` };
  } catch (error) {
    throw new RequesterError(
      `--model ${arg}: ${error instanceof ModelRefusedError ? error.reason : error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Parses `--model-map`: "person=pedestrian,car=vehicle" or a JSON file {"person": "pedestrian"}.
 * Targets may be label ids or names; each must be one of the campaign's labels.
 */
export function parseMapping(text: string, labels: readonly Label[]): LabelMapping {
  let raw: Record<string, unknown>;
  if (fs.existsSync(text) && fs.statSync(text).isFile()) {
    try {
      raw = JSON.parse(fs.readFileSync(text, "utf8")) as Record<string, unknown>;
    } catch (e) {
      throw new RequesterError(`${text}: malformed JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw new RequesterError(`${text}: expected an object of detector class → label`);
  } else {
    raw = {};
    for (const pair of text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const at = pair.indexOf("=");
      if (at <= 0 || at === pair.length - 1) throw new RequesterError(`--model-map: "${pair}" is not class=label`);
      raw[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
  }
  const mapping: LabelMapping = {};
  for (const [cls, target] of Object.entries(raw)) {
    if (typeof target !== "string") throw new RequesterError(`--model-map: the label for "${cls}" must be a string`);
    const id = labelIdOf([...labels], target);
    if (!id)
      throw new RequesterError(
        `--model-map: "${target}" (for detector class "${cls}") is not one of the campaign's labels (${labels.map((l) => l.name).join(", ")})`,
      );
    mapping[cls] = id;
  }
  if (Object.keys(mapping).length === 0) throw new RequesterError("--model-map: no class=label pairs");
  return mapping;
}
