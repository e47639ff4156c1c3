import type { Label } from "../../../../shared/annotation";

/** What a campaign asks for: shape labels, image classes and the tools that make sense. */
export interface LabelSchema {
  /** Labels for boxes and polygons; digits 1–9 pick them in order. */
  readonly labels: readonly Label[];
  /** Classes for the whole image; Shift+digits toggle them (plain digits when there are no tools). */
  readonly classes: readonly Label[];
  readonly classification: "single" | "multi" | "none";
  readonly tools: ReadonlyArray<"box" | "polygon">;
}

/** The document's label list: shape labels then image classes, each id once. */
export function documentLabels(schema: LabelSchema): Label[] {
  const seen = new Set<string>();
  return [...schema.labels, ...schema.classes].filter((l) => !seen.has(l.id) && (seen.add(l.id), true));
}
