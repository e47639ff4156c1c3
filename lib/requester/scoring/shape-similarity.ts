// How alike two shapes of one label are, 0..1, by what their kind means:
// - area kinds (box, polygon, rotated box, ellipse as a 64-gon): IoU of their outlines, exact
//   (polygon-overlap.ts);
// - masks: IoU of their pixels, exact; a mask against an outline counts the mask's pixels whose
//   centre lies inside the outline, against the outline's area;
// - skeletons: COCO's object keypoint similarity (OKS) over the joints either placed, with
//   κ = 0.1 for every joint and s² the mean of the two skeletons' box areas; a joint one placed
//   and the other marked absent scores 0;
// - polylines: exp(−d²/2τ²) with d the symmetric mean distance from points sampled along each
//   path to the other path, τ = 5 % of the pair's bounding-box diagonal (at least 2 px);
// - points: one-to-one nearest pairs scored exp(−d²/2τ²) (τ as for polylines), unpaired points 0.
// Kinds that mean different things (a path and an area, a skeleton and points) score 0.
import type { Shape } from "../../../shared/annotation";
import { areaOutline, decodeMask, shapeBox } from "../../../shared/annotation";
import { pointInPolygon, polygonArea } from "../../../shared/geometry";
import { intersectionArea } from "./polygon-overlap";

type Mask = Extract<Shape, { kind: "mask" }>;
const AREA = new Set<Shape["kind"]>(["box", "polygon", "rotated-box", "ellipse", "mask"]);
const KAPPA = 0.1;
const PATH_SAMPLES = 64;

function maskPixels(m: Mask): {
  count: number;
  has: (x: number, y: number) => boolean;
  each: (f: (x: number, y: number) => void) => void;
} {
  const bits = decodeMask(m.counts, m.w, m.h).data;
  let count = 0;
  for (const v of bits) count += v;
  return {
    count,
    has: (x, y) => x >= m.x && y >= m.y && x < m.x + m.w && y < m.y + m.h && bits[(y - m.y) * m.w + (x - m.x)] === 1,
    each: (f) => {
      for (let i = 0; i < bits.length; i++) if (bits[i]) f(m.x + (i % m.w), m.y + Math.floor(i / m.w));
    },
  };
}

export function areaIoU(a: Shape, b: Shape): number {
  const A = shapeBox(a),
    B = shapeBox(b);
  const ix = Math.min(A.x + A.w, B.x + B.w) - Math.max(A.x, B.x),
    iy = Math.min(A.y + A.h, B.y + B.h) - Math.max(A.y, B.y);
  if (ix <= 0 || iy <= 0) return 0;
  if (a.kind === "box" && b.kind === "box") return (ix * iy) / (A.w * A.h + B.w * B.h - ix * iy);
  if (a.kind === "mask" && b.kind === "mask") {
    const A = maskPixels(a),
      B = maskPixels(b);
    let inter = 0;
    A.each((x, y) => {
      if (B.has(x, y)) inter++;
    });
    const union = A.count + B.count - inter;
    return union === 0 ? 0 : inter / union;
  }
  if (a.kind === "mask" || b.kind === "mask") {
    const m = (a.kind === "mask" ? a : b) as Mask;
    const outline = areaOutline(a.kind === "mask" ? b : a);
    if (!outline) return 0;
    const M = maskPixels(m);
    let inter = 0;
    M.each((x, y) => {
      if (pointInPolygon(outline, x + 0.5, y + 0.5)) inter++;
    });
    const union = M.count + polygonArea(outline) - inter;
    return union <= 0 ? 0 : inter / union;
  }
  const pa = areaOutline(a),
    pb = areaOutline(b);
  if (!pa || !pb) return 0;
  const inter = intersectionArea(pa, pb);
  const union = polygonArea(pa) + polygonArea(pb) - inter;
  return union <= 0 ? 0 : inter / union;
}

export function keypointSimilarity(
  a: Extract<Shape, { kind: "keypoints" }>,
  b: Extract<Shape, { kind: "keypoints" }>,
): number {
  if (a.visibility.length !== b.visibility.length) return 0;
  const ba = shapeBox(a),
    bb = shapeBox(b);
  const s2 = Math.max(1, (ba.w * ba.h + bb.w * bb.h) / 2);
  let sum = 0,
    n = 0;
  for (let i = 0; i < a.visibility.length; i++) {
    const va = a.visibility[i] ?? 0,
      vb = b.visibility[i] ?? 0;
    if (va === 0 && vb === 0) continue;
    n++;
    if (va === 0 || vb === 0) continue;
    const d2 =
      ((a.points[2 * i] ?? 0) - (b.points[2 * i] ?? 0)) ** 2 +
      ((a.points[2 * i + 1] ?? 0) - (b.points[2 * i + 1] ?? 0)) ** 2;
    sum += Math.exp(-d2 / (2 * s2 * KAPPA * KAPPA));
  }
  return n === 0 ? 1 : sum / n;
}

function tolerance(a: Shape, b: Shape): number {
  const A = shapeBox(a),
    B = shapeBox(b);
  const w = Math.max(A.x + A.w, B.x + B.w) - Math.min(A.x, B.x),
    h = Math.max(A.y + A.h, B.y + B.h) - Math.min(A.y, B.y);
  return Math.max(2, 0.05 * Math.hypot(w, h));
}

function samplePath(p: readonly number[], n: number): Array<[number, number]> {
  const lengths: number[] = [0];
  for (let i = 2; i < p.length; i += 2)
    lengths.push(
      (lengths[lengths.length - 1] as number) +
        Math.hypot((p[i] as number) - (p[i - 2] as number), (p[i + 1] as number) - (p[i - 1] as number)),
    );
  const total = lengths[lengths.length - 1] as number;
  const out: Array<[number, number]> = [];
  let seg = 1;
  for (let k = 0; k < n; k++) {
    const at = (total * k) / (n - 1);
    while (seg < lengths.length - 1 && (lengths[seg] as number) < at) seg++;
    const l0 = lengths[seg - 1] as number,
      l1 = lengths[seg] as number;
    const t = l1 > l0 ? (at - l0) / (l1 - l0) : 0;
    const x0 = p[2 * (seg - 1)] as number,
      y0 = p[2 * (seg - 1) + 1] as number;
    out.push([x0 + t * ((p[2 * seg] as number) - x0), y0 + t * ((p[2 * seg + 1] as number) - y0)]);
  }
  return out;
}

function distanceToPath(p: readonly number[], x: number, y: number): number {
  let best = Infinity;
  for (let i = 2; i < p.length; i += 2) {
    const ax = p[i - 2] as number,
      ay = p[i - 1] as number,
      bx = p[i] as number,
      by = p[i + 1] as number;
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

export function polylineSimilarity(
  a: Extract<Shape, { kind: "polyline" }>,
  b: Extract<Shape, { kind: "polyline" }>,
): number {
  const one = samplePath(a.points, PATH_SAMPLES).reduce((s, [x, y]) => s + distanceToPath(b.points, x, y), 0);
  const two = samplePath(b.points, PATH_SAMPLES).reduce((s, [x, y]) => s + distanceToPath(a.points, x, y), 0);
  const d = (one + two) / (2 * PATH_SAMPLES);
  const tau = tolerance(a, b);
  return Math.exp(-(d * d) / (2 * tau * tau));
}

export function pointsSimilarity(a: Extract<Shape, { kind: "points" }>, b: Extract<Shape, { kind: "points" }>): number {
  const tau = tolerance(a, b);
  const pairs: Array<{ i: number; j: number; v: number }> = [];
  for (let i = 0; i < a.points.length; i += 2)
    for (let j = 0; j < b.points.length; j += 2) {
      const d2 =
        ((a.points[i] as number) - (b.points[j] as number)) ** 2 +
        ((a.points[i + 1] as number) - (b.points[j + 1] as number)) ** 2;
      pairs.push({ i, j, v: Math.exp(-d2 / (2 * tau * tau)) });
    }
  pairs.sort((p, q) => q.v - p.v);
  const usedA = new Set<number>(),
    usedB = new Set<number>();
  let sum = 0;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    sum += p.v;
  }
  return sum / Math.max(a.points.length / 2, b.points.length / 2);
}

/** Geometry only: how alike two shapes are by their kind (see the header). */
export function shapeSimilarity(a: Shape, b: Shape): number {
  if (AREA.has(a.kind) && AREA.has(b.kind)) return areaIoU(a, b);
  if (a.kind === "keypoints" && b.kind === "keypoints") return keypointSimilarity(a, b);
  if (a.kind === "polyline" && b.kind === "polyline") return polylineSimilarity(a, b);
  if (a.kind === "points" && b.kind === "points") return pointsSimilarity(a, b);
  return 0;
}
