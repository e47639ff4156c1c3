import type { Rect } from "./rect";

/** Polygons and paths are flat [x0, y0, x1, y1, ...] arrays in image pixels, as documents store them. */
export type FlatPoints = readonly number[];

/** The axis-aligned bounds of a flat point list; an empty list has an empty rectangle at the origin. */
export function polygonBounds(points: FlatPoints): Rect {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i] as number,
      y = points[i + 1] as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x0 === Infinity ? { x: 0, y: 0, w: 0, h: 0 } : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Shoelace formula, signed: positive for clockwise outlines on screen (y down). */
export function signedPolygonArea(points: FlatPoints): number {
  let sum = 0;
  for (let i = 0, j = points.length - 2; i + 1 < points.length; j = i, i += 2)
    sum += (points[j] as number) * (points[i + 1] as number) - (points[i] as number) * (points[j + 1] as number);
  return sum / 2;
}

/** Absolute area in square pixels, whatever the outline's orientation. */
export function polygonArea(points: FlatPoints): number {
  return Math.abs(signedPolygonArea(points));
}

/** Even-odd ray casting; takes x and y apart so per-pixel loops allocate nothing. */
export function pointInPolygon(points: FlatPoints, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 2; i + 1 < points.length; j = i, i += 2) {
    const xi = points[i] as number,
      yi = points[i + 1] as number,
      xj = points[j] as number,
      yj = points[j + 1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
