// Pascal VOC's colour map (the devkit's bitget construction): index 0 is black background and
// 255 the "void" border; SegmentationClass paints label i + 1 in colour i + 1, SegmentationObject
// paints the n-th object in colour n. labelmap.txt declares the same colours.
import { PNG } from "pngjs";

export function vocColor(index: number): [number, number, number] {
  let r = 0,
    g = 0,
    b = 0,
    c = index;
  for (let j = 0; j < 8; j++) {
    r |= ((c >> 0) & 1) << (7 - j);
    g |= ((c >> 1) & 1) << (7 - j);
    b |= ((c >> 2) & 1) << (7 - j);
    c >>= 3;
  }
  return [r, g, b];
}

/** An indexed bitmap (0..255 per pixel) as an RGB PNG in VOC colours. */
export function indexPng(indices: Uint8Array, width: number, height: number): Uint8Array {
  const png = new PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  const colours = Array.from({ length: 256 }, (_, i) => vocColor(i));
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < indices.length; i++) {
    const [r, g, b] = colours[indices[i] as number] as [number, number, number];
    data[3 * i] = r;
    data[3 * i + 1] = g;
    data[3 * i + 2] = b;
  }
  png.data = data;
  return new Uint8Array(PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false }));
}

/** An RGB(A) or grey PNG in VOC colours back to indices; throws on colours outside the map. */
export function pngIndices(
  bytes: Uint8Array,
  expected: { width: number; height: number },
): { width: number; height: number; indices: Uint8Array } {
  // Read the header before decoding: a small file can claim a huge bitmap.
  const view = Buffer.from(bytes);
  if (view.length < 24 || view.readUInt32BE(0) !== 0x89504e47 || view.toString("latin1", 12, 16) !== "IHDR")
    throw new Error("it is not a PNG file");
  const width = view.readUInt32BE(16),
    height = view.readUInt32BE(20);
  if (width !== expected.width || height !== expected.height)
    throw new Error(`it is ${width}×${height} pixels, but its image is ${expected.width}×${expected.height}`);
  const png = PNG.sync.read(Buffer.from(bytes));
  const lookup = new Map<number, number>();
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = vocColor(i);
    lookup.set((r << 16) | (g << 8) | b, i);
  }
  const n = png.width * png.height;
  const indices = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const key =
      ((png.data[4 * i] as number) << 16) | ((png.data[4 * i + 1] as number) << 8) | (png.data[4 * i + 2] as number);
    const index = lookup.get(key);
    if (index === undefined)
      throw new Error(`pixel ${i % png.width},${Math.floor(i / png.width)} has a colour outside the VOC colour map`);
    indices[i] = index;
  }
  return { width: png.width, height: png.height, indices };
}
