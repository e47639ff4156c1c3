import type { Shape } from "../../../../shared/annotation";
import type { Point } from "../geometry/rect";

const MAX_TAG_CHARS = 12;
/** Rough width of one 11 px character: enough to decide between the name and its initial. */
const CHAR_PX = 6.5;

/**
 * What a shape's tag says: the label's name when the shape is wide enough on screen, its
 * initial when not, nothing on a shape too small to carry one. Long names are cut with an
 * ellipsis, so a tag never runs far past its shape.
 */
export function labelTag(name: string, screenWidth: number): string {
  if (screenWidth < 14) return "";
  const fits = Math.floor((screenWidth - 6) / CHAR_PX);
  if (fits >= name.length && name.length <= MAX_TAG_CHARS) return name;
  if (fits >= 4) {
    const room = Math.min(fits, MAX_TAG_CHARS) - 1;
    return name.slice(0, room) + "…";
  }
  return name.charAt(0).toUpperCase();
}

/** Where the tag sits: a box's top-left corner, a polygon's topmost vertex. */
export function tagAnchor(shape: Shape): Point {
  if (shape.kind === "box") return { x: shape.x, y: shape.y };
  let best = { x: Infinity, y: Infinity };
  for (let i = 0; i < shape.points.length; i += 2) {
    const y = shape.points[i + 1] as number;
    if (y < best.y) best = { x: shape.points[i] as number, y };
  }
  return best;
}
