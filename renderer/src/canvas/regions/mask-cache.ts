import type { MaskBits, MaskShape } from "../../../../shared/annotation";
import type { Rect } from "../geometry/rect";
import { maskBits } from "../geometry/mask-bits";

// The bitmap cache lives in geometry/ (hit-testing needs it and geometry must not import
// regions/); the mask tool still takes it from here.
export { maskBits, rememberMaskBits } from "../geometry/mask-bits";

const rasters = new WeakMap<MaskShape, Map<string, OffscreenCanvas>>();
/** Longest side of a settled mask's raster: an 8192² mask is drawn from a 2048² bitmap. */
export const MASK_RASTER_MAX = 2048;

/** A new mask version that differs from an older one (same crop) only inside `dirty` (image pixels). */
const derived = new WeakMap<MaskShape, { readonly from: MaskShape; readonly dirty: Rect }>();

/**
 * Says that `next` is `from` changed only inside `dirty`: its rasters are then `from`'s copied
 * with that rectangle redrawn (a brush stroke on an 8192² mask repaints a few thousand raster
 * pixels, not 4 million). Only for the same crop; otherwise rasters are built whole.
 */
export function deriveMaskRaster(next: MaskShape, from: MaskShape, dirty: Rect): void {
  if (next.x === from.x && next.y === from.y && next.w === from.w && next.h === from.h)
    derived.set(next, { from, dirty });
}

/**
 * The mask as an image in its label colour, at most MASK_RASTER_MAX on its long side (drawn
 * scaled to its crop), built once per shape version and colour.
 */
export function maskRaster(shape: MaskShape, color: string, alpha: number): OffscreenCanvas {
  let byColor = rasters.get(shape);
  if (!byColor) rasters.set(shape, (byColor = new Map()));
  const key = `${color}|${alpha}`;
  const cached = byColor.get(key);
  if (cached) return cached;
  const b = maskBits(shape);
  const k = Math.min(1, MASK_RASTER_MAX / Math.max(b.w, b.h));
  const w = Math.max(1, Math.round(b.w * k)),
    h = Math.max(1, Math.round(b.h * k));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D context for a mask");
  const origin = derived.get(shape);
  const older = origin && rasters.get(origin.from)?.get(key);
  if (origin && older && older.width === w && older.height === h) {
    ctx.drawImage(older, 0, 0);
    // the raster pixels whose source pixels may lie in the dirty rectangle, one pixel wider
    const x0 = Math.max(0, Math.floor((origin.dirty.x - shape.x) * k) - 1),
      y0 = Math.max(0, Math.floor((origin.dirty.y - shape.y) * k) - 1);
    const x1 = Math.min(w, Math.ceil((origin.dirty.x + origin.dirty.w - shape.x) * k) + 1),
      y1 = Math.min(h, Math.ceil((origin.dirty.y + origin.dirty.h - shape.y) * k) + 1);
    if (x1 > x0 && y1 > y0) ctx.putImageData(rasterPixels(ctx, b, k, color, alpha, x0, y0, x1, y1), x0, y0);
  } else ctx.putImageData(rasterPixels(ctx, b, k, color, alpha, 0, 0, w, h), 0, 0);
  byColor.set(key, canvas);
  return canvas;
}

/** Raster pixels x0..x1 × y0..y1 of a mask scaled by k: each takes the source pixel it falls on. */
function rasterPixels(
  ctx: OffscreenCanvasRenderingContext2D,
  b: MaskBits,
  k: number,
  color: string,
  alpha: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): ImageData {
  const w = x1 - x0;
  const image = ctx.createImageData(w, y1 - y0);
  const pixels = new Uint32Array(image.data.buffer);
  const rgba = packColor(color, alpha);
  // the source column of each raster column, once, not per pixel (a 2048² raster is 4 M pixels)
  const sx = new Int32Array(w);
  for (let x = 0; x < w; x++) sx[x] = Math.min(b.w - 1, Math.floor((x0 + x) / k));
  for (let y = y0; y < y1; y++) {
    const sy = Math.min(b.h - 1, Math.floor(y / k)) * b.w;
    const row = (y - y0) * w;
    for (let x = 0; x < w; x++) if (b.data[sy + (sx[x] as number)]) pixels[row + x] = rgba;
  }
  return image;
}

/** #rrggbb + alpha as one little-endian RGBA word for a Uint32Array view of ImageData. */
export function packColor(color: string, alpha: number): number {
  const r = parseInt(color.slice(1, 3), 16),
    g = parseInt(color.slice(3, 5), 16),
    b = parseInt(color.slice(5, 7), 16);
  return ((Math.round(alpha * 255) << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
