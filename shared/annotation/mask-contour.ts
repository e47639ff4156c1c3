import type { MaskBits } from "./mask-rle";

/**
 * Mask → polygon: the outer boundary of the first region in scan order, traced along pixel
 * edges (crack following) with the region kept on the right. Vertices sit on pixel corners, so
 * rasterising the polygon by pixel centres gives the region back exactly (holes aside). O(p) for
 * a boundary of p edges. Returns flat x,y relative to the mask's top-left; empty when nothing is set.
 */
export function traceOuterContour(bits: MaskBits): number[] {
  const { w, h, data } = bits;
  const set = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] === 1;
  let start = -1;
  for (let i = 0; i < w * h; i++)
    if (data[i]) {
      start = i;
      break;
    }
  if (start < 0) return [];
  const sx = start % w,
    sy = (start - sx) / w;
  // Invariant: the edge about to be walked has a set pixel on its right and an unset one on its left.
  const out: number[] = [sx, sy];
  let x = sx,
    y = sy,
    dx = 1,
    dy = 0;
  const limit = 4 * (w + 1) * (h + 1);
  for (let steps = 0; steps < limit; steps++) {
    x += dx;
    y += dy;
    const rx = -dy,
      ry = dx;
    const right = set(Math.floor(x + 0.5 * dx + 0.5 * rx), Math.floor(y + 0.5 * dy + 0.5 * ry));
    const left = set(Math.floor(x + 0.5 * dx - 0.5 * rx), Math.floor(y + 0.5 * dy - 0.5 * ry));
    let ndx = dx,
      ndy = dy;
    if (!right) {
      ndx = rx;
      ndy = ry;
    } else if (left) {
      ndx = -rx;
      ndy = -ry;
    }
    const atStart = x === sx && y === sy;
    if ((ndx !== dx || ndy !== dy) && !atStart) out.push(x, y);
    dx = ndx;
    dy = ndy;
    if (atStart && dx === 1 && dy === 0) break;
  }
  return out;
}
