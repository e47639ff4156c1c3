import jpeg from "jpeg-js";
import { PNG } from "pngjs";

/** RGBA, 8 bits per channel, row-major. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Decoding is pure JS (no native module, no download) and runs inside the detector thread. */
export const MAX_IMAGE_MEGAPIXELS = 100;

export class ImageDecodeError extends Error {
  override name = "ImageDecodeError";
}

export function decodeImage(bytes: Uint8Array): DecodedImage {
  if (isPng(bytes)) return decodePng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return decodeJpeg(bytes);
  throw new ImageDecodeError("not a PNG or JPEG image");
}

function isPng(b: Uint8Array): boolean {
  return b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

function decodePng(bytes: Uint8Array): DecodedImage {
  // Read the size from IHDR first, so a hostile header cannot make pngjs allocate gigabytes.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width * height > MAX_IMAGE_MEGAPIXELS * 1e6)
    throw new ImageDecodeError(`PNG of ${width}×${height} is outside the decodable size`);
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return {
      width: png.width,
      height: png.height,
      rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    };
  } catch (error) {
    throw new ImageDecodeError(`PNG could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function decodeJpeg(bytes: Uint8Array): DecodedImage {
  try {
    const img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_MEGAPIXELS,
      maxMemoryUsageInMB: 1024,
    });
    return { width: img.width, height: img.height, rgba: img.data };
  } catch (error) {
    throw new ImageDecodeError(`JPEG could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
}
