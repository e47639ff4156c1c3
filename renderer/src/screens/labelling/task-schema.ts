import type { Label } from "../../../../shared/annotation";
import type { LabelSchema } from "../../canvas/editor/label-schema";

/**
 * The canvas schema for a campaign's label kind, as requesters name it in campaign metadata
 * ("boxes", "polygons", "classes", "classes-single", or a mix like "boxes+classes").
 * Unknown or missing kinds offer both drawing tools and no image classes.
 */
export function schemaForTask(labels: readonly Label[], labelKind: string | null | undefined): LabelSchema {
  const kind = (labelKind ?? "").toLowerCase();
  const tools: Array<"box" | "polygon"> = [];
  if (kind.includes("box")) tools.push("box");
  if (kind.includes("polygon")) tools.push("polygon");
  const wantsClasses = kind.includes("class");
  if (!wantsClasses && tools.length === 0) tools.push("box", "polygon");
  const classification = wantsClasses ? (kind.includes("single") ? "single" : "multi") : "none";
  return {
    labels: tools.length > 0 ? labels : [],
    classes: wantsClasses ? labels : [],
    classification,
    tools,
  };
}
