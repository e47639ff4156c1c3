import type { Shape } from "../../../../shared/annotation";
import type { Point, Rect } from "./rect";
import { rectContainsPoint } from "./rect";
import { nearestEdge, pointInPolygon, polygonBounds } from "./polygon-geometry";

export function shapeBounds(shape: Shape): Rect {
  return shape.kind === "box" ? { x: shape.x, y: shape.y, w: shape.w, h: shape.h } : polygonBounds(shape.points);
}

/**
 * Whether p hits the shape: inside it, or within `tolerance` (image pixels) of its outline, so
 * thin shapes stay clickable at any zoom.
 */
export function hitShape(shape: Shape, p: Point, tolerance: number): boolean {
  if (shape.kind === "box") return rectContainsPoint(shape, p, tolerance);
  if (pointInPolygon(shape.points, p)) return true;
  const edge = nearestEdge(shape.points, p);
  return edge !== null && edge.distance <= tolerance;
}

export function translateShapeUnclamped(shape: Shape, dx: number, dy: number): Shape {
  if (shape.kind === "box") return { ...shape, x: shape.x + dx, y: shape.y + dy };
  return { ...shape, points: shape.points.map((v, i) => v + (i % 2 === 0 ? dx : dy)) };
}
