import type { Shape } from "../../../../shared/annotation";
import { shapeBox } from "../../../../shared/annotation";
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

/** Where the tag sits: the top-left of the shape's bounding box (a box's own corner). */
export function tagAnchor(shape: Shape): Point {
  const b = shapeBox(shape);
  return { x: b.x, y: b.y };
}

/** Screen pixels around a tag's text, and its height. */
export const TAG_PAD_PX = 4;
export const TAG_HEIGHT_PX = 16;

export interface PlacedTag {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

/**
 * A selected shape's tag (full name and flags) placed inside the view: above the shape's
 * top-left corner where there is room, cut with an ellipsis to the view's width, and pushed
 * left or down so that no part of it runs off the canvas (a long label near an edge).
 */
export function fitTag(
  text: string,
  anchor: Point,
  view: { readonly width: number; readonly height: number },
  measure: (s: string) => number,
): PlacedTag {
  const room = Math.max(0, view.width - 2 * TAG_PAD_PX);
  let shown = text;
  if (measure(shown) > room) {
    // the longest prefix that fits with its ellipsis (binary search: measureText is not free)
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (measure(`${text.slice(0, mid)}…`) <= room) lo = mid;
      else hi = mid - 1;
    }
    shown = `${text.slice(0, lo).trimEnd()}…`;
  }
  const w = Math.min(view.width, measure(shown) + 2 * TAG_PAD_PX);
  const x = Math.max(0, Math.min(anchor.x, view.width - w));
  const above = anchor.y - TAG_HEIGHT_PX - 2;
  const y = Math.max(0, Math.min(above, view.height - TAG_HEIGHT_PX));
  return { text: shown, x, y, w };
}
