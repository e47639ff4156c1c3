import type { MaskShape } from "../../../../shared/annotation";
import { maskBits } from "../geometry/mask-bits";

// The bitmap cache lives in geometry/ (hit-testing needs it and geometry must not import
// regions/); the mask tool still takes it from here.
export { maskBits, rememberMaskBits } from "../geometry/mask-bits";

const rasters = new WeakMap<MaskShape, Map<string, OffscreenCanvas>>();
/** Longest side of a settled mask's raster: an 8192² mask is drawn from a 2048² bitmap. */
export const MASK_RASTER_MAX = 2048;

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
  const image = ctx.createImageData(w, h);
  const pixels = new Uint32Array(image.data.buffer);
  const rgba = packColor(color, alpha);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(b.h - 1, Math.floor(y / k)) * b.w;
    for (let x = 0; x < w; x++) if (b.data[sy + Math.min(b.w - 1, Math.floor(x / k))]) pixels[y * w + x] = rgba;
  }
  ctx.putImageData(image, 0, 0);
  byColor.set(key, canvas);
  return canvas;
}

/** #rrggbb + alpha as one little-endian RGBA word for a Uint32Array view of ImageData. */
export function packColor(color: string, alpha: number): number {
  const r = parseInt(color.slice(1, 3), 16),
    g = parseInt(color.slice(3, 5), 16),
    b = parseInt(color.slice(5, 7), 16);
  return ((Math.round(alpha * 255) << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
