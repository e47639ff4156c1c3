import type { Shape } from "../../../../shared/annotation";
import { boxIoU } from "../geometry/iou";
import type { Size } from "../geometry/rect";
import { clampRectInside } from "../geometry/rect";
import { translatePolygon } from "../geometry/polygon-geometry";
import { shapeBounds } from "../geometry/shape-geometry";

/** Offset for a paste that would land exactly on its original, so the copy is visible. */
export const PASTE_OFFSET = 10;
const SAME_PLACE_IOU = 0.95;

/**
 * Copies of shapes for this image: fresh ids, authored by the human who pasted them, clamped
 * into the image (the source task's image may be larger), and nudged off any shape they would
 * exactly cover.
 */
export function cloneShapes(shapes: readonly Shape[], image: Size, existing: (s: Shape) => Shape[], newId: () => string): Shape[] {
  const overlaps = shapes.some((s) => existing(s).some((e) => boxIoU(shapeBounds(e), shapeBounds(s)) >= SAME_PLACE_IOU));
  const offset = overlaps ? PASTE_OFFSET : 0;
  return shapes.map((shape) => {
    const base = { id: newId(), label: shape.label, source: { kind: "human" as const } };
    if (shape.kind === "box") {
      const r = clampRectInside({ x: shape.x + offset, y: shape.y + offset, w: shape.w, h: shape.h }, image);
      return { ...base, kind: "box", ...r };
    }
    const points = shape.points.map((v, i) => Math.min(i % 2 === 0 ? image.width : image.height, Math.max(0, v)));
    return { ...base, kind: "polygon", points: translatePolygon(points, offset, offset, image) };
  });
}
