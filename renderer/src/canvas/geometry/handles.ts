import type { EllipseShape, RotatedBoxShape, Shape } from "../../../../shared/annotation";
import type { BoxHandle } from "./box-geometry";
import { BOX_HANDLES, MIN_BOX_SIZE, handlePosition } from "./box-geometry";
import type { Point } from "./rect";
import { fromLocal, rotationHandle, toLocal } from "../../../../shared/annotation";

/** A grip on a selected shape: what dragging it changes, and where it is (image pixels). */
export type Handle =
  | { readonly kind: "resize"; readonly handle: BoxHandle; readonly at: Point }
  | { readonly kind: "vertex"; readonly index: number; readonly at: Point }
  | { readonly kind: "rotate"; readonly at: Point };

/** Grips of one shape; `rotateOffset` is how far out the rotation handle floats, in image pixels. */
export function shapeHandles(shape: Shape, rotateOffset: number): Handle[] {
  switch (shape.kind) {
    case "box":
      return BOX_HANDLES.map((h) => ({ kind: "resize", handle: h, at: handlePosition(shape, h) }));
    case "polygon":
    case "polyline":
    case "points":
    case "keypoints": {
      const out: Handle[] = [];
      for (let i = 0; i < shape.points.length / 2; i++) {
        if (shape.kind === "keypoints" && shape.visibility[i] === 0) continue;
        out.push({
          kind: "vertex",
          index: i,
          at: { x: shape.points[2 * i] as number, y: shape.points[2 * i + 1] as number },
        });
      }
      return out;
    }
    case "mask":
      return [];
    case "rotated-box": {
      const local = { x: -shape.w / 2, y: -shape.h / 2, w: shape.w, h: shape.h };
      const grips: Handle[] = BOX_HANDLES.map((h) => ({
        kind: "resize",
        handle: h,
        at: fromLocal(shape, handlePosition(local, h)),
      }));
      return [...grips, { kind: "rotate", at: rotationHandle(shape, shape.h / 2, rotateOffset) }];
    }
    case "ellipse": {
      const grips: Handle[] = (["n", "e", "s", "w"] as const).map((h) => ({
        kind: "resize",
        handle: h,
        at: fromLocal(shape, {
          x: h === "e" ? shape.rx : h === "w" ? -shape.rx : 0,
          y: h === "s" ? shape.ry : h === "n" ? -shape.ry : 0,
        }),
      }));
      return [...grips, { kind: "rotate", at: rotationHandle(shape, shape.ry, rotateOffset) }];
    }
  }
}

/**
 * A rotated box with one handle dragged to p: the edges that handle owns move (in the box's own
 * frame), the opposite ones stay, and the box never flips below the minimum size.
 */
export function resizeRotatedBox(box: RotatedBoxShape, handle: BoxHandle, p: Point): RotatedBoxShape {
  const l = toLocal(box, p);
  let x0 = -box.w / 2,
    x1 = box.w / 2,
    y0 = -box.h / 2,
    y1 = box.h / 2;
  if (handle.includes("w")) x0 = Math.min(l.x, x1 - MIN_BOX_SIZE);
  if (handle.includes("e")) x1 = Math.max(l.x, x0 + MIN_BOX_SIZE);
  if (handle.includes("n")) y0 = Math.min(l.y, y1 - MIN_BOX_SIZE);
  if (handle.includes("s")) y1 = Math.max(l.y, y0 + MIN_BOX_SIZE);
  const c = fromLocal(box, { x: (x0 + x1) / 2, y: (y0 + y1) / 2 });
  return { ...box, cx: c.x, cy: c.y, w: x1 - x0, h: y1 - y0 };
}

/** An ellipse's radius along the dragged handle's axis follows the pointer (symmetric about the centre). */
export function resizeEllipse(e: EllipseShape, handle: BoxHandle, p: Point): EllipseShape {
  const l = toLocal(e, p);
  const min = MIN_BOX_SIZE / 2;
  if (handle === "e" || handle === "w") return { ...e, rx: Math.max(min, Math.abs(l.x)) };
  return { ...e, ry: Math.max(min, Math.abs(l.y)) };
}
