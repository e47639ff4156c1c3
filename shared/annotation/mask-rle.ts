/**
 * Binary masks as run-length encodings, byte-compatible with COCO (pycocotools' maskApi.c):
 * runs alternate 0,1,0,… starting with zeros, over the pixels in column-major order (x outer,
 * y inner), and the compressed form packs each run (delta-coded against the run two before,
 * from the fourth on) into 5-bit groups offset from '0'. A mask in a document is stored this
 * way over its own crop rectangle, so moving it moves four numbers and a 10-pixel blob on an
 * 8192² image costs a few bytes, not a 64-megapixel string.
 */

/** A binary mask over a w×h crop, row-major, 1 = set. */
export interface MaskBits {
  readonly w: number;
  readonly h: number;
  readonly data: Uint8Array;
}

/** Run lengths of a row-major w×h bitmap read column-major, starting with a (maybe empty) run of zeros. */
export function encodeCounts(bits: MaskBits): number[] {
  const { w, h, data } = bits;
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  for (let x = 0; x < w; x++) {
    for (let y = 0, i = x; y < h; y++, i += w) {
      const v = data[i] ? 1 : 0;
      if (v !== current) {
        counts.push(run);
        run = 0;
        current = v;
      }
      run++;
    }
  }
  counts.push(run);
  return counts;
}

/** The inverse of encodeCounts; throws when the runs do not add up to w×h. */
export function decodeCounts(counts: readonly number[], w: number, h: number): MaskBits {
  const data = new Uint8Array(w * h);
  let pos = 0;
  let value = 0;
  for (const run of counts) {
    if (!Number.isInteger(run) || run < 0 || pos + run > w * h) throw new RangeError("mask runs overflow the mask");
    if (value === 1) {
      let x = Math.floor(pos / h);
      let y = pos - x * h;
      for (let k = 0; k < run; k++) {
        data[y * w + x] = 1;
        if (++y === h) {
          y = 0;
          x++;
        }
      }
    }
    pos += run;
    value ^= 1;
  }
  if (pos !== w * h) throw new RangeError(`mask runs cover ${pos} pixels, not ${w * h}`);
  return { w, h, data };
}

/** COCO's compressed RLE string (rleToString). */
export function countsToString(counts: readonly number[]): string {
  let s = "";
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i] as number;
    if (i > 2) x -= counts[i - 2] as number;
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x >>= 5;
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      s += String.fromCharCode(c + 48);
    }
  }
  return s;
}

/** COCO's rleFrString; throws on characters outside '0'..'o' or runs too long for 32 bits. */
export function stringToCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new RangeError("mask string ends inside a run");
      const c = s.charCodeAt(p) - 48;
      if (c < 0 || c > 63 || k > 6) throw new RangeError("mask string is not COCO compressed RLE");
      x |= (c & 0x1f) << (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x |= -1 << (5 * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2] as number;
    counts.push(x);
  }
  return counts;
}

export function encodeMask(bits: MaskBits): string {
  return countsToString(encodeCounts(bits));
}

export function decodeMask(counts: string, w: number, h: number): MaskBits {
  return decodeCounts(stringToCounts(counts), w, h);
}

/** Pixels set, without decoding into a bitmap. */
export function maskArea(counts: string): number {
  let area = 0;
  stringToCounts(counts).forEach((run, i) => {
    if (i % 2 === 1) area += run;
  });
  return area;
}

/** The tight bounding rectangle of the set pixels, or null when none is set. */
export function maskBitsBounds(bits: MaskBits): { x: number; y: number; w: number; h: number } | null {
  const { w, h, data } = bits;
  const rowSet = (y: number) => {
    for (let i = y * w, end = i + w; i < end; i++) if (data[i]) return true;
    return false;
  };
  let y0 = 0;
  while (y0 < h && !rowSet(y0)) y0++;
  if (y0 === h) return null;
  let y1 = h - 1;
  while (!rowSet(y1)) y1--;
  // between them a row is read only up to the columns already known to be set: a tight crop
  // reads its margins, not its area
  let x0 = w,
    x1 = -1;
  for (let y = y0; y <= y1; y++) {
    const row = y * w;
    let left = 0;
    while (left < x0 && !data[row + left]) left++;
    if (left < x0) x0 = left;
    let right = w - 1;
    while (right > x1 && !data[row + right]) right--;
    if (right > x1) x1 = right;
  }
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** Copies a w×h window at (x, y) out of a bitmap (parts outside it read as unset). */
export function cropBits(bits: MaskBits, x: number, y: number, w: number, h: number): MaskBits {
  const data = new Uint8Array(w * h);
  for (let row = 0; row < h; row++) {
    const sy = y + row;
    if (sy < 0 || sy >= bits.h) continue;
    for (let col = 0; col < w; col++) {
      const sx = x + col;
      if (sx >= 0 && sx < bits.w) data[row * w + col] = bits.data[sy * bits.w + sx] as number;
    }
  }
  return { w, h, data };
}
