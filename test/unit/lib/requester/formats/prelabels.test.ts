import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { readImageFolder, RequesterError } from "../../../../../lib/requester";
import { exportCoco, exportCvat, exportVoc, exportYolo } from "../../../../../lib/requester/exporters";
import { PRELABEL_SOURCE, readPrelabels } from "../../../../../lib/requester/prelabels";
import { comparable, everyKind, input, labels } from "./fixture";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelabels-"));
const images = path.join(dir, "images");
fs.mkdirSync(images);
for (const [name, w, h] of [
  ["a.png", 64, 48],
  ["b.png", 32, 16],
] as const)
  fs.writeFileSync(path.join(images, name), PNG.sync.write(new PNG({ width: w, height: h })));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, files: Array<{ path: string; contents: string | Uint8Array }>): string {
  const root = path.join(dir, name);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
    fs.writeFileSync(path.join(root, f.path), f.contents);
  }
  return root;
}

// the export's second image is a.jpg; here the campaign's is b.png, 32×16 like it
const onlyA = () => ({ ...input(), images: input().images.slice(0, 1) });

describe("prelabels for campaign create", () => {
  it("turn a COCO, CVAT or YOLO file into first guesses by task index, marked as the requester's file", async () => {
    const folder = await readImageFolder(images);
    const coco = write("coco", exportCoco(onlyA()));
    const fromCoco = readPrelabels(path.join(coco, "annotations/instances_default.json"), folder, labels);
    expect(Object.keys(fromCoco)).toEqual(["0"]);
    expect(fromCoco["0"]!.map(comparable)).toEqual(everyKind.map(comparable));
    expect(fromCoco["0"]!.every((s) => s.source?.kind === PRELABEL_SOURCE.kind && s.source.model === "prelabels")).toBe(
      true,
    );
    const cvat = write("cvat", exportCvat(onlyA()));
    expect(readPrelabels(path.join(cvat, "annotations.xml"), folder, labels)["0"]!.map(comparable)).toEqual(
      everyKind.map(comparable),
    );
    const yolo = write("yolo", exportYolo(onlyA()));
    const kinds = readPrelabels(yolo, folder, labels)["0"]!.map((s) => s.kind);
    expect(kinds.sort()).toEqual(
      ["box", "keypoints", "polygon", "polygon", "polygon", "polygon", "rotated-box"].sort(),
    );
    // VOC: every kind as its box, masks as masks
    const voc = write("voc", exportVoc(onlyA()));
    expect(readPrelabels(voc, folder, labels)["0"]!.map((s) => s.kind)).toEqual([
      "box",
      "box",
      "box",
      "box",
      "box",
      "mask",
      "box",
      "box",
    ]);
  });

  it("refuse a file naming images the folder does not hold, or giving them another size, with a sentence", async () => {
    const folder = await readImageFolder(images);
    const two = input();
    const stranger = write(
      "stranger",
      exportCvat({ ...two, images: [two.images[0]!, { ...two.images[1]!, fileName: "c.jpg" }] }),
    );
    expect(() => readPrelabels(path.join(stranger, "annotations.xml"), folder, labels)).toThrow(
      /name 1 image the image folder does not hold \(c\.jpg\); nothing was posted\./,
    );
    const resized = { ...onlyA(), images: [{ ...onlyA().images[0]!, width: 65 }] };
    const wrong = write("wrong", exportCvat(resized));
    expect(() => readPrelabels(path.join(wrong, "annotations.xml"), folder, labels)).toThrow(RequesterError);
    expect(() => readPrelabels(path.join(wrong, "annotations.xml"), folder, labels)).toThrow(
      /give a\.png as 65×48 pixels, but the image is 64×48/,
    );
    expect(() => readPrelabels(path.join(dir, "nothing.json"), folder, labels)).toThrow(
      /There is no file or folder at/,
    );
  });
});
