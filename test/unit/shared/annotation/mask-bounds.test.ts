import { describe, expect, it } from "vitest";
import { maskBitsBounds } from "../../../../shared/annotation";
import type { MaskBits } from "../../../../shared/annotation";
import { seededRandom } from "../../../../shared/random";

// maskBitsBounds reads only a tight crop's margins: checked against the definition, every pixel.
function referenceBounds({ w, h, data }: MaskBits) {
  let x0 = w,
    y0 = h,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (data[y * w + x]) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

describe("mask bounds", () => {
  it("finds the tight box of a blob inside a larger crop, a lone pixel, and nothing in an empty mask", () => {
    const w = 150,
      h = 100;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) if ((x - 70) ** 2 / 400 + (y - 40) ** 2 / 100 <= 1) data[y * w + x] = 1;
    const blob = { w, h, data };
    expect(maskBitsBounds(blob)).toEqual(referenceBounds(blob));
    expect(maskBitsBounds(blob)).toEqual({ x: 50, y: 30, w: 41, h: 21 });
    const lone = new Uint8Array(w * h);
    lone[77 * w + 3] = 1;
    expect(maskBitsBounds({ w, h, data: lone })).toEqual({ x: 3, y: 77, w: 1, h: 1 });
    expect(maskBitsBounds({ w, h, data: new Uint8Array(w * h) })).toBeNull();
  });

  it("bounds random masks like the pixel-by-pixel definition", () => {
    const random = seededRandom(21);
    const sizes: Array<[number, number]> = [
      [1, 1],
      [0, 5],
      [3, 130],
      [129, 2],
      [64, 64],
      [65, 127],
      [200, 70],
    ];
    for (const [w, h] of sizes)
      for (const density of [0, 0.02, 0.5, 0.98, 1]) {
        const data = new Uint8Array(w * h);
        // runs of random length; some set bytes are 255, not 1
        for (let i = 0; i < data.length;) {
          const set = random() < density;
          for (let k = Math.ceil(random() * 90); k > 0 && i < data.length; k--, i++)
            data[i] = set ? (random() < 0.1 ? 255 : 1) : 0;
        }
        const bits = { w, h, data };
        expect(maskBitsBounds(bits)).toEqual(referenceBounds(bits));
      }
  });
});
