import type { PointsShape, PolylineShape } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import { clampPoint } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";

type PathState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | { readonly name: "drawing"; readonly points: readonly number[]; readonly hover: { x: number; y: number } | null };

/**
 * Open paths (polylines) and point sets, vertex by vertex like polygons: each click (or Space
 * at the keyboard cursor) adds a vertex, Enter finishes, Backspace takes the last one back,
 * Escape drops the whole thing. Nothing reaches the document until Enter.
 */
export class PathTool implements Tool {
  private state: PathState = { name: "idle" };

  constructor(
    private readonly ctx: ToolContext,
    readonly id: "polyline" | "points",
  ) {}

  private get minVertices(): number {
    return this.id === "polyline" ? 2 : 1;
  }

  down(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    const s = this.state;
    if (s.name === "drawing") {
      this.state = { name: "drawing", points: [...s.points, p.x, p.y], hover: p };
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

  cancel(): boolean {
    const s = this.state;
    this.state = { name: "idle" };
    if (s.name === "editing") s.gesture.cancel();
    return s.name !== "idle";
  }

  finish(): boolean {
    const s = this.state;
    if (s.name !== "drawing" || s.points.length < 2 * this.minVertices) return false;
    this.state = { name: "idle" };
    const label = this.ctx.activeLabel();
    const shape: PolylineShape | PointsShape = {
      id: this.ctx.newShapeId(),
      kind: this.id,
      label: label.id,
      points: [...s.points],
      source: { kind: "human" },
      ...(defaultAttributes(label) ? { attributes: defaultAttributes(label) } : {}),
    };
    this.ctx.addShapes([shape]);
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
    return {
      kind: "polygon",
      points: s.points,
      hover: this.id === "polyline" ? s.hover : null,
      closable: false,
      label: this.ctx.activeLabel().id,
      open: true,
      dots: this.id === "points",
    };
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
