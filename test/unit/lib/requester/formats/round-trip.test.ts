import { describe, expect, it } from "vitest";
import type { Shape } from "../../../../../shared/annotation";
import {
  cocoImageTargets,
  cvatImageTargets,
  exportCoco,
  exportCvat,
  exportVoc,
  exportYolo,
  vocImageTargets,
  yoloImageTargets,
  type ExportFile,
  type ExportInput,
  type ImageTarget,
  uniqueStems,
} from "../../../../../lib/requester/exporters";
import {
  bindDataset,
  detectFormat,
  filesFromExport,
  readDataset,
  type BoundImage,
  type ImportFormat,
} from "../../../../../lib/requester/importers";
import { comparable, everyKind, input, labels } from "./fixture";

const LABEL_FILES: Record<ImportFormat, (i: ExportInput) => ExportFile[]> = {
  coco: exportCoco,
  yolo: exportYolo,
  voc: exportVoc,
  cvat: exportCvat,
};
const IMAGE_TARGETS: Record<ImportFormat, (i: ExportInput) => ImageTarget[]> = {
  coco: cocoImageTargets,
  yolo: yoloImageTargets,
  voc: vocImageTargets,
  cvat: cvatImageTargets,
};

/** The export with its images in place (each image's file holds its name, standing in for its bytes). */
function exportWithImages(format: ImportFormat, i: ExportInput): ExportFile[] {
  return [
    ...LABEL_FILES[format](i),
    ...IMAGE_TARGETS[format](i).map((t) => ({ path: t.path, contents: `image ${i.images[t.image]!.fileName}` })),
  ];
}
const EXPORTERS: Record<ImportFormat, (i: ExportInput) => ExportFile[]> = {
  coco: (i) => exportWithImages("coco", i),
  yolo: (i) => exportWithImages("yolo", i),
  voc: (i) => exportWithImages("voc", i),
  cvat: (i) => exportWithImages("cvat", i),
};

function sizes(i: ExportInput, stems: Record<string, number>) {
  return (stem: string) => {
    const img = i.images[stems[stem] ?? -1];
    return img ? { fileName: img.fileName, width: img.width, height: img.height } : undefined;
  };
}

function roundTrip(format: ImportFormat, i: ExportInput): { files: ExportFile[]; back: BoundImage[] } {
  const files = EXPORTERS[format](i);
  const dataset = filesFromExport(files);
  expect(detectFormat(dataset)).toBe(format);
  // VOC names the second of a.png, a.jpg by its id (a_2.jpg), as JPEGImages holds it: map it back by that id
  const ids = uniqueStems(i.images);
  const original = (name: string) =>
    i.images.find((img) => img.fileName === name)?.fileName ??
    i.images[ids.indexOf(name.replace(/\.[^.]+$/, ""))]?.fileName ??
    name;
  const back = bindDataset(readDataset(dataset, sizes(i, { a: 0, a_2: 1 })), labels).map((b) => ({
    ...b,
    fileName: original(b.fileName),
  }));
  expect(back.map((b) => b.fileName).sort()).toEqual(i.images.map((img) => img.fileName).sort());
  return { files, back };
}

function asInput(back: BoundImage[], like: ExportInput): ExportInput {
  return {
    ...like,
    images: like.images.map((img) => {
      const b = back.find((x) => x.fileName === img.fileName);
      return { ...img, shapes: b?.shapes ?? [], classes: b?.classes ?? [] };
    }),
  };
}

/** Files as compared between two exports (COCO's creation time aside). */
function stable(files: ExportFile[]): Array<[string, string]> {
  return files
    .map((f): [string, string] => [
      f.path,
      typeof f.contents === "string" ? f.contents : Buffer.from(f.contents).toString("base64"),
    ])
    .map(([p, c]): [string, string] => [p, p.endsWith(".json") ? c.replace(/"date_created": "[^"]*"/, "") : c])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe.each(["coco", "cvat"] as const)("%s round trip", (format) => {
  it("gives back every kind, its attributes and the image classes exactly, and exports the same files again", () => {
    const i = input();
    const { files, back } = roundTrip(format, i);
    expect(back.map((b) => b.fileName)).toEqual(["a.png", "a.jpg"]);
    expect(back[0]!.shapes.map(comparable)).toEqual(everyKind.map(comparable));
    expect(back[0]!.classes).toEqual(["car"]);
    expect(back[1]!.shapes.map(comparable)).toEqual(i.images[1]!.shapes.map(comparable));
    expect(stable(EXPORTERS[format](asInput(back, i)))).toEqual(stable(files));
  });
});

describe("YOLO round trip", () => {
  it("gives back boxes, polygons, skeletons, rotated boxes and image classes exactly; ellipses as polygons, masks as one polygon per region; no polylines or points", () => {
    const i = input();
    const { files, back } = roundTrip("yolo", i);
    expect(files.map((f) => f.path).filter((p) => p.endsWith("data.yaml"))).toEqual([
      "detect/data.yaml",
      "segment/data.yaml",
      "pose/data.yaml",
      "obb/data.yaml",
    ]);
    expect(files.map((f) => f.path).filter((p) => p.startsWith("classify/"))).toEqual([
      "classify/train/car/a.png",
      "classify/val/car/a.png",
    ]);
    const got = back.find((b) => b.fileName === "a.png")!.shapes;
    const want = everyKind.filter((s) => ["box", "polygon", "keypoints", "rotated-box"].includes(s.kind));
    const exact = got.filter((s) => s.kind !== "polygon" || s.points.length === 6);
    // YOLO carries no attributes.
    expect(exact.map(comparable).sort(byJson)).toEqual(
      want.map((s) => comparable({ ...s, attributes: undefined } as Shape)).sort(byJson),
    );
    // the ellipse (64 vertices) and the mask's two regions — the ring's outer square (its hole is
    // not a YOLO polygon) and the separate dot — come back as polygons on pixel corners
    const polygons = got.filter((s) => s.kind === "polygon").map((s) => (s.kind === "polygon" ? s.points : []));
    expect(polygons.map((p) => p.length / 2).sort((a, b) => a - b)).toEqual([3, 4, 4, 64]);
    expect(polygons).toContainEqual([21, 13, 26, 13, 26, 18, 21, 18]);
    expect(polygons).toContainEqual([29, 19, 30, 19, 30, 20, 29, 20]);
    expect(back.find((b) => b.fileName === "a.png")!.classes).toEqual(["car"]);
    expect(back.find((b) => b.fileName === "a.jpg")!.shapes.map(comparable)).toEqual(
      i.images[1]!.shapes.map(comparable),
    );
    // export → import → export writes the same files again, character for character, but for the
    // rotated boxes' corners: centre, size and angle from four corners and back moves a corner by
    // at most an ulp or two (here 1e-16 of the image's size)
    const again = stable(EXPORTERS.yolo(asInput(back, i)));
    const first = stable(files);
    const isObb = ([p]: [string, string]) => p.startsWith("obb/labels/");
    expect(again.filter((f) => !isObb(f))).toEqual(first.filter((f) => !isObb(f)));
    const numbers = (files: Array<[string, string]>) =>
      files.filter(isObb).flatMap(([, text]) => text.trim().split(/\s+/).map(Number));
    const [a, b] = [numbers(first), numbers(again)];
    expect(b.length).toBe(a.length);
    expect(Math.max(...a.map((v, k) => Math.abs(v - b[k]!)))).toBeLessThan(1e-15);
  });
});

function byJson(a: unknown, b: unknown): number {
  const key = (v: unknown) => `${(v as { kind: string }).kind} ${JSON.stringify(v)}`;
  return key(a).localeCompare(key(b));
}
