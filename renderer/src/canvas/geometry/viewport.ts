import type { Point, Rect, Size } from "./rect";

/** screen = image * scale + offset. The only place image and screen coordinates meet. */
export interface Viewport {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export const MIN_SCALE = 1 / 64;
export const MAX_SCALE = 64;

export function toImage(vp: Viewport, screen: Point): Point {
  return { x: (screen.x - vp.x) / vp.scale, y: (screen.y - vp.y) / vp.scale };
}

export function toScreen(vp: Viewport, image: Point): Point {
  return { x: image.x * vp.scale + vp.x, y: image.y * vp.scale + vp.y };
}

/** Zooms by `factor` keeping the image point under `anchor` (screen) where it is. */
export function zoomAt(vp: Viewport, anchor: Point, factor: number): Viewport {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, vp.scale * factor));
  const k = scale / vp.scale;
  return { scale, x: anchor.x - (anchor.x - vp.x) * k, y: anchor.y - (anchor.y - vp.y) * k };
}

export function fitViewport(image: Size, view: Size, padding = 16): Viewport {
  const scale = Math.max(
    MIN_SCALE,
    Math.min((view.width - 2 * padding) / image.width, (view.height - 2 * padding) / image.height),
  );
  return { scale, x: (view.width - image.width * scale) / 2, y: (view.height - image.height * scale) / 2 };
}

export function visibleImageRect(vp: Viewport, view: Size): Rect {
  return { x: -vp.x / vp.scale, y: -vp.y / vp.scale, w: view.width / vp.scale, h: view.height / vp.scale };
}

/** Pans the least needed to bring `target` (image rect) into view with a margin. */
export function revealRect(vp: Viewport, view: Size, target: Rect, margin = 40): Viewport {
  const left = target.x * vp.scale + vp.x,
    right = (target.x + target.w) * vp.scale + vp.x;
  const top = target.y * vp.scale + vp.y,
    bottom = (target.y + target.h) * vp.scale + vp.y;
  let dx = 0,
    dy = 0;
  if (left < margin) dx = margin - left;
  else if (right > view.width - margin) dx = view.width - margin - right;
  if (top < margin) dy = margin - top;
  else if (bottom > view.height - margin) dy = view.height - margin - bottom;
  return dx === 0 && dy === 0 ? vp : { scale: vp.scale, x: vp.x + dx, y: vp.y + dy };
}
