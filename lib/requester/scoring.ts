// Agreement between two annotations of the same image, 0..1: shapes are matched one-to-one
// by label and IoU (boxes exactly, polygons by dense sampling); classes must match exactly.
// Used both for consensus between replicated workers and against gold answers.
import type { Shape } from "../../shared/annotation";
import { areaOutline, shapeBox } from "../../shared/annotation";

export const MATCH_IOU = 0.5;
const SAMPLES = 96;

export interface Answer {
  shapes: Shape[];
  classes: string[];
}

type Box = { x0: number; y0: number; x1: number; y1: number };

function bounds(s: Shape): Box {
  const b = shapeBox(s);
  return { x0: b.x, y0: b.y, x1: b.x + b.w, y1: b.y + b.h };
}

function inside(s: Shape, x: number, y: number): boolean {
  if (s.kind === "box") return x >= s.x && x <= s.x + s.w && y >= s.y && y <= s.y + s.h;
  const p = areaOutline(s);
  if (!p) {
    const b = shapeBox(s);
    return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
  }
  let hit = false;
  for (let i = 0, j = p.length - 2; i < p.length; j = i, i += 2) {
    const xi = p[i] ?? 0,
      yi = p[i + 1] ?? 0,
      xj = p[j] ?? 0,
      yj = p[j + 1] ?? 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export function iou(a: Shape, b: Shape): number {
  const A = bounds(a);
  const B = bounds(b);
  const ix = Math.max(0, Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0));
  const iy = Math.max(0, Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0));
  if (ix === 0 || iy === 0) return 0;
  if (a.kind === "box" && b.kind === "box") {
    const inter = ix * iy;
    return inter / ((A.x1 - A.x0) * (A.y1 - A.y0) + (B.x1 - B.x0) * (B.y1 - B.y0) - inter);
  }
  // Sample the union of both bounding boxes on a grid: exact enough to rank agreement.
  const U = { x0: Math.min(A.x0, B.x0), y0: Math.min(A.y0, B.y0), x1: Math.max(A.x1, B.x1), y1: Math.max(A.y1, B.y1) };
  let inter = 0;
  let union = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const y = U.y0 + ((i + 0.5) * (U.y1 - U.y0)) / SAMPLES;
    for (let j = 0; j < SAMPLES; j++) {
      const x = U.x0 + ((j + 0.5) * (U.x1 - U.x0)) / SAMPLES;
      const ina = inside(a, x, y);
      const inb = inside(b, x, y);
      if (ina && inb) inter++;
      if (ina || inb) union++;
    }
  }
  return union === 0 ? 0 : inter / union;
}

/** Greedy one-to-one matching by IoU within each label; unmatched shapes count as zero. */
export function shapeAgreement(a: Shape[], b: Shape[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const pairs: Array<{ i: number; j: number; v: number }> = [];
  a.forEach((sa, i) =>
    b.forEach((sb, j) => {
      if (sa.label !== sb.label) return;
      const v = iou(sa, sb);
      if (v >= MATCH_IOU) pairs.push({ i, j, v });
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
