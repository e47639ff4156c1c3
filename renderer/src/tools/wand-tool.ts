import type { PolygonShape } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import { clampPoint } from "../canvas/geometry/rect";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";
import { maskShapeFrom } from "./mask-tool";

export const MIN_TOLERANCE = 0;
export const MAX_TOLERANCE = 255;

/**
 * Magic wand: a click (Space at the keyboard cursor) selects the region of similar colour
 * around it, in the assist worker, and adds it as a mask of the active label, or as a polygon
 * (traced, simplified by `simplify` px) when `polygon` is on. One click, one undo step.
 */
export class WandTool implements Tool {
  readonly id = "wand" as const;
  tolerance = 32;
  polygon = false;
  simplify = 1;
  private pending = 0;

  constructor(private readonly ctx: ToolContext) {}

  setTolerance(t: number): void {
    this.tolerance = Math.max(MIN_TOLERANCE, Math.min(MAX_TOLERANCE, Math.round(t)));
  }

  down(input: PointerInput): void {
    void this.select(input.point.x, input.point.y);
  }

  /** Runs the wand at x, y; resolves to whether a shape was added. */
  async select(x: number, y: number): Promise<boolean> {
    const assist = this.ctx.assist;
    if (!assist) return false;
    const p = clampPoint({ x, y }, this.ctx.image);
    const label = this.ctx.activeLabel();
    this.pending++;
    try {
      const result = await assist.wand(p.x, p.y, this.tolerance, this.polygon, this.simplify);
      const attributes = defaultAttributes(label);
      const base = {
        id: this.ctx.newShapeId(),
        label: label.id,
        source: { kind: "human" as const },
        ...(attributes ? { attributes } : {}),
      };
      if (this.polygon) {
        if (!result.polygon || result.polygon.length < 6) return false;
        const shape: PolygonShape = { ...base, kind: "polygon", points: result.polygon };
        this.ctx.addShapes([shape]);
        return true;
      }
      if (!result.region) return false;
      const shape = maskShapeFrom({ ...base, kind: "mask" }, result.region, result.region.x, result.region.y);
      if (shape) this.ctx.addShapes([shape]);
      return shape !== null;
    } finally {
      this.pending--;
    }
  }

  move(): void {}
  up(): void {}

  cancel(): boolean {
    return false;
  }

  finish(): boolean {
    return false;
  }

  removeLast(): boolean {
    return false;
  }

  draft(): Draft | null {
    return null;
  }

  busy(): boolean {
    return this.pending > 0;
  }
}
