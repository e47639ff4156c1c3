import type { Label, Shape } from "../../../shared/annotation";
import type { Point } from "../canvas/geometry/rect";
import { clampPoint } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";

/** Per vertex: 2 visible, 1 occluded, 0 absent (only skeletons use anything but 2). */
export type Visibility = 0 | 1 | 2;

/** A path being clicked vertex by vertex. */
export interface PathDrawing {
  readonly label: Label;
  readonly points: readonly number[];
  readonly visibility: readonly Visibility[];
  readonly hover: Point | null;
}

type PathState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | ({ readonly name: "drawing" } & PathDrawing);

/**
 * What makes a polygon, a polyline, a point set or a skeleton out of the same clicks: how it
 * starts, when it lands, what it becomes and how it is drawn meanwhile.
 */
export interface PathKind {
  readonly id: "polygon" | "polyline" | "points" | "keypoints";
  /** Fewest vertices Enter lands a path with (a skeleton: none, the rest are absent). */
  readonly minVertices: number;
  /** Backspace past the first vertex ends the drawing (false: a skeleton waits for its first joint). */
  readonly idleWhenEmpty: boolean;
  /** The label a new path is drawn with; null when this kind cannot start (no skeleton template). */
  startLabel(ctx: ToolContext): Label | null;
  /** Vertices after which the path lands by itself (a skeleton's joints; Infinity for the others). */
  full(label: Label): number;
  /** A click at p while drawing closes the path instead of adding a vertex (a polygon's first vertex). */
  closesAt(ctx: ToolContext, drawing: PathDrawing, p: Point): boolean;
  /** The shape the landed path becomes; null lands nothing (a skeleton with no joint in the image). */
  shape(ctx: ToolContext, drawing: PathDrawing): Shape | null;
  draft(ctx: ToolContext, drawing: PathDrawing): Draft;
}

/**
 * Shapes drawn vertex by vertex (Label Studio's and CVAT's polygon, polyline, points and
 * skeleton tools share the gesture): a click (Space at the keyboard cursor) adds a vertex,
 * Alt/Ctrl+click an occluded one, Enter lands the path, Backspace takes the last vertex back,
 * Escape drops it all; a press on a selected shape's handle edits it instead. Nothing reaches
 * the document (or the undo history) until the path lands, as one step. The kind decides the rest.
 */
export class VertexPathTool implements Tool {
  protected state: PathState = { name: "idle" };

  constructor(
    protected readonly ctx: ToolContext,
    protected readonly kind: PathKind,
  ) {}

  get id(): PathKind["id"] {
    return this.kind.id;
  }

  down(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    const s = this.state;
    if (s.name === "drawing") {
      if (this.kind.closesAt(this.ctx, s, p)) this.land();
      else this.place(p, input.modify ? 1 : 2);
      return;
    }
    const gesture = startHandleGesture(this.ctx, input);
    if (gesture) {
      this.state = { name: "editing", gesture };
      return;
    }
    if (this.begin()) this.place(p, input.modify ? 1 : 2);
  }

  /** Starts an empty path; false when this kind cannot start. */
  protected begin(): boolean {
    const label = this.kind.startLabel(this.ctx);
    if (!label) return false;
    this.state = { name: "drawing", label, points: [], visibility: [], hover: null };
    return true;
  }

  /** Adds the next vertex at p (an absent one at 0,0, as COCO has it); the path lands when full. */
  place(p: Point, v: Visibility): boolean {
    const s = this.state;
    if (s.name !== "drawing") return false;
    const at = v === 0 ? { x: 0, y: 0 } : p;
    // an absent joint has no place: the pointer's hover stays where it was
    const hover = v === 0 ? s.hover : p;
    const next = { ...s, points: [...s.points, at.x, at.y], visibility: [...s.visibility, v], hover };
    this.state = next;
    if (next.visibility.length >= this.kind.full(s.label)) this.land();
    return true;
  }

  private land(): void {
    const s = this.state;
    this.state = { name: "idle" };
    if (s.name !== "drawing") return;
    const shape = this.kind.shape(this.ctx, s);
    if (shape) this.ctx.addShapes([shape]);
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
    if (s.name !== "drawing" || s.visibility.length < this.kind.minVertices) return false;
    this.land();
    return true;
  }

  removeLast(): boolean {
    const s = this.state;
    if (s.name !== "drawing") return false;
    if (s.visibility.length === 0 || (s.visibility.length === 1 && this.kind.idleWhenEmpty)) {
      this.state = { name: "idle" };
      return true;
    }
    this.state = { ...s, points: s.points.slice(0, -2), visibility: s.visibility.slice(0, -1) };
    return true;
  }

  draft(): Draft | null {
    const s = this.state;
    return s.name === "drawing" ? this.kind.draft(this.ctx, s) : null;
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
