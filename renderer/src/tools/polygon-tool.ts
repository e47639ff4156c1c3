import type { PolygonShape } from "../../../shared/annotation";
import type { Point } from "../canvas/geometry/rect";
import { clampPoint, distance } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";
import { GRAB_RADIUS_PX } from "./tool";

type PolygonState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | { readonly name: "drawing"; readonly points: readonly number[]; readonly hover: Point | null };

/**
 * Polygons vertex by vertex: Enter or a click on the first vertex closes, Backspace takes the
 * last vertex back, Escape drops the whole thing. Nothing reaches the document (or the undo
 * history) until the polygon is closed.
 */
export class PolygonTool implements Tool {
  readonly id = "polygon" as const;
  private state: PolygonState = { name: "idle" };

  constructor(private readonly ctx: ToolContext) {}

  down(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    const s = this.state;
    if (s.name === "drawing") {
      if (this.nearFirstVertex(s.points, p) && s.points.length >= 6) this.close(s.points);
      else this.state = { name: "drawing", points: [...s.points, p.x, p.y], hover: p };
      return;
    }
    const gesture = startHandleGesture(this.ctx, input);
    if (gesture) {
      this.state = { name: "editing", gesture };
      return;
    }
    this.state = { name: "drawing", points: [p.x, p.y], hover: p };
  }

  move(input: PointerInput): void {
    const s = this.state;
    if (s.name === "editing") s.gesture.move(input.point);
    else if (s.name === "drawing") this.state = { ...s, hover: clampPoint(input.point, this.ctx.image) };
  }

  up(): void {
    const s = this.state;
    if (s.name === "editing") {
      s.gesture.up();
      this.state = { name: "idle" };
    }
  }

  private nearFirstVertex(points: readonly number[], p: Point): boolean {
    const first = { x: points[0] as number, y: points[1] as number };
    return distance(first, p) <= GRAB_RADIUS_PX * this.ctx.pixelsPerScreenPixel();
  }

  private close(points: readonly number[]): void {
    this.state = { name: "idle" };
    const polygon: PolygonShape = {
      id: this.ctx.newShapeId(),
      kind: "polygon",
      label: this.ctx.activeLabel().id,
      points: [...points],
      source: { kind: "human" },
    };
    this.ctx.addShapes([polygon]);
  }

  cancel(): boolean {
    const s = this.state;
    this.state = { name: "idle" };
    if (s.name === "editing") s.gesture.cancel();
    return s.name !== "idle";
  }

  finish(): boolean {
    const s = this.state;
    if (s.name !== "drawing" || s.points.length < 6) return false;
    this.close(s.points);
    return true;
  }

  removeLast(): boolean {
    const s = this.state;
    if (s.name !== "drawing") return false;
    const points = s.points.slice(0, -2);
    this.state = points.length === 0 ? { name: "idle" } : { ...s, points };
    return true;
  }

  draft(): Draft | null {
    const s = this.state;
    if (s.name !== "drawing") return null;
    const closable = s.points.length >= 6 && s.hover !== null && this.nearFirstVertex(s.points, s.hover);
    return { kind: "polygon", points: s.points, hover: s.hover, closable, label: this.ctx.activeLabel().id };
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
