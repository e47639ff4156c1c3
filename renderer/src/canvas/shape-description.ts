import type { Label, Shape } from "../../../shared/annotation";
import { shapeBounds } from "./geometry/shape-geometry";

/** What a screen reader says for a shape: kind, label, where, how big, and its flags. */
export function describeShape(shape: Shape, label: Label | undefined, position: number): string {
  const b = shapeBounds(shape);
  const where = `at ${Math.round(b.x)}, ${Math.round(b.y)}, ${Math.round(b.w)} by ${Math.round(b.h)} pixels`;
  const kind = shape.kind === "box" ? "Box" : `Polygon of ${shape.points.length / 2} points`;
  const flags = [
    shape.source?.kind === "model" ? (shape.source.edited ? "edited model guess" : shape.source.accepted ? "accepted model guess" : "model guess") : null,
    shape.hidden ? "hidden" : null,
    shape.locked ? "locked" : null,
  ].filter((f): f is string => f !== null);
  return `${position}. ${kind}, ${label?.name ?? shape.label}, ${where}${flags.length ? ", " + flags.join(", ") : ""}`;
}
