import type { MaskBits } from "../../../shared/annotation";

/**
 * Pure bitmap operations on binary masks (row-major, 1 = set): hole filling, polygon
 * rasterisation. No DOM: they run in the canvas, in the assist worker and under unit tests.
 */

/**
 * Sets every unset pixel that cannot reach the mask's border through unset pixels (4-connected):
 * the holes. One breadth-first pass from the border: O(w·h) time, one byte per pixel.
 */
export function fillHoles(bits: MaskBits): MaskBits {
  const { w, h } = bits;
  const outside = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let head = 0,
    tail = 0;
  const seed = (i: number) => {
    if (!bits.data[i] && !outside[i]) {
      outside[i] = 1;
      queue[tail++] = i;
    }
  };
  for (let x = 0; x < w; x++) {
    seed(x);
    seed((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    seed(y * w);
    seed(y * w + w - 1);
  }
  while (head < tail) {
    const i = queue[head++] as number;
    const x = i % w;
    if (x > 0) seed(i - 1);
    if (x < w - 1) seed(i + 1);
    if (i >= w) seed(i - w);
    if (i < w * (h - 1)) seed(i + w);
  }
  const data = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) data[i] = outside[i] ? 0 : 1;
  return { w, h, data };
}

/**
 * Rasterises a polygon (flat x,y, image pixels) into a w×h mask whose top-left is at ox, oy:
 * a pixel is set when its centre is inside (even-odd scanline fill).
 */
export function rasterizePolygon(points: readonly number[], ox: number, oy: number, w: number, h: number): MaskBits {
  const data = new Uint8Array(w * h);
  const n = points.length >> 1;
  const xs: number[] = [];
  for (let row = 0; row < h; row++) {
    const y = oy + row + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = points[2 * i + 1] as number,
        yj = points[2 * j + 1] as number;
      if (yi > y !== yj > y) {
        const xi = points[2 * i] as number,
          xj = points[2 * j] as number;
        xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k] as number) - ox - 0.5));
      const to = Math.min(w - 1, Math.floor((xs[k + 1] as number) - ox - 0.5));
      for (let x = from; x <= to; x++) data[row * w + x] = 1;
    }
  }
  return { w, h, data };
}

/** Intersection over union of two masks of the same size. */
export function maskIoU(a: MaskBits, b: MaskBits): number {
  let inter = 0,
    union = 0;
  for (let i = 0; i < a.data.length; i++) {
    const p = a.data[i],
      q = b.data[i];
    if (p && q) inter++;
    if (p || q) union++;
  }
  return union === 0 ? 0 : inter / union;
}
