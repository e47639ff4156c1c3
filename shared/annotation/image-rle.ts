import { countsToString } from "./mask-rle";
import { decodeMask } from "./mask-rle";
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
