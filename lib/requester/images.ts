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
  if (b.length >= 30 && String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") {
    const chunk = String.fromCharCode(...b.subarray(12, 16));
    if (chunk === "VP8X") return { type: "webp", width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
    if (chunk === "VP8L") {
      const bits = view.getUint32(21, true);
      return { type: "webp", width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    if (chunk === "VP8 ") return { type: "webp", width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return undefined;
}

const EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".webp"]);

/** Every image in `dir` (sorted by name, so task indexes are stable across resumes). */
export function readImageFolder(dir: string): ImageFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new RequesterError(`Image folder not found: ${dir}`);
  const names = fs.readdirSync(dir).filter((n) => !n.startsWith(".")).sort();
  const images: ImageFile[] = [];
  const refused: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    const bytes = new Uint8Array(fs.readFileSync(file));
    const info = sniffImage(bytes);
    if (!info || info.width === 0 || info.height === 0) {
      if (EXTENSIONS.has(path.extname(name).toLowerCase()) || !/\.(txt|json|md|csv)$/i.test(name)) refused.push(name);
      continue;
    }
    images.push({ name, path: file, bytes, ...info });
  }
  if (refused.length > 0) {
    throw new RequesterError(`Unsupported or unreadable image${refused.length > 1 ? "s" : ""} in ${dir}: ${refused.slice(0, 5).join(", ")}${refused.length > 5 ? ", …" : ""} (PNG, JPEG and WebP are supported).`);
  }
  if (images.length === 0) throw new RequesterError(`No images (PNG, JPEG, WebP) in ${dir}.`);
  return images;
}
