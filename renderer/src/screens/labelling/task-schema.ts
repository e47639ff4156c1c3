import type { Label, ShapeKind } from "../../../../shared/annotation";
import { SHAPE_KINDS } from "../../../../shared/annotation";
import type { LabelSchema } from "../../canvas/editor/label-schema";

/** Words requesters use for each kind in a campaign's labelKind ("boxes+polygons+classes"). */
const KIND_WORDS: Readonly<Record<string, ShapeKind>> = {
  box: "box",
  boxes: "box",
  bbox: "box",
  polygon: "polygon",
  polygons: "polygon",
  polyline: "polyline",
  polylines: "polyline",
  line: "polyline",
  lines: "polyline",
  point: "points",
  points: "points",
  keypoint: "keypoints",
  keypoints: "keypoints",
  skeleton: "keypoints",
  skeletons: "keypoints",
  mask: "mask",
  masks: "mask",
  brush: "mask",
  "rotated-box": "rotated-box",
  "rotated-boxes": "rotated-box",
  rbox: "rotated-box",
  obb: "rotated-box",
  ellipse: "ellipse",
  ellipses: "ellipse",
};

/**
 * The canvas schema for a campaign's label kind, as requesters name it in campaign metadata:
 * words joined by "+" or "," ("boxes", "polygons", "classes", "classes-single", "boxes+classes",
 * "box+polygon+polyline+points+keypoints+mask+rotated-box+ellipse"). Unknown or missing kinds
 * offer boxes and polygons and no image classes. A label that lists `kinds` is offered for those.
 */
export function schemaForTask(labels: readonly Label[], labelKind: string | null | undefined): LabelSchema {
  const words = (labelKind ?? "")
    .toLowerCase()
    .split(/[+,\s]+/)
    .filter((w) => w.length > 0);
  const wanted = new Set<ShapeKind>();
  for (const word of words) {
    const kind = KIND_WORDS[word];
    if (kind) wanted.add(kind);
  }
  const wantsClasses = words.some((w) => w.startsWith("class"));
  if (!wantsClasses && wanted.size === 0) wanted.add("box").add("polygon");
  const tools = SHAPE_KINDS.filter((k) => wanted.has(k));
  const classification = wantsClasses ? (words.some((w) => w.includes("single")) ? "single" : "multi") : "none";
  return {
    labels: tools.length > 0 ? labels : [],
    classes: wantsClasses ? labels : [],
    classification,
    tools,
  };
}
