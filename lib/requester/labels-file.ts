// The labels file a requester writes: JSON ({tool, labels, title?, instructions?, noneOfThese?,
// examples?: [{image, caption?}] with image paths relative to the file} where a label is a name or {name, color?, hotkey?, description?, kinds?, attributes?,
// skeleton?}) or plain text with one label per line. `tool` is "box", "polygon", "class" or the
// shape kinds the campaign allows joined by "+" ("box+polyline+keypoints+mask"). Validated with
// zod; errors name the file and the problem.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Label } from "../../shared/annotation";
import { AttributeSpec, SHAPE_KINDS, ShapeKind, Skeleton } from "../../shared/annotation";
import { RequesterError } from "../chain";
import type { ExampleRef } from "./examples";
import { labelColours } from "./label-colour";

/** The simple presets (the app's form offers these and any set of kinds). */
export const TOOLS = ["box", "polygon", "class"] as const;

/** "class", or shape kinds joined by "+", each once, in SHAPE_KINDS order once parsed. */
export const ToolSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (t) => t === "class" || t.split("+").every((k) => (SHAPE_KINDS as readonly string[]).includes(k)),
    `tool must be "class" or shape kinds joined by "+" (${SHAPE_KINDS.join(", ")})`,
  )
  .transform((t) => (t === "class" ? t : SHAPE_KINDS.filter((k) => t.split("+").includes(k)).join("+")));
export type Tool = string;

const LabelEntry = z.union([
  z.string().min(1).max(128),
  z.object({
    name: z.string().min(1).max(128),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "color must be #rrggbb")
      .optional(),
    hotkey: z.string().max(16).optional(),
    description: z.string().max(1000).optional(),
    kinds: z.array(ShapeKind).max(SHAPE_KINDS.length).optional(),
    attributes: z.array(AttributeSpec).max(32).optional(),
    skeleton: Skeleton.optional(),
  }),
]);

const LabelsFileSchema = z.object({
  title: z.string().max(200).optional(),
  instructions: z.string().max(5000).optional(),
  tool: ToolSchema.default("box"),
  labels: z.array(LabelEntry).min(1, "at least one label").max(1000),
  /** Classes: a result with no class chosen means "none of these" (refused otherwise). */
  noneOfThese: z.boolean().optional(),
  /** Example images shown beside the instructions (public, like the instructions). */
  examples: z
    .array(z.object({ image: z.string().min(1).max(4096), caption: z.string().max(500).optional() }))
    .max(8)
    .optional(),
});

export interface LabelSpec {
  title: string;
  instructions: string;
  tool: Tool;
  labels: Label[];
  /** Set (true) only when allowed, so specs without it keep their resume keys. */
  noneOfThese?: true;
  /** Example images (paths as the file names them; readLabelsFile resolves them next to it). Only when given. */
  examples?: ExampleRef[];
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 64) || "label"
  );
}

export function parseLabels(text: string, source: string): LabelSpec {
  let raw: unknown;
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      raw = JSON.parse(trimmed);
    } catch (e) {
      throw new RequesterError(`${source}: malformed JSON (${e instanceof Error ? e.message : String(e)})`, "labels");
    }
  } else {
    raw = {
      labels: trimmed
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#")),
    };
  }
  const parsed = LabelsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RequesterError(`${source}: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`, "labels");
  }
  const seen = new Set<string>();
  const entries = parsed.data.labels.map((entry): Omit<Label, "id" | "color"> & { color?: string } =>
    typeof entry === "string" ? { name: entry } : entry,
  );
  const colours = labelColours(
    entries.map((e) => e.name),
    entries.map((e) => e.color),
  );
  const labels = entries.map((e, i): Label => {
    let id = slug(e.name);
    while (seen.has(id)) id = `${id}-${i}`;
    seen.add(id);
    const hotkey = e.hotkey ?? (i < 9 ? String(i + 1) : undefined);
    return {
      id,
      name: e.name,
      color: colours[i]!,
      ...(hotkey ? { hotkey } : {}),
      ...(e.description ? { description: e.description } : {}),
      ...(e.kinds ? { kinds: e.kinds } : {}),
      ...(e.attributes ? { attributes: e.attributes } : {}),
      ...(e.skeleton ? { skeleton: e.skeleton } : {}),
    };
  });
  if (parsed.data.tool.split("+").includes("keypoints") && !labels.some((l) => l.skeleton))
    throw new RequesterError(
      `${source}: a campaign with keypoints needs a label with a skeleton (joints and edges).`,
      "labels",
    );
  return {
    title: parsed.data.title ?? "Untitled campaign",
    instructions: parsed.data.instructions ?? "",
    tool: parsed.data.tool,
    labels,
    ...(parsed.data.noneOfThese ? { noneOfThese: true as const } : {}),
    ...(parsed.data.examples?.length
      ? { examples: parsed.data.examples.map((e) => ({ path: e.image, caption: e.caption ?? "" })) }
      : {}),
  };
}

export function readLabelsFile(file: string): LabelSpec {
  if (!fs.existsSync(file)) throw new RequesterError(`Labels file not found: ${file}`);
  const spec = parseLabels(fs.readFileSync(file, "utf8"), file);
  // Example paths are relative to the labels file, wherever the command runs.
  if (spec.examples)
    spec.examples = spec.examples.map((e) => ({ ...e, path: path.resolve(path.dirname(file), e.path) }));
  return spec;
}

/** Finds a label by id or by name, as gold files and exports may use either. */
export function labelIdOf(labels: Label[], idOrName: string): string | undefined {
  return labels.find((l) => l.id === idOrName || l.name === idOrName)?.id;
}
