import { countsToString } from "./mask-rle";
import { decodeMask, encodeMask } from "./mask-rle";
import type { MaskShape } from "./shapes";

/**
 * A mask shape as COCO RLE over the whole image (what pycocotools' frPyObjects/decode expect):
 * column-major runs starting with zeros. Walks the image column by column without building the
 * full bitmap, so an 8192² export costs time, not 64 MB. Parts of the crop outside the image
 * are cut off.
 */
export function maskToImageRle(
  shape: MaskShape,
  width: number,
  height: number,
): { size: [number, number]; counts: string } {
  const bits = decodeMask(shape.counts, shape.w, shape.h);
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  const push = (value: number, n: number) => {
    if (n <= 0) return;
    if (value !== current) {
      counts.push(run);
      run = 0;
      current = value;
    }
    run += n;
  };
  for (let x = 0; x < width; x++) {
    const cx = x - shape.x;
    if (cx < 0 || cx >= shape.w) {
      push(0, height);
      continue;
    }
    const top = Math.min(height, Math.max(0, shape.y));
    push(0, top);
    for (let y = top; y < Math.min(height, shape.y + shape.h); y++)
      push(bits.data[(y - shape.y) * shape.w + cx] as number, 1);
    push(0, height - Math.min(height, shape.y + shape.h));
  }
  counts.push(run);
  return { size: [height, width], counts: countsToString(counts) };
}

/**
 * Whole-image column-major COCO runs (the reverse of maskToImageRle) as a mask's tight crop:
 * one pass finds the bounds from the runs, a second fills only the crop, so a small mask on a
 * large image never costs a full bitmap. Null when no pixel is set; throws when the runs do not
 * cover the image exactly.
 */
export function imageRleToCrop(
  counts: readonly number[],
  width: number,
  height: number,
): { x: number; y: number; w: number; h: number; counts: string } | null {
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1,
    at = 0;
  counts.forEach((run, i) => {
    if (!Number.isInteger(run) || run < 0) throw new Error("mask runs must be whole numbers");
    if (i % 2 === 1 && run > 0) {
      const first = at,
        last = at + run - 1;
      const cx0 = Math.floor(first / height),
        cx1 = Math.floor(last / height);
      x0 = Math.min(x0, cx0);
      x1 = Math.max(x1, cx1);
      y0 = Math.min(y0, cx0 === cx1 ? first % height : 0);
      y1 = Math.max(y1, cx0 === cx1 ? last % height : height - 1);
    }
    at += run;
  });
  if (at !== width * height) throw new Error(`mask runs cover ${at} pixels, not ${width}×${height}`);
  if (x1 < 0) return null;
  const w = x1 - x0 + 1,
    h = y1 - y0 + 1;
  const data = new Uint8Array(w * h);
  at = 0;
  counts.forEach((run, i) => {
    if (i % 2 === 1)
      for (let p = at; p < at + run; p++) {
        const x = Math.floor(p / height) - x0,
          y = (p % height) - y0;
        data[y * w + x] = 1;
      }
    at += run;
  });
  return { x: x0, y: y0, w, h, counts: encodeMask({ w, h, data }) };
}
