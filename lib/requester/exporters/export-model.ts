import type { Label, Shape, ShapeKind } from "../../../shared/annotation";
import { decodeMask, maskBitsBounds, shapeBox } from "../../../shared/annotation";

/** One image and the result chosen for it, in pixel coordinates. */
export interface ExportImage {
  index: number;
  fileName: string;
  width: number;
  height: number;
  shapes: Shape[];
  classes: string[];
}

export interface ExportInput {
  title: string;
  labels: Label[];
  images: ExportImage[];
}

/** A file to write, path relative to the output folder (text, or bytes for PNG masks). */
export interface ExportFile {
  path: string;
  contents: string | Uint8Array;
}

/**
 * Where a format keeps an image file itself (the `image`-th of the input): the export writes it
 * there only when the requester asks for images (copied or linked), never by default.
 */
export interface ImageTarget {
  path: string;
  image: number;
}

/** A file name's extension with its dot (".png" when it has none). */
export function imageExtension(fileName: string): string {
  return /\.[^./\\]+$/.exec(fileName)?.[0] ?? ".png";
}

/** A file name safe as one path part: folder parts and characters unsafe in file names become `_`. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return base.replace(/[^\p{L}\p{N}._ -]/gu, "_").replace(/^\.+$/, "_") || "image";
}

export function stem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, "");
}

/**
 * A distinct file stem per image, in image order: `a.png` and `a.jpg` become `a` and `a_2`,
 * so formats that name files by stem (YOLO, VOC) never write one image over another. Names
 * differing only in case count as the same (they are one file on macOS and Windows disks).
 */
export function uniqueStems(images: ReadonlyArray<{ fileName: string }>): string[] {
  const taken = new Set<string>();
  return images.map((img) => {
    const base = stem(safeFileName(img.fileName)) || "image";
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A distinct file name per image (formats that name images in full: COCO, CVAT); `a.png` twice becomes `a.png`, `a_2.png`. */
export function uniqueFileNames(images: ReadonlyArray<{ fileName: string }>): string[] {
  const taken = new Set<string>();
  return images.map((img) => {
    const safe = safeFileName(img.fileName);
    const ext = /\.[^.]+$/.test(safe) ? imageExtension(safe) : "";
    const base = ext ? safe.slice(0, -ext.length) : safe;
    let name = safe;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A shape's bounding box; a mask's is that of its set pixels (its crop may be larger), as COCO's toBbox gives. */
export function shapeBounds(s: Shape): { x: number; y: number; w: number; h: number } {
  if (s.kind === "mask") {
    const b = maskBitsBounds(decodeMask(s.counts, s.w, s.h));
    if (b) return { x: s.x + b.x, y: s.y + b.y, w: b.w, h: b.h };
  }
  return shapeBox(s);
}

/** Shapes a format cannot hold, counted by kind (the export summary reports them, never silently). */
export function omittedKinds(input: ExportInput, holds: readonly ShapeKind[]): Partial<Record<ShapeKind, number>> {
  const out: Partial<Record<ShapeKind, number>> = {};
  for (const img of input.images)
    for (const s of img.shapes) if (!holds.includes(s.kind)) out[s.kind] = (out[s.kind] ?? 0) + 1;
  return out;
}

/** Shortest exact decimal of a coordinate (no exponent for the tiny values YOLO can produce). */
export function num(v: number): string {
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(12).replace(/\.?0+$/, "") : s;
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function labelNames(labels: readonly Label[]): Map<string, string> {
  return new Map(labels.map((l) => [l.id, l.name]));
}
