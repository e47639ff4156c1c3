import type { KeypointsShape, Label } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import type { Point } from "../canvas/geometry/rect";
import { clampPoint } from "../canvas/geometry/rect";
import type { Gesture } from "./edit-gestures";
import { startHandleGesture } from "./edit-gestures";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";

type Visibility = 0 | 1 | 2;

type KeypointsState =
  | { readonly name: "idle" }
  | { readonly name: "editing"; readonly gesture: Gesture }
  | {
      readonly name: "drawing";
      readonly label: Label;
      readonly points: readonly number[];
      readonly visibility: readonly Visibility[];
      readonly hover: Point | null;
    };

/**
 * A skeleton joint by joint, in the order of the label's template: a click (Space at the
 * keyboard cursor) places the next joint visible, Alt/Ctrl+click (Shift+J) places it occluded,
 * J skips it as absent, Backspace goes back one joint, Enter finishes with the rest absent.
 * The shape is added when the last joint is placed or skipped (one undo step).
 */
export class KeypointsTool implements Tool {
  readonly id = "keypoints" as const;
  private state: KeypointsState = { name: "idle" };

  constructor(private readonly ctx: ToolContext) {}

  /** The label a skeleton is drawn with: the active one, or the first label that has a skeleton. */
  private skeletonLabel(): Label | null {
    const active = this.ctx.activeLabel();
    if (active.skeleton) return active;
    return this.ctx.store.labels.find((l) => l.skeleton !== undefined) ?? null;
  }

  down(input: PointerInput): void {
    if (this.state.name === "drawing") {
      this.place(clampPoint(input.point, this.ctx.image), input.modify ? 1 : 2);
      return;
    }
    const gesture = startHandleGesture(this.ctx, input);
    if (gesture) {
      this.state = { name: "editing", gesture };
      return;
    }
    const label = this.skeletonLabel();
    if (!label) return;
    this.state = { name: "drawing", label, points: [], visibility: [], hover: null };
    this.place(clampPoint(input.point, this.ctx.image), input.modify ? 1 : 2);
  }

  /** Places the next joint at p with the given visibility (0 = absent, at 0,0 as COCO has it). */
  place(p: Point, v: Visibility): boolean {
    const s = this.state;
    if (s.name !== "drawing") return false;
    const at = v === 0 ? { x: 0, y: 0 } : p;
    const next = { ...s, points: [...s.points, at.x, at.y], visibility: [...s.visibility, v] };
    this.state = next;
    if (next.visibility.length >= (s.label.skeleton?.joints.length ?? 0)) this.commit();
    return true;
  }

  /** J: the next joint is not in the image. */
  skip(): boolean {
    return this.place({ x: 0, y: 0 }, 0);
  }

  /** Shift+J: the next joint at p, hidden behind something. Starts a skeleton when idle. */
  placeOccluded(p: Point): boolean {
    if (this.state.name === "idle") {
      const label = this.skeletonLabel();
      if (!label) return false;
      this.state = { name: "drawing", label, points: [], visibility: [], hover: null };
    }
    return this.place(clampPoint(p, this.ctx.image), 1);
  }

  /** Which joint comes next, for the draft and announcements. */
  nextJoint(): string | null {
    const s = this.state;
    if (s.name === "drawing") return s.label.skeleton?.joints[s.visibility.length] ?? null;
    return this.skeletonLabel()?.skeleton?.joints[0] ?? null;
  }

  private commit(): void {
    const s = this.state;
    this.state = { name: "idle" };
    if (s.name !== "drawing") return;
    const joints = s.label.skeleton?.joints.length ?? 0;
    const points = [...s.points];
    const visibility = [...s.visibility];
    while (visibility.length < joints) {
      visibility.push(0);
      points.push(0, 0);
    }
    if (!visibility.some((v) => v > 0)) return;
    const attributes = defaultAttributes(s.label);
    const shape: KeypointsShape = {
      id: this.ctx.newShapeId(),
      kind: "keypoints",
      label: s.label.id,
      points,
      visibility,
      source: { kind: "human" },
      ...(attributes ? { attributes } : {}),
    };
    this.ctx.addShapes([shape]);
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
    if (this.state.name !== "drawing") return false;
    this.commit();
    return true;
  }

  removeLast(): boolean {
    const s = this.state;
    if (s.name !== "drawing") return false;
    if (s.visibility.length === 0) {
      this.state = { name: "idle" };
      return true;
    }
    this.state = { ...s, points: s.points.slice(0, -2), visibility: s.visibility.slice(0, -1) };
    return true;
  }

  draft(): Draft | null {
    const s = this.state;
    if (s.name !== "drawing") return null;
    return {
      kind: "keypoints",
      points: s.points,
      visibility: s.visibility,
      hover: s.hover,
      next: this.nextJoint(),
      label: s.label.id,
    };
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
