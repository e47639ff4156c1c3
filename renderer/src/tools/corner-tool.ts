import type { Shape } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import { isBigEnough } from "../canvas/geometry/box-geometry";
import type { Point, Rect } from "../canvas/geometry/rect";
import { clampPoint, distance, rectFromCorners } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { moveGesture, startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";
import { DRAG_THRESHOLD_PX } from "./tool";

type CornerState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | { readonly name: "pressing"; readonly start: Point; readonly current: Point; readonly dragged: boolean }
  /** A click without a drag set the first corner; the next click sets the opposite one. */
  | { readonly name: "secondCorner"; readonly start: Point; readonly current: Point };

/**
 * Shapes framed by two opposite corners — boxes, rotated boxes (drawn upright), ellipses —
 * drawn by click-drag or by two clicks (two Spaces at the keyboard cursor). A press on a selected
 * shape's handle edits it instead, and (the `move` habit, Label Studio's and CVAT's) a press inside a
 * selected shape drags the selection: drawing starts outside it. Frames smaller than the minimum are discarded: they are
 * almost always slips of the hand. New shapes start with their label's default attributes.
 * Subclasses say what shape a frame makes.
 */
export abstract class CornerTool implements Tool {
  abstract readonly id: Tool["id"];
  private state: CornerState = { name: "idle" };

  constructor(protected readonly ctx: ToolContext) {}

  /** The shape the frame `r` makes (without id, label and source), and whether its draft is an ellipse. */
  protected abstract shapeFor(r: Rect): Omit<Shape, "id" | "label" | "source">;
  protected readonly ellipseDraft: boolean = false;

  down(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    if (this.state.name === "secondCorner") {
      this.commit(this.state.start, p);
      this.state = { name: "idle" };
      return;
    }
    const gesture = startHandleGesture(this.ctx, input) ?? this.moveSelected(input);
    if (gesture) {
      this.state = { name: "editing", gesture };
      return;
    }
    this.state = { name: "pressing", start: p, current: p, dragged: false };
  }

  /** With the `move` habit, a press on a selected shape moves the selection (the topmost shape there decides). */
  private moveSelected(input: PointerInput): Gesture | null {
    if (this.ctx.habits.dragSelected !== "move" || this.ctx.selection().size === 0) return null;
    const hit = this.ctx.shapeAt(input.point);
    return hit && this.ctx.selection().has(hit.id) ? moveGesture(this.ctx, input.point) : null;
  }

  move(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    const s = this.state;
    if (s.name === "editing") s.gesture.move(input.point);
    else if (s.name === "secondCorner") this.state = { ...s, current: p };
    else if (s.name === "pressing") {
      const dragged = s.dragged || distance(s.start, p) / this.ctx.pixelsPerScreenPixel() >= DRAG_THRESHOLD_PX;
      this.state = { ...s, current: p, dragged };
    }
  }

  up(input: PointerInput): void {
    const s = this.state;
    if (s.name === "editing") {
      s.gesture.up();
      this.state = { name: "idle" };
    } else if (s.name === "pressing") {
      if (s.dragged) {
        this.commit(s.start, clampPoint(input.point, this.ctx.image));
        this.state = { name: "idle" };
      } else this.state = { name: "secondCorner", start: s.start, current: s.start };
    }
  }

  private commit(a: Point, b: Point): void {
    const r: Rect = rectFromCorners(a, b);
    if (!isBigEnough(r)) return;
    const label = this.ctx.activeLabel();
    const attributes = defaultAttributes(label);
    this.ctx.addShapes([
      {
        ...this.shapeFor(r),
        id: this.ctx.newShapeId(),
        label: label.id,
        source: { kind: "human" },
        ...(attributes ? { attributes } : {}),
      } as Shape,
    ]);
  }

  cancel(): boolean {
    const s = this.state;
    this.state = { name: "idle" };
    if (s.name === "editing") s.gesture.cancel();
    return s.name !== "idle";
  }

  finish(): boolean {
    return false;
  }

  removeLast(): boolean {
    return this.cancel();
  }

  draft(): Draft | null {
    const s = this.state;
    if ((s.name === "pressing" && s.dragged) || s.name === "secondCorner") {
      return {
        kind: "box",
        rect: rectFromCorners(s.start, s.current),
        label: this.ctx.activeLabel().id,
        ...(this.ellipseDraft ? { ellipse: true } : {}),
      };
    }
    return null;
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
