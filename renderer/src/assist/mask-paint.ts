import type { MaskBits } from "../../../shared/annotation";
import { decodeMask, encodeMask, maskBitsBounds } from "../../../shared/annotation";

/** A rectangle of whole image pixels. */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A mask as the document stores it: its crop in the image and COCO's compressed RLE over it. */
export interface StoredMask extends PixelRect {
  readonly counts: string;
}

/** One brush stroke's pixels over its own rectangle (1 = the brush covered it). */
export interface StrokeBits extends PixelRect {
  readonly data: Uint8Array;
}

/** A mask a stroke produced: crop, RLE and the bits over the crop (so nobody decodes them again). */
export interface PaintedMask extends StoredMask {
  readonly bits: MaskBits;
}

/**
 * Lands one stroke in a mask: the base's bits placed in `area` (the base's crop, widened to the
 * stroke when painting), the stroke written in (1 paints, 0 erases), cropped to what is set and
 * RLE-encoded. Null when nothing is left set. Pure and DOM-free: the brush runs it in the canvas
 * for small masks and in the assist worker for large ones (an 8192² mask costs seconds of
 * decoding, copying and encoding, which must never stall a frame). `baseBits` skips the
 * decode when the caller has them.
 */
export function paintMask(
  base: StoredMask | null,
  area: PixelRect,
  stroke: StrokeBits,
  value: 0 | 1,
  baseBits?: MaskBits,
): PaintedMask | null {
  const w = Math.max(1, area.w),
    h = Math.max(1, area.h);
  const data = new Uint8Array(w * h);
  if (base) place(baseBits ?? decodeMask(base.counts, base.w, base.h), base.x - area.x, base.y - area.y, data, w, h);
  for (let y = Math.max(stroke.y, area.y); y < Math.min(stroke.y + stroke.h, area.y + h); y++) {
    const from = (y - stroke.y) * stroke.w - stroke.x;
    const to = (y - area.y) * w - area.x;
    for (let x = Math.max(stroke.x, area.x); x < Math.min(stroke.x + stroke.w, area.x + w); x++)
      if (stroke.data[from + x]) data[to + x] = value;
  }
  const bits: MaskBits = { w, h, data };
  // painting only adds: the tight box is the base's (a stored crop is tight) joined with the
  // stroke's, so the 64-megapixel scan is left to the eraser
  const tight = value === 1 ? paintedBounds(base, area, stroke) : maskBitsBounds(bits);
  if (!tight) return null;
  const cropped = tight.w === w && tight.h === h ? bits : crop(bits, tight);
  return {
    x: area.x + tight.x,
    y: area.y + tight.y,
    w: tight.w,
    h: tight.h,
    counts: encodeMask(cropped),
    bits: cropped,
  };
}

/** The set pixels' box of base ∪ stroke, relative to `area`, without reading the area. */
function paintedBounds(base: PixelRect | null, area: PixelRect, stroke: StrokeBits): PixelRect | null {
  const s = maskBitsBounds(stroke);
  const boxes = [...(s ? [{ x: stroke.x + s.x, y: stroke.y + s.y, w: s.w, h: s.h }] : []), ...(base ? [base] : [])];
  if (boxes.length === 0) return null;
  const x0 = Math.max(area.x, Math.min(...boxes.map((b) => b.x)));
  const y0 = Math.max(area.y, Math.min(...boxes.map((b) => b.y)));
  const x1 = Math.min(area.x + area.w, Math.max(...boxes.map((b) => b.x + b.w)));
  const y1 = Math.min(area.y + area.h, Math.max(...boxes.map((b) => b.y + b.h)));
  return { x: x0 - area.x, y: y0 - area.y, w: x1 - x0, h: y1 - y0 };
}

/** Copies `src` into a w×h row-major buffer with its top-left at (dx, dy), a row at a time. */
function place(src: MaskBits, dx: number, dy: number, out: Uint8Array, w: number, h: number): void {
  const x0 = Math.max(0, dx),
    x1 = Math.min(w, dx + src.w);
  if (x1 <= x0) return;
  for (let y = Math.max(0, dy); y < Math.min(h, dy + src.h); y++) {
    const from = (y - dy) * src.w + (x0 - dx);
    out.set(src.data.subarray(from, from + (x1 - x0)), y * w + x0);
  }
}

function crop(bits: MaskBits, r: PixelRect): MaskBits {
  const data = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) {
    const from = (r.y + y) * bits.w + r.x;
    data.set(bits.data.subarray(from, from + r.w), y * r.w);
  }
  return { w: r.w, h: r.h, data };
}
