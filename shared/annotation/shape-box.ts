import type { Rect } from "../geometry";
import { polygonBounds } from "../geometry";
import { ellipseBounds, ellipsePolygon, rotatedBoxBounds, rotatedBoxCorners } from "./rotated-geometry";
import type { Shape } from "./shapes";

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
      return polygonBounds(shape.points);
    case "keypoints":
      return polygonBounds(placedKeypoints(shape.points, shape.visibility));
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
