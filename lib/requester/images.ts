// Finds a campaign's images and reads their type and size from the header bytes, so an
// unsupported or truncated file is refused before anything is uploaded or paid for.
import fs from "node:fs";
import path from "node:path";
import { RequesterError } from "../chain";

export type ImageType = "png" | "jpeg" | "webp";

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

export interface ImageFile extends ImageInfo {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export function sniffImage(b: Uint8Array): ImageInfo | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1] ?? 0;
      const len = view.getUint16(i + 2);
      // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: "jpeg", height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + len;
    }
    return undefined;
  }
  if (
    b.length >= 30 &&
    String.fromCharCode(...b.subarray(0, 4)) === "RIFF" &&
    String.fromCharCode(...b.subarray(8, 12)) === "WEBP"
  ) {
    const chunk = String.fromCharCode(...b.subarray(12, 16));
    if (chunk === "VP8X")
      return {
        type: "webp",
        width: 1 + (view.getUint32(24, true) & 0xffffff),
        height: 1 + (view.getUint32(27, true) & 0xffffff),
      };
    if (chunk === "VP8L") {
      const bits = view.getUint32(21, true);
      return { type: "webp", width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    if (chunk === "VP8 ")
      return { type: "webp", width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return undefined;
}

const EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".webp"]);

/** How much of a folder a campaign reads: beyond these the user gets a sentence, not a frozen app. */
export interface ImageFolderLimits {
  /** Directory entries looked at (a folder like /proc or a huge dump stops here). */
  readonly maxEntries: number;
  readonly maxImages: number;
  readonly maxImageBytes: number;
  /** All images together: they are held in memory until uploaded. */
  readonly maxTotalBytes: number;
}

export const IMAGE_FOLDER_LIMITS: ImageFolderLimits = {
  maxEntries: 100_000,
  maxImages: 20_000,
  maxImageBytes: 32 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

/**
 * Every image in `dir` (sorted by name, so task indexes are stable across resumes). Reads are
 * asynchronous and non-blocking: anything that is not a regular file (a FIFO, a device, a
 * socket, a folder) is skipped unopened, and a file that cannot be read without waiting (such
 * as /proc/kmsg) is refused, so no folder can freeze the app. Stops at the limits with a sentence.
 */
export async function readImageFolder(
  dir: string,
  limits: ImageFolderLimits = IMAGE_FOLDER_LIMITS,
): Promise<ImageFile[]> {
  let folder: fs.Dir;
  try {
    if (!(await fs.promises.stat(dir)).isDirectory()) throw new Error("not a folder");
    folder = await fs.promises.opendir(dir);
  } catch {
    throw new RequesterError(`Image folder not found: ${dir}`, "images");
  }
  const names: string[] = [];
  let entries = 0;
  for await (const entry of folder) {
    entries += 1;
    if (entries > limits.maxEntries) {
      throw new RequesterError(
        `${dir} holds more than ${limits.maxEntries} entries; choose a folder with just the campaign's images.`,
        "images",
      );
    }
    // Type from the directory entry: a FIFO or device is never opened. Symlinks are followed
    // below only if they lead to a regular file.
    if (!entry.name.startsWith(".") && (entry.isFile() || entry.isSymbolicLink())) names.push(entry.name);
  }
  names.sort();
  const images: ImageFile[] = [];
  const refused: string[] = [];
  let total = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    let bytes: Uint8Array;
    try {
      bytes = await readImageFile(file, limits.maxImageBytes);
    } catch (error) {
      if (error instanceof SkipFile) continue;
      if (error instanceof RequesterError) throw error;
      refused.push(name);
      continue;
    }
    const info = sniffImage(bytes);
    if (!info || info.width === 0 || info.height === 0) {
      if (EXTENSIONS.has(path.extname(name).toLowerCase()) || !/\.(txt|json|md|csv)$/i.test(name)) refused.push(name);
      continue;
    }
    total += bytes.length;
    if (images.length + 1 > limits.maxImages) {
      throw new RequesterError(
        `${dir} has more than ${limits.maxImages} images; split it into several campaigns.`,
        "images",
      );
    }
    if (total > limits.maxTotalBytes) {
      throw new RequesterError(
        `The images in ${dir} add up to more than ${size(limits.maxTotalBytes)}; split them into several campaigns.`,
        "images",
      );
    }
    images.push({ name, path: file, bytes, ...info });
  }
  if (refused.length > 0) {
    throw new RequesterError(
      `Unsupported or unreadable image${refused.length > 1 ? "s" : ""} in ${dir}: ${refused.slice(0, 5).join(", ")}${refused.length > 5 ? ", …" : ""} (PNG, JPEG and WebP are supported).`,
      "images",
    );
  }
  if (images.length === 0) throw new RequesterError(`No images (PNG, JPEG, WebP) in ${dir}.`, "images");
  return images;
}

class SkipFile extends Error {}

/** One file, opened without blocking, read only if it is a regular file within the cap. */
async function readImageFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SkipFile();
    if (stat.size > maxBytes) {
      throw new RequesterError(`${file} is ${size(stat.size)}; images up to ${size(maxBytes)} are accepted.`, "images");
    }
    // Read to the cap, not to the size the file claims (files under /proc say 0 and go on).
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes || (filled === buffer.length && stat.size < filled)) {
      throw new RequesterError(
        `${file} is larger than it says (or endless); images up to ${size(maxBytes)} are accepted.`,
        "images",
      );
    }
    return new Uint8Array(buffer.subarray(0, filled));
  } finally {
    await handle.close();
  }
}

function size(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
