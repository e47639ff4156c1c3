import type { Shape } from "../../../../shared/annotation";
import type { Point, Rect, Size } from "./rect";
import { rectContainsPoint } from "./rect";
import { nearestEdge, pointInPolygon, polygonBounds } from "./polygon-geometry";
import { hitEllipse, hitRotatedBox, placedKeypoints, shapeBox } from "../../../../shared/annotation";
import { maskBitAt } from "./mask-bits";

export function shapeBounds(shape: Shape): Rect {
  return shapeBox(shape);
}

function nearAnyPoint(points: readonly number[], p: Point, tolerance: number): boolean {
  for (let i = 0; i < points.length; i += 2)
    if (Math.hypot((points[i] as number) - p.x, (points[i + 1] as number) - p.y) <= tolerance) return true;
  return false;
}

/**
 * Whether p hits the shape: inside it, or within `tolerance` (image pixels) of its outline, so
 * thin shapes stay clickable at any zoom. Masks hit on their set pixels only.
 */
export function hitShape(shape: Shape, p: Point, tolerance: number): boolean {
  switch (shape.kind) {
    case "box":
      return rectContainsPoint(shape, p, tolerance);
    case "polygon": {
      if (pointInPolygon(shape.points, p.x, p.y)) return true;
      const edge = nearestEdge(shape.points, p);
      return edge !== null && edge.distance <= tolerance;
    }
    case "polyline": {
      const edge = nearestEdge(shape.points, p, false);
      return edge !== null && edge.distance <= tolerance;
    }
    case "points":
      return nearAnyPoint(shape.points, p, Math.max(tolerance, 1));
    case "keypoints": {
      const placed = placedKeypoints(shape.points, shape.visibility);
      if (nearAnyPoint(placed, p, Math.max(tolerance, 1))) return true;
      return placed.length >= 4 && rectContainsPoint(polygonBounds(placed), p, 0);
    }
    case "mask":
      return maskBitAt(shape, Math.floor(p.x), Math.floor(p.y));
    case "rotated-box":
      return hitRotatedBox(shape, p, tolerance);
    case "ellipse":
      return hitEllipse(shape, p, tolerance);
  }
}

function shiftFlat(points: readonly number[], dx: number, dy: number, visibility?: readonly number[]): number[] {
  return points.map((v, i) => (visibility && visibility[i >> 1] === 0 ? v : v + (i % 2 === 0 ? dx : dy)));
}

export function translateShapeUnclamped(shape: Shape, dx: number, dy: number): Shape {
  switch (shape.kind) {
    case "box":
      return { ...shape, x: shape.x + dx, y: shape.y + dy };
    case "mask":
      // masks live on the pixel grid
      return { ...shape, x: shape.x + Math.round(dx), y: shape.y + Math.round(dy) };
    case "polygon":
    case "polyline":
    case "points":
      return { ...shape, points: shiftFlat(shape.points, dx, dy) };
    case "keypoints":
      return { ...shape, points: shiftFlat(shape.points, dx, dy, shape.visibility) };
    case "rotated-box":
    case "ellipse":
      return { ...shape, cx: shape.cx + dx, cy: shape.cy + dy };
  }
}

/** The part of (dx, dy) that keeps `bounds` inside the image: a group stops as a whole at the border. */
export function clampDelta(bounds: Rect, dx: number, dy: number, image: Size): { dx: number; dy: number } {
  return {
    dx: Math.min(image.width - (bounds.x + bounds.w), Math.max(-bounds.x, dx)),
    dy: Math.min(image.height - (bounds.y + bounds.h), Math.max(-bounds.y, dy)),
  };
}

/** Moves a shape, sliding along the image border instead of leaving it (as boxes always did). */
export function translateShape(shape: Shape, dx: number, dy: number, image: Size): Shape {
  const d = clampDelta(shapeBounds(shape), dx, dy, image);
  // a mask must move by whole pixels and stay inside: round towards zero
  if (shape.kind === "mask") return translateShapeUnclamped(shape, Math.trunc(d.dx), Math.trunc(d.dy));
  return translateShapeUnclamped(shape, d.dx, d.dy);
}

/** Vertex lists the vertex handles edit (polygon, polyline, points, keypoints). */
export function isVertexShape(shape: Shape): shape is Extract<Shape, { points: number[] }> {
  return shape.kind === "polygon" || shape.kind === "polyline" || shape.kind === "points" || shape.kind === "keypoints";
}

/** Fewest vertices a vertex shape may keep when one is deleted. */
export function minVertices(kind: Shape["kind"]): number {
  return kind === "polygon" ? 3 : kind === "polyline" ? 2 : 1;
}
