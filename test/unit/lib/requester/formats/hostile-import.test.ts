import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { exportCvat, exportVoc, exportYolo } from "../../../../../lib/requester/exporters";
import {
  bindDataset,
  filesFromDisk,
  filesFromExport,
  ImportError,
  readDataset,
  type ImportFormat,
} from "../../../../../lib/requester/importers";
import { input, labels } from "./fixture";

const size = () => ({ fileName: "a.png", width: 64, height: 48 });

function refusal(format: ImportFormat, files: Array<{ path: string; contents: string | Uint8Array }>): string {
  try {
    bindDataset(readDataset(filesFromExport(files), size, format), labels);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    const message = (e as Error).message;
    // one readable sentence, no stack or object dump
    expect(message).toMatch(/^[A-Z(a-z].*\.$/s);
    expect(message).not.toMatch(/\[object|at .*\.ts:/);
    return message;
  }
  throw new Error("the file was accepted");
}

describe("a corrupt or hostile import file is refused with a sentence", () => {
  it("COCO: not JSON, wrong shape, dangling ids, masks that do not cover the image", () => {
    expect(refusal("coco", [{ path: "x.json", contents: "{" }])).toMatch(/x\.json is not JSON/);
    expect(refusal("coco", [{ path: "x.json", contents: '{"images":[{"id":1}]}' }])).toMatch(
      /x\.json is not COCO: images\.0\.file_name/,
    );
    const coco = (annotation: object) =>
      JSON.stringify({
        images: [{ id: 1, file_name: "a.png", width: 4, height: 2 }],
        categories: [{ id: 1, name: "car" }],
        annotations: [annotation],
      });
    expect(
      refusal("coco", [{ path: "x.json", contents: coco({ image_id: 9, category_id: 1, bbox: [0, 0, 1, 1] }) }]),
    ).toMatch(/no image has id 9/);
    expect(
      refusal("coco", [
        {
          path: "x.json",
          contents: coco({ image_id: 1, category_id: 1, segmentation: { size: [2, 4], counts: [3, 100] } }),
        },
      ]),
    ).toMatch(/mask runs cover 103 pixels, not 4×2/);
    expect(
      refusal("coco", [{ path: "x.json", contents: coco({ image_id: 1, category_id: 1, bbox: [0, 0, -5, 1] }) }]),
    ).toMatch(/a box of car: w/);
    expect(
      refusal("coco", [
        {
          path: "x.json",
          contents: coco({ image_id: 1, category_id: 1, bbox: [0, 0, 1, 1], attributes: { colour: "green" } }),
        },
      ]),
    ).toMatch(/colour must be one of red, blue/);
  });

  it("CVAT: entity declarations (billion laughs), broken nesting, masks whose runs overflow, unknown labels", () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><annotations>&lol2;</annotations>';
    expect(refusal("cvat", [{ path: "annotations.xml", contents: bomb }])).toMatch(
      /DOCTYPE and entity declarations are not accepted/,
    );
    expect(refusal("cvat", [{ path: "annotations.xml", contents: "<annotations><image></annotations>" }])).toMatch(
      /does not match <image>/,
    );
    const mask =
      '<annotations><image name="a.png" width="64" height="48"><mask label="road sign" rle="1, 99999" left="0" top="0" width="2" height="2"/></image></annotations>';
    expect(refusal("cvat", [{ path: "annotations.xml", contents: mask }])).toMatch(/runs do not fit 2×2/);
    const unknown =
      '<annotations><image name="a.png" width="64" height="48"><box label="tree" xtl="0" ytl="0" xbr="1" ybr="1"/></image></annotations>';
    expect(refusal("cvat", [{ path: "annotations.xml", contents: unknown }])).toMatch(
      /the campaign has no label "tree"/,
    );
    const nan =
      '<annotations><image name="a.png" width="64" height="48"><polygon label="car" points="0,0;1,NaN;2,2"/></image></annotations>';
    expect(refusal("cvat", [{ path: "annotations.xml", contents: nan }])).toMatch(
      /a coordinate is "NaN", not a number/,
    );
  });

  it("VOC: a segmentation PNG whose header claims another size, boxes upside down", () => {
    const files = exportVoc(input());
    const big = new PNG({ width: 1, height: 1 });
    const bytes = Buffer.from(PNG.sync.write(big));
    bytes.writeUInt32BE(60_000, 16); // claims 60000×1: refused before any pixel is decoded
    const swapped = files.map((f) =>
      f.path === "SegmentationObject/a.png" ? { ...f, contents: new Uint8Array(bytes) } : f,
    );
    expect(refusal("voc", swapped)).toMatch(/SegmentationObject\/a\.png: it is 60000×1 pixels, but its image is 64×48/);
    const upside = files.map((f) =>
      f.path === "Annotations/a.xml"
        ? { ...f, contents: String(f.contents).replace("<xmin>3</xmin>", "<xmin>300</xmin>") }
        : f,
    );
    expect(refusal("voc", upside)).toMatch(/max corner is above or left of its min corner/);
  });

  it("YOLO: classes not in data.yaml, lines that make no shape, labels without an image", () => {
    const files = exportYolo(input());
    const edit = (p: string, text: string) => files.map((f) => (f.path === p ? { ...f, contents: text } : f));
    expect(refusal("yolo", edit("detect/labels/train/a.txt", "7 0.5 0.5 0.1 0.1\n"))).toMatch(
      /line 1: class 7 is not in data\.yaml/,
    );
    expect(refusal("yolo", edit("obb/labels/train/a.txt", "0 0.5 0.5 0.1\n"))).toMatch(
      /3 coordinates do not make a obb shape/,
    );
    expect(() => readDataset(filesFromExport(files), () => undefined, "yolo")).toThrow(
      /there is no image named a\.\* to go with it/,
    );
  });

  it("reads a dataset on disk without following links out of it and without writing to it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-"));
    try {
      for (const f of exportCvat(input())) fs.writeFileSync(path.join(dir, f.path), f.contents);
      fs.symlinkSync("/etc/passwd", path.join(dir, "passwd.xml"));
      const before = fs.readFileSync(path.join(dir, "annotations.xml"), "utf8");
      const files = filesFromDisk(dir);
      expect(files.paths()).toEqual(["annotations.xml"]);
      expect(bindDataset(readDataset(files, size), labels)[0]?.shapes).toHaveLength(8);
      expect(fs.readFileSync(path.join(dir, "annotations.xml"), "utf8")).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
