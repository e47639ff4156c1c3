import type { KeypointsShape, Label } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import type { Point } from "../canvas/geometry/rect";
import { clampPoint } from "../canvas/geometry/rect";
import type { ToolContext } from "./tool";
import type { PathKind } from "./vertex-path-tool";
import { VertexPathTool } from "./vertex-path-tool";

/** The label a skeleton is drawn with: the active one, or the first label that has a skeleton. */
function skeletonLabel(ctx: ToolContext): Label | null {
  const active = ctx.activeLabel();
  if (active.skeleton) return active;
  return ctx.store.labels.find((l) => l.skeleton !== undefined) ?? null;
}

/**
 * A skeleton joint by joint, in the order of its label's template: it lands when the last joint
 * is placed or skipped, or on Enter with the rest absent; with no joint in the image, nothing lands.
 */
export const skeletonKind: PathKind = {
  id: "keypoints",
  minVertices: 0,
  idleWhenEmpty: false,
  startLabel: skeletonLabel,
  full: (label) => label.skeleton?.joints.length ?? 0,
  closesAt: () => false,
  shape: (ctx, drawing): KeypointsShape | null => {
    const joints = drawing.label.skeleton?.joints.length ?? 0;
    const points = [...drawing.points];
    const visibility = [...drawing.visibility];
    while (visibility.length < joints) {
      visibility.push(0);
      points.push(0, 0);
    }
    if (!visibility.some((v) => v > 0)) return null;
    const attributes = defaultAttributes(drawing.label);
    return {
      id: ctx.newShapeId(),
      kind: "keypoints",
      label: drawing.label.id,
      points,
      visibility,
      source: { kind: "human" },
      ...(attributes ? { attributes } : {}),
    };
  },
  draft: (ctx, drawing) => ({
    kind: "keypoints",
    points: drawing.points,
    visibility: drawing.visibility,
    hover: drawing.hover,
    next: drawing.label.skeleton?.joints[drawing.visibility.length] ?? null,
    label: drawing.label.id,
  }),
};

/**
 * The skeleton tool: a click (Space at the keyboard cursor) places the next joint visible,
 * Alt/Ctrl+click (Shift+J) occluded, J skips it as absent, Backspace goes back one joint.
 */
export class KeypointsTool extends VertexPathTool {
  constructor(ctx: ToolContext) {
    super(ctx, skeletonKind);
  }

  /** J: the next joint is not in the image. */
  skip(): boolean {
    return this.place({ x: 0, y: 0 }, 0);
  }

  /** Shift+J: the next joint at p, hidden behind something. Starts a skeleton when idle. */
  placeOccluded(p: Point): boolean {
    if (this.state.name === "idle" && !this.begin()) return false;
    return this.place(clampPoint(p, this.ctx.image), 1);
  }

  /** Which joint comes next, for the draft and announcements. */
  nextJoint(): string | null {
    const s = this.state;
    if (s.name === "drawing") return s.label.skeleton?.joints[s.visibility.length] ?? null;
    return skeletonLabel(this.ctx)?.skeleton?.joints[0] ?? null;
  }
}
