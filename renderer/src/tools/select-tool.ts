import type { Point } from "../canvas/geometry/rect";
import { rectFromCorners } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { moveGesture, startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";

type SelectState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | { readonly name: "marquee"; readonly start: Point; readonly current: Point; readonly additive: boolean };

/**
 * Click selects (Shift or Ctrl adds/removes), drag moves the selection, drag on empty image
 * selects everything the rectangle touches. Handles of selected shapes edit them.
 */
export class SelectTool implements Tool {
  readonly id = "select" as const;
  private state: SelectState = { name: "idle" };

  constructor(private readonly ctx: ToolContext) {}

  down(input: PointerInput): void {
    const gesture = startHandleGesture(this.ctx, input);
    if (gesture) {
      this.state = { name: "editing", gesture };
      return;
    }
    const hit = this.ctx.shapeAt(input.point);
    const selection = this.ctx.selection();
    const toggle = input.shift || input.modify;
    if (hit) {
      if (toggle) {
        const next = new Set(selection);
        if (next.has(hit.id)) next.delete(hit.id);
        else next.add(hit.id);
        this.ctx.setSelection(next);
        return;
      }
      if (!selection.has(hit.id)) this.ctx.setSelection([hit.id]);
      const move = moveGesture(this.ctx, input.point);
      if (move) this.state = { name: "editing", gesture: move };
      return;
    }
    if (!toggle) this.ctx.setSelection([]);
    this.state = { name: "marquee", start: input.point, current: input.point, additive: toggle };
  }

  move(input: PointerInput): void {
    const s = this.state;
    if (s.name === "editing") s.gesture.move(input.point);
    else if (s.name === "marquee") this.state = { ...s, current: input.point };
  }

  up(): void {
    const s = this.state;
    this.state = { name: "idle" };
    if (s.name === "editing") s.gesture.up();
    else if (s.name === "marquee") {
      const area = rectFromCorners(s.start, s.current);
      if (area.w === 0 && area.h === 0) return;
      const hits = this.ctx.shapesIn(area).map((shape) => shape.id);
      this.ctx.setSelection(s.additive ? [...this.ctx.selection(), ...hits] : hits);
    }
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
    return false;
  }

  draft(): Draft | null {
    const s = this.state;
    return s.name === "marquee" ? { kind: "marquee", rect: rectFromCorners(s.start, s.current) } : null;
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
