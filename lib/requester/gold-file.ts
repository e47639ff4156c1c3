// Gold-standard answers: {"<image file name>": {"shapes": [...], "classes": [...]}} with
// labels given by id or name. Checked against the campaign's images and labels up front.
import fs from "node:fs";
import { z } from "zod";
import type { Label } from "../../shared/annotation";
import { RequesterError } from "../chain";
import { GoldAnswer } from "./campaign-manifest";
import { labelIdOf } from "./labels-file";

const GoldFileSchema = z.record(z.string(), GoldAnswer);

export function readGoldFile(file: string, imageNames: string[], labels: Label[]): Record<string, GoldAnswer> {
  if (!fs.existsSync(file)) throw new RequesterError(`Gold file not found: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new RequesterError(`${file}: malformed JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = GoldFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [image, list, index, field] = issue?.path ?? [];
    // The one rule people miss: gold shapes are result-document shapes, so each needs an id.
    if (list === "shapes" && typeof index === "number" && field === "id" && issue?.path.length === 4)
      throw new RequesterError(
        `${file}: "${String(image)}": shape ${index + 1} has no "id" (each gold shape needs one: any text up to 64 characters, unique within the image).`,
      );
    throw new RequesterError(`${file}: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  const out: Record<string, GoldAnswer> = {};
  for (const [name, answer] of Object.entries(parsed.data)) {
    if (!imageNames.includes(name)) throw new RequesterError(`${file}: "${name}" is not one of the campaign's images.`);
    const label = (l: string): string => {
      const id = labelIdOf(labels, l);
      if (!id) throw new RequesterError(`${file}: "${name}" uses unknown label "${l}".`);
      return id;
    };
    out[name] = {
      shapes: answer.shapes.map((s) => ({ ...s, label: label(s.label) })),
      classes: answer.classes.map(label),
    };
  }
  return out;
}
