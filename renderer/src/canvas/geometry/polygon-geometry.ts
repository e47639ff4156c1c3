import type { FlatPoints } from "../../../../shared/geometry";
import { polygonBounds } from "../../../../shared/geometry";
import type { Point, Size } from "./rect";

// Bounds, area and the inside test live in shared/geometry (the scorer and exporters use them too).
export { pointInPolygon, polygonArea, polygonBounds } from "../../../../shared/geometry";
export type { FlatPoints } from "../../../../shared/geometry";

export function vertexCount(points: FlatPoints): number {
  return points.length >> 1;
}

export function vertexAt(points: FlatPoints, i: number): Point {
  return { x: points[2 * i] as number, y: points[2 * i + 1] as number };
}

export interface SegmentHit {
  readonly distance: number;
  /** The closest point on the segment. */
  readonly at: Point;
}

export function closestOnSegment(a: Point, b: Point, p: Point): SegmentHit {
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  const at = { x: a.x + t * dx, y: a.y + t * dy };
  return { distance: Math.hypot(p.x - at.x, p.y - at.y), at };
}

export interface EdgeHit extends SegmentHit {
  /** Edge i runs from vertex i to vertex i + 1 (the last edge closes back to vertex 0). */
  readonly edge: number;
}

export function nearestEdge(points: FlatPoints, p: Point, closed = true): EdgeHit | null {
  const n = vertexCount(points);
  let best: EdgeHit | null = null;
  const edges = closed ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const hit = closestOnSegment(vertexAt(points, i), vertexAt(points, (i + 1) % n), p);
    if (!best || hit.distance < best.distance) best = { ...hit, edge: i };
  }
  return best;
}

/** Index of the vertex within `tolerance` of p (the nearest one), or -1. */
export function nearestVertex(points: FlatPoints, p: Point, tolerance: number): number {
  let best = -1;
  let bestDistance = tolerance;
  for (let i = 0; i < vertexCount(points); i++) {
    const d = Math.hypot((points[2 * i] as number) - p.x, (points[2 * i + 1] as number) - p.y);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** A new vertex on edge `edge`, i.e. between vertex `edge` and the next one. */
export function insertVertex(points: FlatPoints, edge: number, p: Point): number[] {
  const at = 2 * (edge + 1);
  return [...points.slice(0, at), p.x, p.y, ...points.slice(at)];
}

/** Removes a vertex unless that would leave fewer than `min` (then the shape is unchanged). */
export function removeVertex(points: FlatPoints, index: number, min = 3): number[] {
  if (vertexCount(points) <= min) return [...points];
  return [...points.slice(0, 2 * index), ...points.slice(2 * index + 2)];
}

export function moveVertex(points: FlatPoints, index: number, p: Point, image: Size): number[] {
  const next = [...points];
  next[2 * index] = Math.min(image.width, Math.max(0, p.x));
  next[2 * index + 1] = Math.min(image.height, Math.max(0, p.y));
  return next;
}

/** Moves the whole polygon, stopping at the image border like a box does. */
export function translatePolygon(points: FlatPoints, dx: number, dy: number, image: Size): number[] {
  const b = polygonBounds(points);
  const cdx = Math.min(image.width - (b.x + b.w), Math.max(-b.x, dx));
  const cdy = Math.min(image.height - (b.y + b.h), Math.max(-b.y, dy));
  const next = new Array<number>(points.length);
  for (let i = 0; i < points.length; i += 2) {
    next[i] = (points[i] as number) + cdx;
    next[i + 1] = (points[i + 1] as number) + cdy;
  }
  return next;
}
