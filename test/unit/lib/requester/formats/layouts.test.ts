// Each export's layout checked against its format's published description, rule by rule, by
// reading the files as a third-party tool would (regular expressions and JSON, not our importers):
// - COCO: cocodataset.org "Data format" (object detection, keypoint detection) and Datumaro's
//   COCO layout (annotations/instances_<subset>.json, images/<subset>/);
// - YOLO: docs.ultralytics.com/datasets (detect, segment, pose, obb, classify) and how
//   Ultralytics finds a label file (the image path with /images/ → /labels/, extension → .txt);
// - Pascal VOC: the VOC2012 devkit (1-based inclusive pixel boxes, ImageSets/Main, JPEGImages,
//   SegmentationClass/Object PNGs in the VOC colour map) and Datumaro's labelmap.txt; no
//   <polygon> element, which makes Datumaro's detection pick LabelMe;
// - CVAT for images 1.1: docs.cvat.ai "XML annotation format" and CVAT's export (images/ beside
//   annotations.xml).
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { decodeCounts, stringToCounts } from "../../../../../shared/annotation";
import { checkDistinctPaths } from "../../../../../lib/requester/export-images";
import {
  cocoImageTargets,
  cvatImageTargets,
  exportCoco,
  exportCvat,
  exportVoc,
  exportYolo,
  flipIndex,
  vocImageTargets,
  yoloImageTargets,
  type ExportFile,
  type ExportInput,
  type ImageTarget,
} from "../../../../../lib/requester/exporters";
import { vocColor } from "../../../../../lib/requester/exporters/voc-palette";
import { input, labels } from "./fixture";

function layout(files: ExportFile[], targets: ImageTarget[]) {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const text = (p: string): string => {
    const c = byPath.get(p);
    if (typeof c !== "string") throw new Error(`no text file ${p}`);
    return c;
  };
  const paths = [...files.map((f) => f.path), ...targets.map((t) => t.path)];
  // no two files of an export are one file, on any disk
  expect(() => checkDistinctPaths(paths)).not.toThrow();
  return { byPath, text, paths, has: (p: string) => paths.includes(p) };
}

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));

describe("COCO layout (cocodataset.org data format)", () => {
  it("is annotations/instances_default.json with valid ids, bboxes, polygons, RLE sized [h, w], keypoint triples; images in images/default/", () => {
    const i: ExportInput = input();
    const { text, has } = layout(exportCoco(i), cocoImageTargets(i));
    const coco = JSON.parse(text("annotations/instances_default.json")) as {
      images: Array<{ id: number; file_name: string; width: number; height: number }>;
      categories: Array<{ id: number; name: string; keypoints?: string[]; skeleton?: number[][] }>;
      annotations: Array<Record<string, unknown>>;
    };
    const images = new Map(coco.images.map((img) => [img.id, img]));
    const cats = new Map(coco.categories.map((c) => [c.id, c]));
    expect(images.size).toBe(coco.images.length);
    for (const img of coco.images) expect(has(`images/default/${img.file_name}`)).toBe(true);
    const ids = coco.annotations.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of coco.annotations) {
      const img = images.get(a.image_id as number)!;
      const cat = cats.get(a.category_id as number)!;
      expect(img).toBeDefined();
      expect(cat).toBeDefined();
      expect([0, 1]).toContain(a.iscrowd);
      const [, , w, h] = a.bbox as number[];
      expect(a.bbox).toHaveLength(4);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(typeof a.area).toBe("number");
      const seg = a.segmentation;
      if (Array.isArray(seg))
        for (const polygon of seg as number[][]) {
          expect(polygon.length % 2).toBe(0);
          expect(polygon.length).toBeGreaterThanOrEqual(6);
        }
      else {
        // RLE: size is [height, width] of the image; the runs cover it exactly; area = pixels set
        const rle = seg as { size: [number, number]; counts: string };
        expect(rle.size).toEqual([img.height, img.width]);
        const bits = decodeCounts(stringToCounts(rle.counts), img.width, img.height).data;
        expect(bits.reduce((s, v) => s + v, 0)).toBe(a.area);
      }
      if (a.keypoints) {
        const kp = a.keypoints as number[];
        expect(kp).toHaveLength(3 * (cat.keypoints?.length ?? -1));
        const v = kp.filter((_, k) => k % 3 === 2);
        for (const x of v) expect([0, 1, 2]).toContain(x);
        expect(a.num_keypoints).toBe(v.filter((x) => x > 0).length);
        // an unlabelled keypoint (v = 0) is x = y = 0
        for (let k = 0; k < kp.length; k += 3) if (kp[k + 2] === 0) expect([kp[k], kp[k + 1]]).toEqual([0, 0]);
      }
    }
    // the mask with two regions is one RLE annotation holding both: the ring's 24 pixels and the dot
    expect(coco.annotations.filter((a) => !Array.isArray(a.segmentation)).map((a) => a.area)).toEqual([25]);
    // the skeletons again in person_keypoints_default.json (Datumaro reads keypoints only there), same ids
    const keypointsFile = JSON.parse(text("annotations/person_keypoints_default.json")) as typeof coco;
    expect(keypointsFile.annotations).toEqual(coco.annotations.filter((a) => a.keypoints !== undefined));
    expect(keypointsFile.annotations).toHaveLength(1);
    expect(keypointsFile.categories).toEqual(coco.categories);
    for (const c of coco.categories)
      for (const edge of c.skeleton ?? [])
        for (const j of edge) {
          expect(j).toBeGreaterThanOrEqual(1); // 1-based joint numbers
          expect(j).toBeLessThanOrEqual(c.keypoints!.length);
        }
  });
});

describe("Ultralytics YOLO layout (docs.ultralytics.com/datasets)", () => {
  it("has per task data.yaml (names 0..n-1, no cwd-relative path), train.txt of existing images, labels where Ultralytics looks, the right field counts", () => {
    const i = input();
    const { text, has, paths } = layout(exportYolo(i), yoloImageTargets(i));
    const fields = { detect: (n: number) => n === 5, segment: (n: number) => n >= 7 && n % 2 === 1 } as Record<
      string,
      (n: number, k: number) => boolean
    >;
    fields.obb = (n) => n === 9;
    fields.pose = (n, k) => n === 5 + 3 * k;
    for (const task of ["detect", "segment", "pose", "obb"]) {
      const yaml = text(`${task}/data.yaml`);
      expect(yaml).not.toMatch(/^path:/m);
      expect(yaml).toMatch(/^train: train\.txt$/m);
      expect(yaml).toMatch(/^val: train\.txt$/m);
      expect(yaml).toMatch(new RegExp(`^task: ${task}$`, "m"));
      const names = [...yaml.matchAll(/^ {2}(\d+): "(.*)"$/gm)].map((m) => [Number(m[1]), m[2]]);
      expect(names).toEqual(labels.map((l, k) => [k, l.name]));
      const k = Number(/^kpt_shape: \[(\d+), 3\]$/m.exec(yaml)?.[1] ?? 0);
      if (task === "pose") {
        expect(k).toBe(3);
        const flip = /^flip_idx: \[(.*)\]$/m.exec(yaml)?.[1]?.split(", ").map(Number) ?? [];
        expect(flip).toHaveLength(k);
        for (const f of flip) expect(f).toBeLessThan(k);
      }
      const listed = text(`${task}/train.txt`).trim().split("\n");
      for (const p of listed) {
        expect(p).toMatch(/^\.\/images\/train\/[^/]+$/);
        expect(has(`${task}/${p.slice(2)}`)).toBe(true);
      }
      const labelFiles = paths.filter((p) => p.startsWith(`${task}/labels/`));
      expect(labelFiles.length).toBeGreaterThan(0);
      for (const p of labelFiles) {
        // the label file is where Ultralytics looks for it: one listed image's path with /images/ → /labels/, .ext → .txt
        expect(
          listed.some(
            (img) => `${task}/${img.slice(2)}`.replace("/images/", "/labels/").replace(/\.[^.]+$/, ".txt") === p,
          ),
        ).toBe(true);
        const lines = text(p).trim().split("\n");
        expect(lines.length).toBeGreaterThan(0); // no empty label files (Datumaro refuses them)
        for (const line of lines) {
          const v = line.split(" ");
          expect(fields[task]!(v.length, k)).toBe(true);
          expect(Number.isInteger(Number(v[0])) && Number(v[0]) < labels.length).toBe(true);
          for (const x of v.slice(1).map(Number)) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(task === "pose" ? 2 : 1);
          }
        }
      }
    }
    // a mask with two regions is two segment lines
    expect(text("segment/labels/train/a.txt").trim().split("\n")).toHaveLength(4); // polygon, mask ×2, ellipse
    // classify: <split>/<class name>/<image>, the image in every class it has, train and val
    expect(paths.filter((p) => p.startsWith("classify/")).sort()).toEqual([
      "classify/train/car/a.png",
      "classify/val/car/a.png",
    ]);
    expect(paths.some((p) => p.startsWith("classify/") && p.endsWith(".yaml"))).toBe(false);
  });

  it("pose flip_idx swaps left and right joints by name, so flip augmentation keeps them right", () => {
    const skeleton = (joints: string[]) => [{ id: "p", name: "p", color: "#000000", skeleton: { joints, edges: [] } }];
    expect(flipIndex(skeleton(["nose", "left_eye", "right_eye", "LeftHand", "RightHand"]), 5)).toEqual([0, 2, 1, 4, 3]);
    expect(flipIndex(skeleton(["l_knee", "r_knee", "hip_R", "hip_L", "head"]), 6)).toEqual([1, 0, 3, 2, 4, 5]);
    // the fixture's head, hand, foot have no mirrors
    expect(exportYolo(input()).find((f) => f.path === "pose/data.yaml")?.contents).toMatch(/^flip_idx: \[0, 1, 2\]$/m);
  });

  it("a classification-only result is the classify layout alone, at the top", () => {
    const i = input();
    const classesOnly = { ...i, images: i.images.map((img) => ({ ...img, shapes: [] })) };
    expect(exportYolo(classesOnly)).toEqual([]);
    expect(yoloImageTargets(classesOnly).map((t) => t.path)).toEqual(["train/car/a.png", "val/car/a.png"]);
  });
});

describe("Pascal VOC layout (VOC2012 devkit, Datumaro labelmap)", () => {
  it("has an annotation and an image per id of ImageSets/Main, 1-based boxes inside the image, no <polygon>, masks as VOC-colour PNGs, a label map", () => {
    const i = input();
    const { text, has, byPath } = layout(exportVoc(i), vocImageTargets(i));
    const ids = text("ImageSets/Main/default.txt").trim().split("\n");
    expect(ids).toEqual(["a", "a_2"]); // a.png and a.jpg keep apart
    for (const id of ids) {
      const xml = text(`Annotations/${id}.xml`);
      expect(xml).not.toMatch(/<polygon/);
      const [W, H] = [Number(/<width>(\d+)</.exec(xml)?.[1]), Number(/<height>(\d+)</.exec(xml)?.[1])];
      expect(xml).toMatch(/<depth>3<\/depth>/);
      // Datumaro opens the image by <filename> in JPEGImages/; the devkit by the id
      const filename = /<filename>(.*?)<\/filename>/.exec(xml)?.[1] ?? "";
      expect(filename.replace(/\.[^.]+$/, "")).toBe(id);
      expect(has(`JPEGImages/${filename}`)).toBe(true);
      for (const m of xml.matchAll(
        /<bndbox><xmin>(.*?)<\/xmin><ymin>(.*?)<\/ymin><xmax>(.*?)<\/xmax><ymax>(.*?)<\/ymax>/g,
      )) {
        const [xmin, ymin, xmax, ymax] = m.slice(1).map(Number) as [number, number, number, number];
        for (const v of [xmin, ymin, xmax, ymax]) expect(Number.isInteger(v)).toBe(true);
        expect(1 <= xmin && xmin <= xmax && xmax <= W).toBe(true);
        expect(1 <= ymin && ymin <= ymax && ymax <= H).toBe(true);
      }
      const segmented = /<segmented>1<\/segmented>/.test(xml);
      expect(has(`SegmentationClass/${id}.png`)).toBe(segmented);
      expect(has(`SegmentationObject/${id}.png`)).toBe(segmented);
      if (segmented) {
        const png = PNG.sync.read(Buffer.from(byPath.get(`SegmentationClass/${id}.png`) as Uint8Array));
        expect([png.width, png.height]).toEqual([W, H]);
      }
    }
    expect(text("ImageSets/Segmentation/default.txt")).toBe("a\n");
    // labelmap.txt: background first, then every label in its VOC colour
    const rows = text("labelmap.txt").trim().split("\n").slice(1);
    expect(rows).toEqual(["background:0,0,0::", ...labels.map((l, k) => `${l.name}:${vocColor(k + 1).join(",")}::`)]);
    // classification image sets: <class>_<subset>.txt with 1 / -1 per id
    expect(text("ImageSets/Main/car_default.txt")).toBe("a  1\na_2 -1\n");
  });
});

describe("CVAT for images 1.1 layout (docs.cvat.ai XML annotation format)", () => {
  it("declares version, task size and every label used; images with ids, sizes and files; valid boxes, point lists, mask RLE and skeletons", () => {
    const i = input();
    const { text, has } = layout(exportCvat(i), cvatImageTargets(i));
    const xml = text("annotations.xml");
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<annotations>\n {2}<version>1\.1<\/version>/);
    expect(/<size>(\d+)<\/size>/.exec(xml)?.[1]).toBe(String(i.images.length));
    expect(xml).toMatch(/<mode>annotation<\/mode>/);
    const declared = new Set([...xml.matchAll(/<label><name>(.*?)<\/name>/g)].map((m) => m[1]));
    const images = [...xml.matchAll(/<image ([^>]*)>/g)].map((m) => attrs(m[1]!));
    expect(images.map((a) => a.id)).toEqual(["0", "1"]);
    for (const a of images) {
      expect(has(`images/${a.name}`)).toBe(true);
      expect(Number(a.width)).toBeGreaterThan(0);
    }
    for (const m of xml.matchAll(/<(box|polygon|polyline|points|ellipse|mask|skeleton|tag) ([^>]*)>/g)) {
      const a = attrs(m[2]!);
      expect(declared.has(a.label)).toBe(true);
      if (m[1] === "box") {
        expect(Number(a.xtl)).toBeLessThanOrEqual(Number(a.xbr));
        expect(Number(a.ytl)).toBeLessThanOrEqual(Number(a.ybr));
      }
      if (a.points !== undefined) expect(a.points).toMatch(/^-?[\d.]+,-?[\d.]+(;-?[\d.]+,-?[\d.]+)*$/);
      if (m[1] === "mask") {
        const runs = a.rle!.split(", ").map(Number);
        expect(runs.reduce((s, v) => s + v, 0)).toBe(Number(a.width) * Number(a.height));
        for (const k of ["left", "top", "width", "height"]) expect(Number.isInteger(Number(a[k]))).toBe(true);
      }
      if (m[1] !== "skeleton" && m[1] !== "tag") expect(["0", "1"]).toContain(a.occluded);
    }
    // a skeleton is one <points> per joint, absent joints outside="1"
    const skeleton = /<skeleton [^>]*>(.*?)<\/skeleton>/.exec(xml)?.[1] ?? "";
    const joints = [...skeleton.matchAll(/<points ([^>]*)>/g)].map((m) => attrs(m[1]!));
    expect(joints.map((j) => [j.label, j.outside, j.occluded])).toEqual([
      ["head", "0", "0"],
      ["hand", "1", "0"],
      ["foot", "0", "1"],
    ]);
  });
});

describe("an export never writes two files over each other", () => {
  it("names images apart by full name and by stem, case aside, and never outside the layout's folder", () => {
    const i = input();
    const img = i.images[0]!;
    const odd = {
      ...i,
      images: ["A.png", "a.png", "../../etc/a.jpg", "b:c?.png"].map((fileName, index) => ({ ...img, index, fileName })),
    };
    expect(cocoImageTargets(odd).map((t) => t.path)).toEqual([
      "images/default/A.png",
      "images/default/a_2.png",
      "images/default/a.jpg",
      "images/default/b_c_.png",
    ]);
    expect(vocImageTargets(odd).map((t) => t.path)).toEqual([
      "JPEGImages/A.png",
      "JPEGImages/a_2.png",
      "JPEGImages/a_3.jpg",
      "JPEGImages/b_c_.png",
    ]);
    for (const targets of [cocoImageTargets(odd), vocImageTargets(odd), cvatImageTargets(odd), yoloImageTargets(odd)])
      expect(() => checkDistinctPaths(targets.map((t) => t.path))).not.toThrow();
  });

  it("refuses paths naming one file, case aside, before writing anything", () => {
    expect(() => checkDistinctPaths(["a/b.txt", "a/c.txt"])).not.toThrow();
    expect(() => checkDistinctPaths(["labels/train/A.txt", "labels/train/a.txt"])).toThrow(
      "The export would write 1 file twice (labels/train/A.txt and labels/train/a.txt); nothing was written.",
    );
  });
});
