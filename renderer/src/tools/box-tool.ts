import type { BoxShape } from "../../../shared/annotation";
import { isBigEnough } from "../canvas/geometry/box-geometry";
import type { Point } from "../canvas/geometry/rect";
import { clampPoint, distance, rectFromCorners } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";
import { DRAG_THRESHOLD_PX } from "./tool";

type BoxState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | { readonly name: "pressing"; readonly start: Point; readonly current: Point; readonly dragged: boolean }
  /** A click without a drag set the first corner; the next click sets the opposite one. */
  | { readonly name: "secondCorner"; readonly start: Point; readonly current: Point };

/**
 * Boxes by click-drag or by two clicks. A press on a selected box's handle resizes it instead.
 * Boxes smaller than the minimum are discarded: they are almost always slips of the hand.
 */
export class BoxTool implements Tool {
  readonly id = "box" as const;
  private state: BoxState = { name: "idle" };

  constructor(private readonly ctx: ToolContext) {}

  down(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    if (this.state.name === "secondCorner") {
      this.commit(this.state.start, p);
      this.state = { name: "idle" };
      return;
    }
    const gesture = startHandleGesture(this.ctx, input);
    if (gesture) {
      this.state = { name: "editing", gesture };
      return;
    }
    this.state = { name: "pressing", start: p, current: p, dragged: false };
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
    const rect = rectFromCorners(a, b);
    if (!isBigEnough(rect)) return;
    const box: BoxShape = {
      id: this.ctx.newShapeId(),
      kind: "box",
      label: this.ctx.activeLabel().id,
      ...rect,
      source: { kind: "human" },
    };
    this.ctx.addShapes([box]);
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
      return { kind: "box", rect: rectFromCorners(s.start, s.current), label: this.ctx.activeLabel().id };
    }
    return null;
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
