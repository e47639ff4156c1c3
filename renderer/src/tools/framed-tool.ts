import type { Rect } from "../canvas/geometry/rect";
import { CornerTool } from "./corner-tool";
import type { ToolContext } from "./tool";

/**
 * Rotated boxes and ellipses are drawn as boxes are (corner-tool.ts), upright; the rotation
 * handle or R / Shift+R then turn them. An ellipse fills the frame drawn.
 */
export class FramedTool extends CornerTool {
  protected override readonly ellipseDraft: boolean;

  constructor(
    ctx: ToolContext,
    readonly id: "rotated-box" | "ellipse",
  ) {
    super(ctx);
    this.ellipseDraft = id === "ellipse";
  }

  protected shapeFor(r: Rect) {
    const centre = { cx: r.x + r.w / 2, cy: r.y + r.h / 2, angle: 0 };
    return this.id === "rotated-box"
      ? { ...centre, kind: "rotated-box" as const, w: r.w, h: r.h }
      : { ...centre, kind: "ellipse" as const, rx: r.w / 2, ry: r.h / 2 };
  }
}
