import type { Label, ShapeKind } from "../../../../shared/annotation";

/** What a campaign asks for: shape labels, image classes and the tools that make sense. */
export interface LabelSchema {
  /** Labels for boxes and polygons; digits 1–9 pick them in order. */
  readonly labels: readonly Label[];
  /** Classes for the whole image; Shift+digits toggle them (plain digits when there are no tools). */
  readonly classes: readonly Label[];
  readonly classification: "single" | "multi" | "none";
  /** Shape kinds the campaign allows, in toolbar order; the assisted tools come with mask or polygon. */
  readonly tools: ReadonlyArray<ShapeKind>;
}

/** The document's label list: shape labels then image classes, each id once. */
export function documentLabels(schema: LabelSchema): Label[] {
  const seen = new Set<string>();
  return [...schema.labels, ...schema.classes].filter((l) => !seen.has(l.id) && (seen.add(l.id), true));
}

/**
 * The drawing tools a campaign gets: one per allowed kind, plus the magic wand with masks or
 * polygons and intelligent scissors with polygons, when the assist worker runs.
 */
export function availableTools(schema: LabelSchema, assisted: boolean): Array<ShapeKind | "wand" | "scissors"> {
  const tools: Array<ShapeKind | "wand" | "scissors"> = [...schema.tools];
  if (assisted && (schema.tools.includes("mask") || schema.tools.includes("polygon"))) tools.push("wand");
  if (assisted && schema.tools.includes("polygon")) tools.push("scissors");
  return tools;
}
