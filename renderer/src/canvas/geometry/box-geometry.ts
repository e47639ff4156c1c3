import type { Point, Rect, Size } from "./rect";
import { clampRectInside } from "./rect";

/** The smallest box anyone can mean to draw; anything smaller is a stray click. */
export const MIN_BOX_SIZE = 3;

export type BoxHandle = "nw" | "n" | "ne" | "e" | "se" | "s" | "sw" | "w";
export const BOX_HANDLES: readonly BoxHandle[] = ["nw", "n", "ne", "e", "se", "s", "sw", "w"];

export function handlePosition(box: Rect, handle: BoxHandle): Point {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const x = handle.includes("w") ? box.x : handle.includes("e") ? box.x + box.w : cx;
  const y = handle.includes("n") ? box.y : handle.includes("s") ? box.y + box.h : cy;
  return { x, y };
}

/**
 * Moves the edges a handle owns to the pointer, clamped to the image. An edge dragged past its
 * opposite edge stops at the minimum size instead of flipping, so the handle stays under the
 * pointer's side and the user never loses track of which corner they hold.
 */
export function resizeBox(box: Rect, handle: BoxHandle, pointer: Point, image: Size, minSize = MIN_BOX_SIZE): Rect {
  let x0 = box.x,
    y0 = box.y,
    x1 = box.x + box.w,
    y1 = box.y + box.h;
  const px = Math.min(image.width, Math.max(0, pointer.x));
  const py = Math.min(image.height, Math.max(0, pointer.y));
  if (handle.includes("w")) x0 = Math.min(px, x1 - minSize);
  if (handle.includes("e")) x1 = Math.max(px, x0 + minSize);
  if (handle.includes("n")) y0 = Math.min(py, y1 - minSize);
  if (handle.includes("s")) y1 = Math.max(py, y0 + minSize);
  return clampRectInside({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, image);
}

/** Moves a box by (dx, dy) but never out of the image: it slides along the border instead. */
export function translateBox(box: Rect, dx: number, dy: number, image: Size): Rect {
  return clampRectInside({ x: box.x + dx, y: box.y + dy, w: box.w, h: box.h }, image);
}

/** Alt+arrows: grows or shrinks the right/bottom edge, never below the minimum nor past the image. */
export function resizeBoxBy(box: Rect, dw: number, dh: number, image: Size, minSize = MIN_BOX_SIZE): Rect {
  const w = Math.min(image.width - box.x, Math.max(minSize, box.w + dw));
  const h = Math.min(image.height - box.y, Math.max(minSize, box.h + dh));
  return { x: box.x, y: box.y, w, h };
}

export function isBigEnough(r: Rect, minSize = MIN_BOX_SIZE): boolean {
  return r.w >= minSize && r.h >= minSize;
}
