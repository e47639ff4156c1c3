import type { Label, Shape } from "../../../shared/annotation";
import { shapeBounds } from "./geometry/shape-geometry";

function kindText(shape: Shape): string {
  switch (shape.kind) {
    case "box":
      return "Box";
    case "polygon":
      return `Polygon of ${shape.points.length / 2} points`;
    case "polyline":
      return `Polyline of ${shape.points.length / 2} points`;
    case "points":
      return shape.points.length === 2 ? "Point" : `${shape.points.length / 2} points`;
    case "keypoints": {
      const placed = shape.visibility.filter((v) => v > 0).length;
      const occluded = shape.visibility.filter((v) => v === 1).length;
      return `Skeleton, ${placed} of ${shape.visibility.length} joints placed${occluded ? `, ${occluded} occluded` : ""}`;
    }
    case "mask":
      return "Mask";
    case "rotated-box":
      return `Rotated box, ${Math.round(shape.angle)} degrees`;
    case "ellipse":
      return `Ellipse, ${Math.round(shape.angle)} degrees`;
  }
}

function attributeText(shape: Shape, label: Label | undefined): string[] {
  const out: string[] = [];
  for (const spec of label?.attributes ?? []) {
    const v = shape.attributes?.[spec.id];
    if (v === undefined || v === "") continue;
    out.push(spec.type === "checkbox" ? (v === true ? spec.name : `not ${spec.name}`) : `${spec.name} ${String(v)}`);
  }
  return out;
}

/** What a screen reader says for a shape: kind, label, where, how big, its attributes and flags. */
export function describeShape(shape: Shape, label: Label | undefined, position: number): string {
  const b = shapeBounds(shape);
  const where = `at ${Math.round(b.x)}, ${Math.round(b.y)}, ${Math.round(b.w)} by ${Math.round(b.h)} pixels`;
  const flags = [
    ...attributeText(shape, label),
    shape.source?.kind === "model" ? (shape.source.edited ? "edited model guess" : shape.source.accepted ? "accepted model guess" : "model guess") : null,
    shape.hidden ? "hidden" : null,
    shape.locked ? "locked" : null,
  ].filter((f): f is string => f !== null);
  return `${position}. ${kindText(shape)}, ${label?.name ?? shape.label}, ${where}${flags.length ? ", " + flags.join(", ") : ""}`;
}
