// Decoded mask bitmaps: hit-testing (shape-geometry) and painting (regions/mask-cache) read them.
import type { MaskBits, MaskShape } from "../../../../shared/annotation";
import { decodeMask } from "../../../../shared/annotation";

/**
 * Decoded masks, by shape object: a mask's RLE is decoded once when it is first drawn or hit,
 * not per frame, and forgotten with the shape version (shapes are immutable; an edit is a new
 * object, so a stale bitmap can never be read).
 */
const bits = new WeakMap<MaskShape, MaskBits>();

export function maskBits(shape: MaskShape): MaskBits {
  let b = bits.get(shape);
  if (!b) {
    b = decodeMask(shape.counts, shape.w, shape.h);
    bits.set(shape, b);
  }
  return b;
}

/** Seeds the cache when the bitmap is already at hand (the brush just painted it). */
export function rememberMaskBits(shape: MaskShape, b: MaskBits): void {
  bits.set(shape, b);
}

export function maskBitAt(shape: MaskShape, x: number, y: number): boolean {
  const lx = x - shape.x,
    ly = y - shape.y;
  if (lx < 0 || ly < 0 || lx >= shape.w || ly >= shape.h) return false;
  return maskBits(shape).data[ly * shape.w + lx] === 1;
}
