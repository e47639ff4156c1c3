import type { Shape } from "../../../../shared/annotation";
import { boxIoU } from "../../../../shared/geometry";
import type { Size } from "../geometry/rect";
import { clampRectInside } from "../geometry/rect";
import { shapeBounds, translateShape } from "../geometry/shape-geometry";

/** Offset for a paste that would land exactly on its original, so the copy is visible. */
export const PASTE_OFFSET = 10;
const SAME_PLACE_IOU = 0.95;

function clampFlat(points: readonly number[], image: Size): number[] {
  return points.map((v, i) => Math.min(i % 2 === 0 ? image.width : image.height, Math.max(0, v)));
}

/** The shape pulled inside the image (the source task's image may be larger); null when it cannot be. */
function fitInside(shape: Shape, image: Size): Shape | null {
  switch (shape.kind) {
    case "box":
      return { ...shape, ...clampRectInside(shape, image) };
    case "polygon":
    case "polyline":
    case "points":
    case "keypoints":
      return { ...shape, points: clampFlat(shape.points, image) };
    case "mask":
      return shape.w <= image.width && shape.h <= image.height ? translateShape(shape, 0, 0, image) : null;
    case "rotated-box":
    case "ellipse":
      return translateShape(shape, 0, 0, image);
  }
}

/**
 * Copies of shapes for this image: fresh ids, authored by the human who pasted them, attributes
 * kept, pulled into the image, and nudged off any shape they would exactly cover. A mask larger
 * than this image is left out.
 */
export function cloneShapes(
  shapes: readonly Shape[],
  image: Size,
  existing: (s: Shape) => Shape[],
  newId: () => string,
): Shape[] {
  const overlaps = shapes.some((s) =>
    existing(s).some((e) => boxIoU(shapeBounds(e), shapeBounds(s)) >= SAME_PLACE_IOU),
  );
  const offset = overlaps ? PASTE_OFFSET : 0;
  const out: Shape[] = [];
  for (const shape of shapes) {
    const { hidden: _hidden, locked: _locked, ...rest } = shape;
    const fitted = fitInside({ ...rest, id: newId(), source: { kind: "human" } } as Shape, image);
    if (fitted) out.push(translateShape(fitted, offset, offset, image));
  }
  return out;
}
