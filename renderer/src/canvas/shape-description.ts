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

export interface ShapeDescriptionParts {
  /** "3. Box" / "3. Polygon of 5 points". */
  readonly lead: string;
  /** "at 10, 20, 30 by 40 pixels". */
  readonly where: string;
  /** "edited model guess, hidden". */
  readonly flags: string;
}

/** The parts of describeShape, so a row can show some of them and hide the rest visually. */
export function describeShapeParts(shape: Shape, position: number): ShapeDescriptionParts {
  const b = shapeBounds(shape);
  const kind = kindText(shape);
  const flags = [
    shape.source?.kind === "model"
      ? shape.source.edited
        ? "edited model guess"
        : shape.source.accepted
          ? "accepted model guess"
          : "model guess"
      : null,
    shape.hidden ? "hidden" : null,
    shape.locked ? "locked" : null,
  ].filter((f): f is string => f !== null);
  return {
    lead: `${position}. ${kind}`,
    where: `at ${Math.round(b.x)}, ${Math.round(b.y)}, ${Math.round(b.w)} by ${Math.round(b.h)} pixels`,
    flags: flags.join(", "),
  };
}

/**
 * What a screen reader says for a shape: kind, label, its flags, where, how big, and its
 * attributes. The label and the flags are what the shape list's row shows, so they come together
 * (WCAG 2.5.3: the visible text is part of the accessible name, in its order).
 */
export function describeShape(shape: Shape, label: Label | undefined, position: number): string {
  const parts = describeShapeParts(shape, position);
  const attributes = attributeText(shape, label).join(", ");
  return `${parts.lead}, ${label?.name ?? shape.label}${parts.flags ? ", " + parts.flags : ""}, ${parts.where}${attributes ? ", " + attributes : ""}`;
}
