/** Axis-aligned rectangles and points in image pixels. Pure: no DOM, unit-tested. */
import type { Point, Rect, Size } from "../../../../shared/geometry";

export type { Point, Rect, Size } from "../../../../shared/geometry";

export function rectFromCorners(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
}

export function clampPoint(p: Point, bounds: Size): Point {
  return { x: Math.min(bounds.width, Math.max(0, p.x)), y: Math.min(bounds.height, Math.max(0, p.y)) };
}

/** Keeps the rectangle inside the image, shrinking it only when it is larger than the image. */
export function clampRectInside(r: Rect, bounds: Size): Rect {
  const w = Math.min(r.w, bounds.width);
  const h = Math.min(r.h, bounds.height);
  return { x: Math.min(bounds.width - w, Math.max(0, r.x)), y: Math.min(bounds.height - h, Math.max(0, r.y)), w, h };
}

/** Cuts the rectangle to the image (used when drawing: the part outside is simply not there). */
export function intersectRect(r: Rect, bounds: Size): Rect {
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(bounds.width, r.x + r.w);
  const y1 = Math.min(bounds.height, r.y + r.h);
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

export function rectContainsPoint(r: Rect, p: Point, tolerance = 0): boolean {
  return (
    p.x >= r.x - tolerance && p.x <= r.x + r.w + tolerance && p.y >= r.y - tolerance && p.y <= r.y + r.h + tolerance
  );
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

export function expandRect(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by };
}

/** Grows a rectangle by a fraction of its own size on every side (the culling margin). */
export function widenRect(r: Rect, fraction: number): Rect {
  return { x: r.x - r.w * fraction, y: r.y - r.h * fraction, w: r.w * (1 + 2 * fraction), h: r.h * (1 + 2 * fraction) };
}

export function unionRects(rects: Iterable<Rect>): Rect | null {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
