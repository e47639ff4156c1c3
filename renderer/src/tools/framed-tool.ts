import type { EllipseShape, RotatedBoxShape } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import { isBigEnough } from "../canvas/geometry/box-geometry";
import type { Point, Rect } from "../canvas/geometry/rect";
import { clampPoint, distance, rectFromCorners } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";
import { DRAG_THRESHOLD_PX } from "./tool";

type FramedState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | { readonly name: "pressing"; readonly start: Point; readonly current: Point; readonly dragged: boolean }
  | { readonly name: "secondCorner"; readonly start: Point; readonly current: Point };

/**
 * Rotated boxes and ellipses are drawn as boxes are (a drag, or two clicks / two Spaces for
 * opposite corners), upright; the rotation handle or R / Shift+R then turn them. An ellipse
 * fills the frame drawn.
 */
export class FramedTool implements Tool {
  private state: FramedState = { name: "idle" };

  constructor(
    private readonly ctx: ToolContext,
    readonly id: "rotated-box" | "ellipse",
  ) {}

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
    const r: Rect = rectFromCorners(a, b);
    if (!isBigEnough(r)) return;
    const label = this.ctx.activeLabel();
    const common = {
      id: this.ctx.newShapeId(),
      label: label.id,
      source: { kind: "human" as const },
      cx: r.x + r.w / 2,
      cy: r.y + r.h / 2,
      angle: 0,
    };
    const attributes = defaultAttributes(label);
    const shape: RotatedBoxShape | EllipseShape =
      this.id === "rotated-box"
        ? { ...common, kind: "rotated-box", w: r.w, h: r.h }
        : { ...common, kind: "ellipse", rx: r.w / 2, ry: r.h / 2 };
    this.ctx.addShapes([attributes ? { ...shape, attributes } : shape]);
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
        ellipse: this.id === "ellipse",
      };
    }
    return null;
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
