import type { Rect } from "./rect";

/**
 * Intersection over union of two axis-aligned boxes: 1 for identical boxes, 0 for disjoint
 * ones and for two empty ones. The detector's suppression, model consensus, the editor's
 * "same place" test and the first-guess bench all compare boxes with this one function.
 */
export function boxIoU(a: Rect, b: Rect): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const intersection = ix * iy;
  const union = a.w * a.h + b.w * b.h - intersection;
  return union > 0 ? intersection / union : 0;
}
