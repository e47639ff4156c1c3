import type { Shape } from "../../../../shared/annotation";
import type { BoxHandle } from "./box-geometry";
import { resizeBox } from "./box-geometry";
import { insertVertex, moveVertex, removeVertex, vertexAt, vertexCount } from "./polygon-geometry";
import type { Point, Size } from "./rect";

/**
 * The points of a shape a person can pick and move one at a time by keys ("vertex editing"):
 * a polygon's vertices, a box's four corners. Every shape kind answers these four questions;
 * the keyboard commands (select next/previous point, move it, insert after it, delete it) are
 * written once against them. A new kind adds its case here and nothing in the commands.
 */
const BOX_CORNERS: readonly BoxHandle[] = ["nw", "ne", "se", "sw"];

export function handlesOf(shape: Shape): Point[] {
  if (shape.kind === "box") {
    return [
      { x: shape.x, y: shape.y },
      { x: shape.x + shape.w, y: shape.y },
      { x: shape.x + shape.w, y: shape.y + shape.h },
      { x: shape.x, y: shape.y + shape.h },
    ];
  }
  const out: Point[] = [];
  for (let i = 0; i < vertexCount(shape.points); i++) out.push(vertexAt(shape.points, i));
  return out;
}

/** The shape with handle `index` at `p` (clamped to the image); a box corner resizes the box. */
export function moveHandle(shape: Shape, index: number, p: Point, image: Size): Shape {
  if (shape.kind === "box") return { ...shape, ...resizeBox(shape, BOX_CORNERS[index] ?? "se", p, image) };
  return { ...shape, points: moveVertex(shape.points, index, p, image) };
}

/** A new handle halfway along the edge after `index`, or null when the kind has fixed handles. */
export function insertHandleAfter(shape: Shape, index: number): { shape: Shape; index: number } | null {
  if (shape.kind === "box") return null;
  const n = vertexCount(shape.points);
  const a = vertexAt(shape.points, index);
  const b = vertexAt(shape.points, (index + 1) % n);
  return { shape: { ...shape, points: insertVertex(shape.points, index, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }) }, index: index + 1 };
}

/** The shape without handle `index`, or null when the kind cannot lose it (boxes, triangles). */
export function removeHandle(shape: Shape, index: number): Shape | null {
  if (shape.kind === "box" || vertexCount(shape.points) <= 3) return null;
  return { ...shape, points: removeVertex(shape.points, index) };
}

/** What a person calls the handle: "corner" on a box, "vertex" on a polygon. */
export function handleNoun(shape: Shape): string {
  return shape.kind === "box" ? "Corner" : "Vertex";
}
