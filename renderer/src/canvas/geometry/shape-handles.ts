import type { Shape } from "../../../../shared/annotation";
import { fromLocal, rotatedBoxCorners } from "../../../../shared/annotation";
import type { BoxHandle } from "./box-geometry";
import { resizeBox } from "./box-geometry";
import { resizeEllipse, resizeRotatedBox } from "./handles";
import { insertVertex, moveVertex, removeVertex, vertexAt, vertexCount } from "./polygon-geometry";
import type { Point, Size } from "./rect";
import { translateShape } from "./shape-geometry";

/**
 * The points of a shape a person can pick and move one at a time by keys ("vertex editing"):
 * a polygon's or polyline's vertices, a point set's points, a skeleton's joints (absent ones
 * too: moving one places it), the four corners of a box or rotated box, an ellipse's four axis
 * ends, a mask's top-left corner (moving it moves the mask). Every shape kind answers these four
 * questions; the keyboard commands (select next/previous point, move it, insert after it,
 * delete it) are written once against them.
 */
const BOX_CORNERS: readonly BoxHandle[] = ["nw", "ne", "se", "sw"];
const ELLIPSE_ENDS: readonly BoxHandle[] = ["e", "s", "w", "n"];

function ellipseEnds(shape: Extract<Shape, { kind: "ellipse" }>): Point[] {
  return [
    { x: shape.rx, y: 0 },
    { x: 0, y: shape.ry },
    { x: -shape.rx, y: 0 },
    { x: 0, y: -shape.ry },
  ].map((p) => fromLocal(shape, p));
}

export function handlesOf(shape: Shape): Point[] {
  switch (shape.kind) {
    case "box":
      return [
        { x: shape.x, y: shape.y },
        { x: shape.x + shape.w, y: shape.y },
        { x: shape.x + shape.w, y: shape.y + shape.h },
        { x: shape.x, y: shape.y + shape.h },
      ];
    case "rotated-box":
      return rotatedBoxCorners(shape);
    case "ellipse":
      return ellipseEnds(shape);
    case "mask":
      return [{ x: shape.x, y: shape.y }];
    default: {
      const out: Point[] = [];
      for (let i = 0; i < vertexCount(shape.points); i++) out.push(vertexAt(shape.points, i));
      return out;
    }
  }
}

/** The shape with handle `index` at `p` (clamped to the image); a corner or axis end resizes. */
export function moveHandle(shape: Shape, index: number, p: Point, image: Size): Shape {
  switch (shape.kind) {
    case "box":
      return { ...shape, ...resizeBox(shape, BOX_CORNERS[index] ?? "se", p, image) };
    case "rotated-box":
      return resizeRotatedBox(shape, BOX_CORNERS[index] ?? "se", p);
    case "ellipse":
      return resizeEllipse(shape, ELLIPSE_ENDS[index] ?? "e", p);
    case "mask":
      return translateShape(shape, p.x - shape.x, p.y - shape.y, image);
    case "keypoints": {
      const visibility = [...shape.visibility];
      if (visibility[index] === 0) visibility[index] = 2;
      return { ...shape, points: moveVertex(shape.points, index, p, image), visibility };
    }
    default:
      return { ...shape, points: moveVertex(shape.points, index, p, image) };
  }
}

/** A new handle halfway along the edge after `index`, or null when the kind has fixed handles. */
export function insertHandleAfter(shape: Shape, index: number): { shape: Shape; index: number } | null {
  if (shape.kind !== "polygon" && shape.kind !== "polyline") return null;
  const n = vertexCount(shape.points);
  if (shape.kind === "polyline" && index >= n - 1) return null;
  const a = vertexAt(shape.points, index);
  const b = vertexAt(shape.points, (index + 1) % n);
  return {
    shape: { ...shape, points: insertVertex(shape.points, index, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }) },
    index: index + 1,
  };
}

/**
 * The shape without handle `index`, or null when the kind cannot lose it (boxes, triangles, a
 * polyline's last two vertices, a point set's last point). A skeleton's joint becomes absent.
 */
export function removeHandle(shape: Shape, index: number): Shape | null {
  switch (shape.kind) {
    case "polygon":
    case "polyline":
    case "points": {
      const min = shape.kind === "polygon" ? 3 : shape.kind === "polyline" ? 2 : 1;
      if (vertexCount(shape.points) <= min) return null;
      return { ...shape, points: removeVertex(shape.points, index, min) };
    }
    case "keypoints": {
      if (shape.visibility.filter((v) => v > 0).length <= 1 || shape.visibility[index] === 0) return null;
      const visibility = [...shape.visibility];
      visibility[index] = 0;
      const points = [...shape.points];
      points[2 * index] = 0;
      points[2 * index + 1] = 0;
      return { ...shape, points, visibility };
    }
    default:
      return null;
  }
}

/** What a person calls the handle: "Corner" on a box, "Vertex" on a polygon, "Joint" on a skeleton. */
export function handleNoun(shape: Shape): string {
  switch (shape.kind) {
    case "box":
    case "rotated-box":
    case "mask":
      return "Corner";
    case "ellipse":
      return "Axis end";
    case "keypoints":
      return "Joint";
    case "points":
      return "Point";
    default:
      return "Vertex";
  }
}
