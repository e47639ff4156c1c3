import type { Rect } from "./rotated-geometry";
import { ellipseBounds, ellipsePolygon, rotatedBoxBounds, rotatedBoxCorners } from "./rotated-geometry";
import type { Shape } from "./shapes";

function flatBounds(points: readonly number[]): Rect {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i] as number,
      y = points[i + 1] as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x0 === Infinity ? { x: 0, y: 0, w: 0, h: 0 } : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Placed keypoints only (v > 0), flat x,y. */
export function placedKeypoints(points: readonly number[], visibility: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < visibility.length; i++)
    if (visibility[i] !== 0) out.push(points[2 * i] as number, points[2 * i + 1] as number);
  return out;
}

/** The axis-aligned bounding box of any shape (a skeleton's over its placed joints). */
export function shapeBox(shape: Shape): Rect {
  switch (shape.kind) {
    case "box":
    case "mask":
      return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
    case "polygon":
    case "polyline":
    case "points":
      return flatBounds(shape.points);
    case "keypoints":
      return flatBounds(placedKeypoints(shape.points, shape.visibility));
    case "rotated-box":
      return rotatedBoxBounds(shape);
    case "ellipse":
      return ellipseBounds(shape);
  }
}

/** A closed outline of an area shape as a flat polygon; null for open paths, points, skeletons and masks. */
export function areaOutline(shape: Shape): number[] | null {
  switch (shape.kind) {
    case "box":
      return [
        shape.x,
        shape.y,
        shape.x + shape.w,
        shape.y,
        shape.x + shape.w,
        shape.y + shape.h,
        shape.x,
        shape.y + shape.h,
      ];
    case "polygon":
      return [...shape.points];
    case "rotated-box":
      return rotatedBoxCorners(shape).flatMap((p) => [p.x, p.y]);
    case "ellipse":
      return ellipsePolygon(shape);
    default:
      return null;
  }
}
