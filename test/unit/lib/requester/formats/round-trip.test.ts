import { describe, expect, it } from "vitest";
import type { Shape } from "../../../../../shared/annotation";
import {
  exportCoco,
  exportCvat,
  exportVoc,
  exportYolo,
  type ExportFile,
  type ExportInput,
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

const EXPORTERS: Record<ImportFormat, (i: ExportInput) => ExportFile[]> = {
  coco: exportCoco,
  yolo: exportYolo,
  voc: exportVoc,
  cvat: exportCvat,
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
  const back = bindDataset(readDataset(dataset, sizes(i, { a: 0, a_2: 1 })), labels);
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
  it("gives back boxes, polygons, skeletons and rotated boxes exactly; ellipses and masks as polygons; no polylines or points", () => {
    const i = input();
    const { files, back } = roundTrip("yolo", i);
    expect(files.map((f) => f.path).filter((p) => p.endsWith("data.yaml"))).toEqual([
      "detect/data.yaml",
      "segment/data.yaml",
      "pose/data.yaml",
      "obb/data.yaml",
    ]);
    const got = back.find((b) => b.fileName === "a.png")!.shapes;
    const want = everyKind.filter((s) => ["box", "polygon", "keypoints", "rotated-box"].includes(s.kind));
    const exact = got.filter((s) => s.kind !== "polygon" || s.points.length === 6);
    // YOLO carries no attributes.
    expect(exact.map(comparable).sort(byJson)).toEqual(
      want.map((s) => comparable({ ...s, attributes: undefined } as Shape)).sort(byJson),
    );
    // the ellipse (64 vertices) and the mask's outer contour (crack-following: 8 corners of the ring, one of the dot) come back as polygons
    expect(
      got
        .filter((s) => s.kind === "polygon")
        .map((s) => (s.kind === "polygon" ? s.points.length / 2 : 0))
        .sort((a, b) => a - b),
    ).toEqual([3, 4, 64]);
    expect(back.find((b) => b.fileName === "a.jpg")!.shapes.map(comparable)).toEqual(
      i.images[1]!.shapes.map(comparable),
    );
    // a second round changes nothing more
    const again = roundTrip("yolo", asInput(back, i));
    expect(again.back[0]!.shapes.map(comparable).sort(byJson)).toEqual(got.map(comparable).sort(byJson));
  });
});

describe("Pascal VOC round trip", () => {
  it("gives back boxes and masks exactly (1-based in the file), other kinds as their boxes, attributes and classes", () => {
    const i = input();
    const { files, back } = roundTrip("voc", i);
    const a = files.find((f) => f.path === "Annotations/a.xml")!.contents as string;
    expect(a).toContain("<bndbox><xmin>3</xmin><ymin>4</ymin><xmax>12</xmax><ymax>9</ymax></bndbox>");
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        "Annotations/a_2.xml",
        "ImageSets/Main/default.txt",
        "labelmap.txt",
        "SegmentationObject/a.png",
        "ImageSets/Main/car_default.txt",
      ]),
    );
    const got = back.find((b) => b.fileName === "a.png")!.shapes;
    expect(got.map((s) => s.kind)).toEqual(["box", "box", "box", "box", "box", "mask", "box", "box"]);
    expect(comparable(got[0]!)).toEqual(comparable(everyKind[0]!));
    expect(comparable(got[5]!)).toEqual(comparable(everyKind[5]!));
    expect(got[6]!.attributes).toEqual({ occluded: false, colour: "red" });
    expect(back.find((b) => b.fileName === "a.png")!.classes).toEqual(["car"]);
    expect(stable(exportVoc(asInput(back, i)))).toEqual(stable(exportVoc(asInput(back, i))));
    const twice = roundTrip("voc", asInput(back, i));
    expect(twice.back[0]!.shapes.map(comparable)).toEqual(got.map(comparable));
  });
});

function byJson(a: unknown, b: unknown): number {
  const key = (v: unknown) => `${(v as { kind: string }).kind} ${JSON.stringify(v)}`;
  return key(a).localeCompare(key(b));
}
