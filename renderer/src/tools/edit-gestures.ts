import type { PolygonShape, Shape } from "../../../shared/annotation";
import type { BoxHandle } from "../canvas/geometry/box-geometry";
import { BOX_HANDLES, handlePosition, resizeBox } from "../canvas/geometry/box-geometry";
import { insertVertex, moveVertex, nearestEdge, nearestVertex, removeVertex } from "../canvas/geometry/polygon-geometry";
import type { Point } from "../canvas/geometry/rect";
import { distance, unionRects } from "../canvas/geometry/rect";
import { shapeBounds } from "../canvas/geometry/shape-geometry";
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
 * What a press on a selected shape's handle means: resize a box, drag, delete (Alt/Ctrl) a
 * polygon vertex, or insert one on an edge (Alt/Ctrl). Null when the press is on no handle.
 */
export function startHandleGesture(ctx: ToolContext, input: PointerInput): Gesture | null {
  const shapes = editableSelection(ctx);
  if (shapes.length === 0 || shapes.length > MAX_SHAPES_WITH_HANDLES) return null;
  const tolerance = GRAB_RADIUS_PX * ctx.pixelsPerScreenPixel();
  for (let i = shapes.length - 1; i >= 0; i--) {
    const shape = shapes[i] as Shape;
    if (shape.kind === "box") {
      const handle = BOX_HANDLES.find((h) => distance(handlePosition(shape, h), input.point) <= tolerance);
      if (handle) return resizeGesture(ctx, shape.id, handle);
      continue;
    }
    const vertex = nearestVertex(shape.points, input.point, tolerance);
    if (vertex >= 0 && input.modify) {
      ctx.editShapes([{ ...shape, points: removeVertex(shape.points, vertex) }]);
      return instantGesture();
    }
    if (vertex >= 0) return vertexGesture(ctx, shape, vertex);
    if (input.modify) {
      const edge = nearestEdge(shape.points, input.point);
      if (edge && edge.distance <= tolerance) {
        ctx.history.mark();
        const inserted = { ...shape, points: insertVertex(shape.points, edge.edge, edge.at) };
        ctx.editShapes([inserted]);
        return vertexGesture(ctx, inserted, edge.edge + 1, true);
      }
    }
  }
  return null;
}

function instantGesture(): Gesture {
  return { move() {}, up() {}, cancel() {} };
}

function resizeGesture(ctx: ToolContext, id: string, handle: BoxHandle): Gesture {
  ctx.history.mark();
  return {
    move(p) {
      const box = ctx.store.get(id);
      if (box?.kind !== "box") return;
      const next = resizeBox(box, handle, p, ctx.image);
      if (next.x !== box.x || next.y !== box.y || next.w !== box.w || next.h !== box.h) ctx.editShapes([{ ...box, ...next }]);
    },
    up: () => ctx.history.commit(),
    cancel: () => ctx.history.bail(),
  };
}

function vertexGesture(ctx: ToolContext, polygon: PolygonShape, index: number, alreadyMarked = false): Gesture {
  if (!alreadyMarked) ctx.history.mark();
  return {
    move(p) {
      const current = ctx.store.get(polygon.id);
      if (current?.kind !== "polygon") return;
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
      const dx = Math.min(ctx.image.width - (bounds.x + bounds.w), Math.max(-bounds.x, p.x - start.x));
      const dy = Math.min(ctx.image.height - (bounds.y + bounds.h), Math.max(-bounds.y, p.y - start.y));
      ctx.editShapes(originals.map((s) => translated(s, dx, dy)));
    },
    up: () => ctx.history.commit(),
    cancel: () => ctx.history.bail(),
  };
}

function translated(shape: Shape, dx: number, dy: number): Shape {
  if (shape.kind === "box") return { ...shape, x: shape.x + dx, y: shape.y + dy };
  return { ...shape, points: shape.points.map((v, i) => v + (i % 2 === 0 ? dx : dy)) };
}
