import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { ImageDecodeError, decodeImage } from "../../../../lib/first-guess/image-decode";
import { resizeToInput } from "../../../../lib/first-guess/resize-input";

function pngOf(
  width: number,
  height: number,
  rgba: (x: number, y: number) => [number, number, number, number],
): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) png.data.set(rgba(x, y), (y * width + x) * 4);
  return new Uint8Array(PNG.sync.write(png));
}

describe("image decoding", () => {
  it("decodes PNG bytes to RGBA", () => {
    const img = decodeImage(pngOf(3, 2, (x, y) => [x * 10, y * 10, 7, 255]));
    expect([img.width, img.height]).toEqual([3, 2]);
    expect(Array.from(img.rgba.slice(4 * 4, 4 * 4 + 4))).toEqual([10, 10, 7, 255]);
  });

  it("decodes JPEG bytes to RGBA", () => {
    const data = Buffer.alloc(16 * 8 * 4, 200);
    const bytes = new Uint8Array(jpeg.encode({ width: 16, height: 8, data }, 95).data);
    const img = decodeImage(bytes);
    expect([img.width, img.height]).toEqual([16, 8]);
    expect(Math.abs((img.rgba[0] ?? 0) - 200)).toBeLessThan(4);
  });

  it("refuses what is neither, and PNG headers claiming absurd sizes, before allocating", () => {
    expect(() => decodeImage(new Uint8Array([1, 2, 3, 4]))).toThrow(ImageDecodeError);
    const huge = pngOf(1, 1, () => [0, 0, 0, 255]);
    new DataView(huge.buffer).setUint32(16, 100_000);
    new DataView(huge.buffer).setUint32(20, 100_000);
    expect(() => decodeImage(huge)).toThrow(/outside the decodable size/);
    expect(() => decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0]))).toThrow(/JPEG could not be decoded/);
  });

  it("resizes to the model's square input as RGB floats", () => {
    const img = decodeImage(pngOf(4, 2, (x) => [x < 2 ? 0 : 255, 100, 50, 255]));
    const input = resizeToInput(img, 4);
    expect(input.length).toBe(4 * 4 * 3);
    expect(Array.from(input.slice(0, 3))).toEqual([0, 100, 50]);
    expect(input[3 * 3]).toBe(255);
  });
});
