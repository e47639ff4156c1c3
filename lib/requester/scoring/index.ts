// Agreement between two annotations of the same image, 0..1: shapes are matched one-to-one
// within a label by the similarity their kind calls for (shape-similarity.ts: IoU for areas
// and masks, OKS for skeletons, distance for polylines and points), pairs below 0.5 do not
// match, a matched pair with attributes is weighed half by how many attributes agree, and
// unmatched shapes count as zero. Image classes must match exactly. Used both for consensus
// between replicated workers and against gold answers.
import type { Shape } from "../../../shared/annotation";
import { shapeSimilarity } from "./shape-similarity";

export { areaIoU, keypointSimilarity, pointsSimilarity, polylineSimilarity, shapeSimilarity } from "./shape-similarity";
export const MATCH_IOU = 0.5;

export interface Answer {
  shapes: Shape[];
  classes: string[];
}

/**
 * IoU for area shapes, the kind's own similarity otherwise (shape-similarity.ts). Kept under
 * its old name: boxes, polygons, rotated boxes, ellipses and masks are all compared by IoU.
 */
export function iou(a: Shape, b: Shape): number {
  return shapeSimilarity(a, b);
}

/**
 * Per-attribute agreement of two shapes: the share of the attributes either sets on which
 * both agree (1 when neither sets any).
 */
export function attributeAgreement(a: Shape, b: Shape): number {
  const ids = new Set([...Object.keys(a.attributes ?? {}), ...Object.keys(b.attributes ?? {})]);
  if (ids.size === 0) return 1;
  let same = 0;
  for (const id of ids) if (a.attributes?.[id] === b.attributes?.[id]) same++;
  return same / ids.size;
}

/** A matched pair's value: its geometry, weighed half-and-half with its attributes when it has any. */
function pairValue(a: Shape, b: Shape, geometry: number): number {
  const hasAttributes = Object.keys(a.attributes ?? {}).length > 0 || Object.keys(b.attributes ?? {}).length > 0;
  return hasAttributes ? (geometry * (1 + attributeAgreement(a, b))) / 2 : geometry;
}

/** Greedy one-to-one matching by IoU within each label; unmatched shapes count as zero. */
export function shapeAgreement(a: Shape[], b: Shape[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const pairs: Array<{ i: number; j: number; v: number }> = [];
  a.forEach((sa, i) =>
    b.forEach((sb, j) => {
      if (sa.label !== sb.label) return;
      const g = shapeSimilarity(sa, sb);
      if (g >= MATCH_IOU) pairs.push({ i, j, v: pairValue(sa, sb, g) });
    }),
  );
  pairs.sort((p, q) => q.v - p.v);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let sum = 0;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    sum += p.v;
  }
  return sum / Math.max(a.length, b.length);
}

export function classAgreement(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  return A.size === B.size && [...A].every((x) => B.has(x)) ? 1 : 0;
}

export function answerAgreement(a: Answer, b: Answer): number {
  const parts: number[] = [];
  if (a.shapes.length > 0 || b.shapes.length > 0) parts.push(shapeAgreement(a.shapes, b.shapes));
  if (a.classes.length > 0 || b.classes.length > 0) parts.push(classAgreement(a.classes, b.classes));
  return parts.length === 0 ? 1 : parts.reduce((s, v) => s + v, 0) / parts.length;
}

/** The 0..100 score the program stores. */
export function toScore(agreement: number): number {
  return Math.max(0, Math.min(100, Math.round(agreement * 100)));
}
