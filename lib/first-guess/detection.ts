import { boxIoU } from "../../shared/geometry";

/** One detector hit, in image pixels. */
export interface Detection {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly classIndex: number;
  readonly score: number;
}

export interface DecodeOptions {
  readonly inputSize: number;
  readonly width: number;
  readonly height: number;
  readonly classCount: number;
  readonly minScore: number;
  readonly iouThreshold: number;
  readonly maxDetections: number;
}

/**
 * Reads [N, 6] rows (x1, y1, x2, y2 in input pixels, score, class index), scales them to the
 * image, clamps them to it and keeps one box per object: suppression is class-agnostic
 * because the model often repeats a box with a second, weaker class, and a labeller wants one
 * guess per object to accept or fix, not two stacked ones.
 */
export function decodeDetections(rows: ArrayLike<number>, options: DecodeOptions): Detection[] {
  const { inputSize, width, height, classCount } = options;
  const candidates: Detection[] = [];
  for (let i = 0; i + 5 < rows.length; i += 6) {
    const score = rows[i + 4] ?? 0;
    const cls = rows[i + 5] ?? Number.NaN;
    if (!(score >= options.minScore) || !Number.isInteger(cls) || cls < 0 || cls >= classCount) continue;
    const x1 = clamp(((rows[i] ?? 0) / inputSize) * width, 0, width);
    const y1 = clamp(((rows[i + 1] ?? 0) / inputSize) * height, 0, height);
    const x2 = clamp(((rows[i + 2] ?? 0) / inputSize) * width, 0, width);
    const y2 = clamp(((rows[i + 3] ?? 0) / inputSize) * height, 0, height);
    if (x2 - x1 < 1 || y2 - y1 < 1) continue;
    candidates.push({ x: x1, y: y1, w: x2 - x1, h: y2 - y1, classIndex: cls, score: Math.min(1, score) });
  }
  return suppress(candidates, options.iouThreshold, options.maxDetections);
}

export function suppress(candidates: readonly Detection[], iouThreshold: number, max: number): Detection[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (kept.length >= max) break;
    if (kept.every((k) => boxIoU(k, d) <= iouThreshold)) kept.push(d);
  }
  return kept;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
