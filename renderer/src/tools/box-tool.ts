import type { Rect } from "../canvas/geometry/rect";
import { CornerTool } from "./corner-tool";

/** Boxes by click-drag or by two clicks (corner-tool.ts). */
export class BoxTool extends CornerTool {
  readonly id = "box" as const;

  protected shapeFor(r: Rect) {
    return { kind: "box" as const, ...r };
  }
}
