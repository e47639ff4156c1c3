import type { Shape } from "../../../shared/annotation";
import type { BoxHandle } from "../canvas/geometry/box-geometry";
import { resizeBox } from "../canvas/geometry/box-geometry";
import type { Handle } from "../canvas/geometry/handles";
import { resizeEllipse, resizeRotatedBox, shapeHandles } from "../canvas/geometry/handles";
import { insertVertex, moveVertex, nearestEdge, removeVertex, vertexCount } from "../canvas/geometry/polygon-geometry";
import type { Point } from "../canvas/geometry/rect";
import { distance, unionRects } from "../canvas/geometry/rect";
import { angleTowards } from "../../../shared/annotation";
import {
  clampDelta,
  isVertexShape,
  minVertices,
  shapeBounds,
  translateShapeUnclamped,
} from "../canvas/geometry/shape-geometry";
import { ROTATION_HANDLE_OFFSET_PX } from "../canvas/geometry/paint-constants";
import type { PointerInput, ToolContext } from "./tool";
import { GRAB_RADIUS_PX } from "./tool";

/** A drag in progress that edits existing shapes; one gesture is one undo step. */
export interface Gesture {
  move(p: Point): void;
  up(): void;
  cancel(): void;
}

/** Handles are only offered on a selection small enough to show them. */
export const MAX_SHAPES_WITH_HANDLES = 200;

export function editableSelection(ctx: ToolContext): Shape[] {
  const out: Shape[] = [];
  for (const id of ctx.selection()) {
    const shape = ctx.store.get(id);
    if (shape && !shape.locked && !shape.hidden) out.push(shape);
  }
  return out;
}

/**
 * What a press on a selected shape's handle means: resize a box, rotated box or ellipse, turn
 * one by its rotation handle, drag a vertex or joint, delete a vertex (Alt/Ctrl on it) or insert
 * one on a polygon or polyline edge (Alt/Ctrl on the edge). Null when the press is on no handle.
 */
export function startHandleGesture(ctx: ToolContext, input: PointerInput): Gesture | null {
  const shapes = editableSelection(ctx);
  if (shapes.length === 0 || shapes.length > MAX_SHAPES_WITH_HANDLES) return null;
  const scale = ctx.pixelsPerScreenPixel();
  const tolerance = GRAB_RADIUS_PX * scale;
  for (let i = shapes.length - 1; i >= 0; i--) {
    const shape = shapes[i] as Shape;
    let grabbed: Handle | null = null;
    let best = tolerance;
    for (const h of shapeHandles(shape, ROTATION_HANDLE_OFFSET_PX * scale)) {
      const d = distance(h.at, input.point);
      if (d <= best) {
        grabbed = h;
        best = d;
      }
    }
    if (grabbed?.kind === "rotate") return rotateGesture(ctx, shape.id);
    if (grabbed?.kind === "resize") return resizeGesture(ctx, shape.id, grabbed.handle);
    if (grabbed?.kind === "vertex" && isVertexShape(shape)) {
      if (input.modify && shape.kind !== "keypoints") {
        if (vertexCount(shape.points) > minVertices(shape.kind))
          ctx.editShapes([{ ...shape, points: removeVertex(shape.points, grabbed.index, minVertices(shape.kind)) }]);
        return instantGesture();
      }
      return vertexGesture(ctx, shape.id, grabbed.index);
    }
    if (input.modify && (shape.kind === "polygon" || shape.kind === "polyline")) {
      const edge = nearestEdge(shape.points, input.point, shape.kind === "polygon");
      if (edge && edge.distance <= tolerance) {
        ctx.history.mark();
        ctx.editShapes([{ ...shape, points: insertVertex(shape.points, edge.edge, edge.at) }]);
        return vertexGesture(ctx, shape.id, edge.edge + 1, true);
      }
    }
  }
  return null;
}

function instantGesture(): Gesture {
  return { move() {}, up() {}, cancel() {} };
}

function resized(shape: Shape, handle: BoxHandle, p: Point, ctx: ToolContext): Shape | null {
  if (shape.kind === "box") {
    const next = resizeBox(shape, handle, p, ctx.image);
    return next.x !== shape.x || next.y !== shape.y || next.w !== shape.w || next.h !== shape.h
      ? { ...shape, ...next }
      : null;
  }
  if (shape.kind === "rotated-box") return resizeRotatedBox(shape, handle, p);
  if (shape.kind === "ellipse") return resizeEllipse(shape, handle, p);
  return null;
}

function resizeGesture(ctx: ToolContext, id: string, handle: BoxHandle): Gesture {
  ctx.history.mark();
  return {
    move(p) {
      const shape = ctx.store.get(id);
      const next = shape ? resized(shape, handle, p, ctx) : null;
      if (next) ctx.editShapes([next]);
    },
    up: () => ctx.history.commit(),
    cancel: () => ctx.history.bail(),
  };
}

function rotateGesture(ctx: ToolContext, id: string): Gesture {
  ctx.history.mark();
  return {
    move(p) {
      const shape = ctx.store.get(id);
      if (shape?.kind !== "rotated-box" && shape?.kind !== "ellipse") return;
      ctx.editShapes([{ ...shape, angle: angleTowards(shape, p) }]);
    },
    up: () => ctx.history.commit(),
    cancel: () => ctx.history.bail(),
  };
}

function vertexGesture(ctx: ToolContext, id: string, index: number, alreadyMarked = false): Gesture {
  if (!alreadyMarked) ctx.history.mark();
  return {
    move(p) {
      const current = ctx.store.get(id);
      if (!current || !isVertexShape(current)) return;
      ctx.editShapes([{ ...current, points: moveVertex(current.points, index, p, ctx.image) }]);
    },
    up: () => ctx.history.commit(),
    cancel: () => ctx.history.bail(),
  };
}

/** Moves every editable selected shape together; the group stops as a whole at the border. */
export function moveGesture(ctx: ToolContext, start: Point): Gesture | null {
  const originals = editableSelection(ctx);
  if (originals.length === 0) return null;
  const bounds = unionRects(originals.map(shapeBounds));
  if (!bounds) return null;
  ctx.history.mark();
  return {
    move(p) {
      const d = clampDelta(bounds, p.x - start.x, p.y - start.y, ctx.image);
      ctx.editShapes(originals.map((s) => translateShapeUnclamped(s, d.dx, d.dy)));
    },
    up: () => ctx.history.commit(),
    cancel: () => ctx.history.bail(),
  };
}
