import type { DecodedImage } from "./image-decode";

/**
 * Bilinear resize of RGBA to a size×size RGB float tensor body (values 0..255), sampled like
 * tf.image.resizeBilinear without half-pixel centres, which is what the model was run with
 * upstream. Done here rather than in tfjs so a huge photo never becomes a huge float tensor.
 */
export function resizeToInput(image: DecodedImage, size: number): Float32Array {
  const { width, height, rgba } = image;
  const out = new Float32Array(size * size * 3);
  const sx = width / size;
  const sy = height / size;
  let k = 0;
  for (let y = 0; y < size; y++) {
    const fy = y * sy;
    const y0 = Math.min(height - 1, Math.floor(fy));
    const y1 = Math.min(height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < size; x++) {
      const fx = x * sx;
      const x0 = Math.min(width - 1, Math.floor(fx));
      const x1 = Math.min(width - 1, x0 + 1);
      const dx = fx - x0;
      const a = (y0 * width + x0) * 4;
      const b = (y0 * width + x1) * 4;
      const c = (y1 * width + x0) * 4;
      const d = (y1 * width + x1) * 4;
      for (let ch = 0; ch < 3; ch++) {
        const top = (rgba[a + ch] ?? 0) + ((rgba[b + ch] ?? 0) - (rgba[a + ch] ?? 0)) * dx;
        const bottom = (rgba[c + ch] ?? 0) + ((rgba[d + ch] ?? 0) - (rgba[c + ch] ?? 0)) * dx;
        out[k++] = top + (bottom - top) * dy;
      }
    }
  }
  return out;
}
