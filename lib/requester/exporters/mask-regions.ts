// A mask as one outline per region, for formats whose masks are polygons (YOLO segment). The
// regions are the mask's 4-connected components in scan order of their first pixel, the order
// the crack-following tracer walks them; each outline is traced on a bitmap holding that region
// alone, so a trace never strays onto a neighbour that touches it only at a corner. Holes are
// not polygons in these formats and are left out (COCO, CVAT and VOC keep them: they store pixels).
import type { MaskBits, MaskShape } from "../../../shared/annotation";
import { decodeMask, traceOuterContour } from "../../../shared/annotation";

/** Region number per pixel (1-based, 0 = unset) and the number of regions; O(w·h). */
function label4(bits: MaskBits): { regions: Int32Array; count: number } {
  const { w, h, data } = bits;
  const regions = new Int32Array(w * h);
  const stack: number[] = [];
  let count = 0;
  for (let start = 0; start < w * h; start++) {
    if (!data[start] || regions[start]) continue;
    count++;
    regions[start] = count;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const x = i % w;
      const visit = (j: number) => {
        if (data[j] && !regions[j]) {
          regions[j] = count;
          stack.push(j);
        }
      };
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (i >= w) visit(i - w);
      if (i + w < w * h) visit(i + w);
    }
  }
  return { regions, count };
}

/** Each region's outer outline as flat x,y in image pixels (vertices on pixel corners); O(w·h) overall. */
export function maskRegionOutlines(s: MaskShape): number[][] {
  const bits = decodeMask(s.counts, s.w, s.h);
  const { regions, count } = label4(bits);
  // Each region's bounding box, so tracing it alone costs its own box, not the whole crop.
  const box = Array.from({ length: count + 1 }, () => ({ x0: Infinity, y0: Infinity, x1: -1, y1: -1 }));
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i] as number;
    if (!r) continue;
    const b = box[r] as { x0: number; y0: number; x1: number; y1: number };
    const x = i % bits.w,
      y = (i - x) / bits.w;
    b.x0 = Math.min(b.x0, x);
    b.y0 = Math.min(b.y0, y);
    b.x1 = Math.max(b.x1, x);
    b.y1 = Math.max(b.y1, y);
  }
  const out: number[][] = [];
  for (let r = 1; r <= count; r++) {
    const { x0, y0, x1, y1 } = box[r] as { x0: number; y0: number; x1: number; y1: number };
    const w = x1 - x0 + 1,
      h = y1 - y0 + 1;
    const only = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) if (regions[(y0 + y) * bits.w + x0 + x] === r) only[y * w + x] = 1;
    const ring = traceOuterContour({ w, h, data: only });
    if (ring.length >= 6) out.push(ring.map((v, i) => v + (i % 2 === 0 ? s.x + x0 : s.y + y0)));
  }
  return out;
}
