import type { Label, Shape } from "../../../shared/annotation";
import { shapeBounds } from "./geometry/shape-geometry";

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
  const kind = shape.kind === "box" ? "Box" : `Polygon of ${shape.points.length / 2} points`;
  const flags = [
    shape.source?.kind === "model" ? (shape.source.edited ? "edited model guess" : shape.source.accepted ? "accepted model guess" : "model guess") : null,
    shape.hidden ? "hidden" : null,
    shape.locked ? "locked" : null,
  ].filter((f): f is string => f !== null);
  return { lead: `${position}. ${kind}`, where: `at ${Math.round(b.x)}, ${Math.round(b.y)}, ${Math.round(b.w)} by ${Math.round(b.h)} pixels`, flags: flags.join(", ") };
}

/** What a screen reader says for a shape: kind, label, where, how big, and its flags. */
export function describeShape(shape: Shape, label: Label | undefined, position: number): string {
  const parts = describeShapeParts(shape, position);
  return `${parts.lead}, ${label?.name ?? shape.label}, ${parts.where}${parts.flags ? ", " + parts.flags : ""}`;
}
