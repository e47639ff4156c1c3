import type { MaskBits } from "../../../shared/annotation";
import { cropBits, maskBitsBounds } from "../../../shared/annotation";

/** RGBA pixels, row-major (an ImageData, or its buffer in a worker). */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

export interface WandRegion extends MaskBits {
  /** Where the region's crop sits in the image. */
  readonly x: number;
  readonly y: number;
}

/**
 * Magic wand: the 4-connected region around the seed whose colour differs from the seed's by at
 * most `tolerance` in every channel (0–255; alpha ignored). A breadth-first flood fill: O(n)
 * time for a region of n pixels, one byte per image pixel for the visited set and four for the
 * queue; 64 MB of scratch on an 8192² image, in the worker, never on the UI thread.
 */
export function magicWand(pixels: Pixels, seedX: number, seedY: number, tolerance: number): WandRegion | null {
  const { width: w, height: h, data } = pixels;
  const sx = Math.floor(seedX),
    sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= w || sy >= h) return null;
  const s = 4 * (sy * w + sx);
  const r0 = data[s] as number,
    g0 = data[s + 1] as number,
    b0 = data[s + 2] as number;
  const inside = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let head = 0,
    tail = 0;
  const similar = (i: number) => {
    const k = 4 * i;
    return (
      Math.abs((data[k] as number) - r0) <= tolerance &&
      Math.abs((data[k + 1] as number) - g0) <= tolerance &&
      Math.abs((data[k + 2] as number) - b0) <= tolerance
    );
  };
  const start = sy * w + sx;
  inside[start] = 1;
  queue[tail++] = start;
  let x0 = sx,
    y0 = sy,
    x1 = sx,
    y1 = sy;
  while (head < tail) {
    const i = queue[head++] as number;
    const x = i % w,
      y = (i - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    const visit = (j: number) => {
      if (inside[j] || !similar(j)) return;
      inside[j] = 1;
      queue[tail++] = j;
    };
    if (x > 0) visit(i - 1);
    if (x < w - 1) visit(i + 1);
    if (y > 0) visit(i - w);
    if (y < h - 1) visit(i + w);
  }
  const crop = cropBits({ w, h, data: inside }, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  return { ...crop, x: x0, y: y0 };
}

/** The region's bits tightened to what is set (a no-op for a fresh wand region). */
export function tighten(region: WandRegion): WandRegion | null {
  const b = maskBitsBounds(region);
  if (!b) return null;
  return { ...cropBits(region, b.x, b.y, b.w, b.h), x: region.x + b.x, y: region.y + b.y };
}
