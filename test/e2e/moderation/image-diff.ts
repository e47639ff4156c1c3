import { readFileSync } from "node:fs";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodeImage(bytes: Uint8Array): Rgba {
  if (bytes[0] === 0x89) {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  }
  const jpg = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: jpg.width, height: jpg.height, data: jpg.data };
}

export function readImage(file: string): Rgba {
  return decodeImage(new Uint8Array(readFileSync(file)));
}

/** Nearest-neighbour resize, enough to line a source image up with a screenshot of it. */
export function resize(image: Rgba, width: number, height: number): Rgba {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.floor(((y + 0.5) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.floor(((x + 0.5) * image.width) / width));
      data.set(image.data.subarray((sy * image.width + sx) * 4, (sy * image.width + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** Mean absolute difference per RGB channel, 0 (identical) to 255. */
export function meanDifference(a: Rgba, b: Rgba): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0));
  }
  return sum / ((a.data.length / 4) * 3);
}

/** Mean colourfulness: |R−G| + |G−B| + |B−R| averaged over pixels (0 for greyscale). */
export function meanChroma(image: Rgba): number {
  let sum = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    sum += Math.abs(r - g) + Math.abs(g - b) + Math.abs(b - r);
  }
  return sum / (image.data.length / 4);
}

/** Mean of local gradient magnitude: sharp images have edges, heavily blurred ones hardly any. */
export function meanGradient(image: Rgba): number {
  let sum = 0;
  let n = 0;
  const lum = (x: number, y: number): number => {
    const i = (y * image.width + x) * 4;
    return 0.299 * (image.data[i] ?? 0) + 0.587 * (image.data[i + 1] ?? 0) + 0.114 * (image.data[i + 2] ?? 0);
  };
  for (let y = 0; y < image.height - 1; y++) {
    for (let x = 0; x < image.width - 1; x++) {
      sum += Math.abs(lum(x + 1, y) - lum(x, y)) + Math.abs(lum(x, y + 1) - lum(x, y));
      n++;
    }
  }
  return sum / n;
}
