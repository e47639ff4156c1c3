import type { Label, Shape } from "../../../shared/annotation";

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

/** A file to write, path relative to the output folder. */
export interface ExportFile {
  path: string;
  contents: string;
}

export function stem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, "");
}

export function shapeBounds(s: Shape): { x: number; y: number; w: number; h: number } {
  if (s.kind === "box") return { x: s.x, y: s.y, w: s.w, h: s.h };
  const xs = s.points.filter((_, i) => i % 2 === 0);
  const ys = s.points.filter((_, i) => i % 2 === 1);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

export function polygonArea(points: number[]): number {
  let sum = 0;
  for (let i = 0, j = points.length - 2; i < points.length; j = i, i += 2) {
    sum += ((points[j] ?? 0) + (points[i] ?? 0)) * ((points[j + 1] ?? 0) - (points[i + 1] ?? 0));
  }
  return Math.abs(sum) / 2;
}
