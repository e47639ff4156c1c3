// The magic wand's test image, shared by the algorithm's unit test and the Chromium test of the real worker.
import type { Pixels } from "../../renderer/src/assist/magic-wand";

/**
 * A test photograph stand-in with a known truth: a noisy diagonal-gradient background and, on
 * it, a noisy orange ellipse with an anti-aliased rim and a dark blob touching it from outside.
 * The truth mask is the ellipse (pixel centres inside it).
 */
export function wandScene(w = 240, h = 180) {
  const data = new Uint8ClampedArray(4 * w * h);
  const truth = new Uint8Array(w * h);
  let seed = 42;
  const noise = (amp: number) => (((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1) * amp;
  const cx = 120,
    cy = 90,
    rx = 70,
    ry = 45;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const e = ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2;
      const inEllipse = e <= 1;
      truth[i] = inEllipse ? 1 : 0;
      // coverage ramps over about a pixel at the rim
      const cover = Math.max(0, Math.min(1, (1 - e) * 35 + 0.5));
      const bg = [40 + (x * 80) / w, 90 + (y * 60) / h, 150 - (x * 40) / w];
      const blob = Math.hypot(x - 205, y - 60) < 22;
      const base = blob ? [20, 20, 25] : bg;
      const fg = [230, 140, 40];
      for (let c = 0; c < 3; c++)
        data[4 * i + c] = (fg[c] as number) * cover + (base[c] as number) * (1 - cover) + noise(8);
      data[4 * i + 3] = 255;
    }
  }
  return { pixels: { width: w, height: h, data } satisfies Pixels, truth, w, h };
}
