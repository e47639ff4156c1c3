// YOLO: one <image>.txt per image, "class cx cy w h" normalised to 0..1 for boxes and
// "class x1 y1 x2 y2 ..." for polygons (the segmentation format); classes.txt lists names.
import { shapeBounds, stem, type ExportFile, type ExportInput } from "./export-model";

const f = (v: number): string => Math.min(1, Math.max(0, v)).toFixed(6);

export function exportYolo(input: ExportInput): ExportFile[] {
  const classIndex = new Map(input.labels.map((l, i) => [l.id, i]));
  const files: ExportFile[] = [{ path: "classes.txt", contents: `${input.labels.map((l) => l.name).join("\n")}\n` }];
  for (const img of input.images) {
    const lines = img.shapes.map((s) => {
      const c = classIndex.get(s.label) ?? 0;
      if (s.kind === "polygon") {
        return [c, ...s.points.map((v, i) => f(v / (i % 2 === 0 ? img.width : img.height)))].join(" ");
      }
      const b = shapeBounds(s);
      return [
        c,
        f((b.x + b.w / 2) / img.width),
        f((b.y + b.h / 2) / img.height),
        f(b.w / img.width),
        f(b.h / img.height),
      ].join(" ");
    });
    files.push({ path: `labels/${stem(img.fileName)}.txt`, contents: lines.length > 0 ? `${lines.join("\n")}\n` : "" });
  }
  return files;
}
