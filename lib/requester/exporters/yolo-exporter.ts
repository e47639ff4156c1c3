// YOLO / Ultralytics: one dataset per task the result needs — detect (boxes), segment (polygons,
// ellipses as polygons, masks as one polygon per region), pose (skeletons, padded to the
// largest skeleton with absent joints; flip_idx pairs left/right joints by name), obb (rotated boxes as four corners) and classify (image
// classes) — as docs.ultralytics.com/datasets describes them. The first four each have data.yaml
// (no `path:`, so Ultralytics takes the yaml's own folder as the root), train.txt naming
// ./images/train/<stem><ext>, and labels/train/<stem>.txt for each image with shapes (an image
// without one is a background image to Ultralytics, and Datumaro refuses empty label files).
// Classify is train/<class>/<image> and val/<class>/<image> (the same images: Ultralytics needs
// a val or test split) — folders of images only, so it exists only when images are written.
// One task writes at the top; several write one folder each. Coordinates are image pixels
// divided by the image's width or height, written exactly (shortest decimal, not rounded to 6
// places). Polylines and loose points have no YOLO form and are counted as omitted.
import type { Label, Shape, ShapeKind } from "../../../shared/annotation";
import { ellipsePolygon, rotatedBoxCorners, shapeBox } from "../../../shared/annotation";
import {
  imageExtension,
  num,
  uniqueStems,
  type ExportFile,
  type ExportImage,
  type ExportInput,
  type ImageTarget,
} from "./export-model";
import { maskRegionOutlines } from "./mask-regions";

export const YOLO_TASKS = ["detect", "segment", "pose", "obb", "classify"] as const;
export type YoloTask = (typeof YOLO_TASKS)[number];

export const YOLO_TASK_OF: Partial<Record<ShapeKind, YoloTask>> = {
  box: "detect",
  polygon: "segment",
  ellipse: "segment",
  mask: "segment",
  keypoints: "pose",
  "rotated-box": "obb",
};
export const YOLO_KINDS = Object.keys(YOLO_TASK_OF) as ShapeKind[];

/** A segment shape's polygons: one, or one per region of a mask. */
function segmentPolygons(s: Shape): number[][] {
  if (s.kind === "polygon") return [s.points];
  if (s.kind === "ellipse") return [ellipsePolygon(s)];
  if (s.kind === "mask") return maskRegionOutlines(s);
  return [];
}

/** The label lines of one shape (several for a mask of several regions). */
function lines(s: Shape, img: ExportImage, classIndex: number, joints: number): string[] {
  const nx = (v: number) => num(v / img.width);
  const ny = (v: number) => num(v / img.height);
  const flat = (pts: readonly number[]) => pts.map((v, i) => (i % 2 === 0 ? nx(v) : ny(v)));
  const boxOf = (b: { x: number; y: number; w: number; h: number }) => [
    nx(b.x + b.w / 2),
    ny(b.y + b.h / 2),
    nx(b.w),
    ny(b.h),
  ];
  switch (YOLO_TASK_OF[s.kind]) {
    case "detect":
      return [[classIndex, ...boxOf(shapeBox(s))].join(" ")];
    case "segment":
      return segmentPolygons(s)
        .filter((pts) => pts.length >= 6)
        .map((pts) => [classIndex, ...flat(pts)].join(" "));
    case "obb":
      return s.kind === "rotated-box"
        ? [[classIndex, ...flat(rotatedBoxCorners(s).flatMap((p) => [p.x, p.y]))].join(" ")]
        : [];
    case "pose": {
      if (s.kind !== "keypoints") return [];
      const kp: string[] = [];
      for (let j = 0; j < joints; j++) {
        const v = s.visibility[j] ?? 0;
        kp.push(v === 0 ? "0" : nx(s.points[2 * j] ?? 0), v === 0 ? "0" : ny(s.points[2 * j + 1] ?? 0), String(v));
      }
      return [[classIndex, ...boxOf(shapeBox(s)), ...kp].join(" ")];
    }
    default:
      return [];
  }
}

/** A joint's mirror name: left ↔ right as a word or an l/r prefix or suffix (left_eye, LeftHand, l_knee, hip_r). */
function mirrored(name: string): string {
  const words = name.replace(/left|right/gi, (w) => {
    const other = w.toLowerCase() === "left" ? "right" : "left";
    if (w === w.toUpperCase()) return other.toUpperCase();
    return w[0] === w[0]?.toUpperCase() ? other[0]!.toUpperCase() + other.slice(1) : other;
  });
  if (words !== name) return words;
  const swap = (c: string) => ({ l: "r", r: "l", L: "R", R: "L" })[c] ?? c;
  return name
    .replace(/^([lLrR])([_\-. ])/, (_m, c: string, sep: string) => swap(c) + sep)
    .replace(/([_\-. ])([lLrR])$/, (_m, sep: string, c: string) => sep + swap(c));
}

/**
 * Ultralytics' flip_idx: for each joint, the joint it becomes in a horizontally flipped image,
 * so flip augmentation swaps left and right joints rather than mislabelling them. Pairs are
 * found by name in the largest skeleton; joints without a mirror map to themselves.
 */
export function flipIndex(labels: readonly Label[], joints: number): number[] {
  const names = labels.reduce<string[]>(
    (best, l) => ((l.skeleton?.joints.length ?? 0) > best.length ? (l.skeleton?.joints ?? []) : best),
    [],
  );
  return Array.from({ length: joints }, (_, i) => {
    const name = names[i];
    if (name === undefined) return i;
    const mirror = names.indexOf(mirrored(name));
    return mirror >= 0 && mirror !== i && mirrored(names[mirror] as string) === name ? mirror : i;
  });
}

function dataYaml(task: YoloTask, labels: readonly Label[], joints: number): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `# Ultralytics YOLO ${task} dataset written by Amplify`,
    "train: train.txt",
    "val: train.txt",
    `task: ${task}`,
    `nc: ${labels.length}`,
    "names:",
    ...labels.map((l, i) => `  ${i}: ${q(l.name)}`),
  ];
  if (task === "pose") {
    lines.push(`kpt_shape: [${joints}, 3]`, `flip_idx: [${flipIndex(labels, joints).join(", ")}]`);
    lines.push("kpt_names:");
    labels.forEach((l, i) => {
      if (l.skeleton) lines.push(`  ${i}: [${l.skeleton.joints.map(q).join(", ")}]`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** The tasks the input needs, in YOLO_TASKS order (detect when there is nothing at all). */
export function yoloTasks(input: ExportInput): YoloTask[] {
  const used = new Set<YoloTask | undefined>(
    input.images.flatMap((img) => img.shapes.map((s) => YOLO_TASK_OF[s.kind])),
  );
  if (input.images.some((img) => img.classes.length > 0)) used.add("classify");
  const tasks = YOLO_TASKS.filter((t) => used.has(t));
  return tasks.length > 0 ? tasks : ["detect"];
}

const folder = (tasks: readonly YoloTask[], task: YoloTask) => (tasks.length === 1 ? "" : `${task}/`);

/** A class's folder name in the classify layout: its name, with characters unsafe in file names as `_`. */
export function classFolder(label: Label): string {
  return label.name.replace(/[^\p{L}\p{N}._ -]/gu, "_").replace(/^\.+$/, "_") || "_";
}

export function exportYolo(input: ExportInput): ExportFile[] {
  const classIndex = new Map(input.labels.map((l, i) => [l.id, i]));
  const stems = uniqueStems(input.images);
  const joints = Math.max(1, ...input.labels.map((l) => l.skeleton?.joints.length ?? 0));
  const tasks = yoloTasks(input);
  const files: ExportFile[] = [];
  for (const task of tasks) {
    if (task === "classify") continue; // folders of images only: see yoloImageTargets
    const dir = folder(tasks, task);
    files.push({ path: `${dir}data.yaml`, contents: dataYaml(task, input.labels, joints) });
    const list: string[] = [];
    input.images.forEach((img, i) => {
      const name = stems[i] as string;
      list.push(`images/train/${name}${imageExtension(img.fileName)}`);
      const text = img.shapes
        .filter((s) => YOLO_TASK_OF[s.kind] === task)
        .flatMap((s) => lines(s, img, classIndex.get(s.label) ?? 0, joints));
      if (text.length > 0) files.push({ path: `${dir}labels/train/${name}.txt`, contents: `${text.join("\n")}\n` });
    });
    files.push({ path: `${dir}train.txt`, contents: `${list.map((p) => `./${p}`).join("\n")}\n` });
    files.push({ path: `${dir}classes.txt`, contents: `${input.labels.map((l) => l.name).join("\n")}\n` });
  }
  return files;
}

/** Where the images go: images/train/ of each label task, and the class folders of classify. */
export function yoloImageTargets(input: ExportInput): ImageTarget[] {
  const stems = uniqueStems(input.images);
  const tasks = yoloTasks(input);
  const labels = new Map(input.labels.map((l) => [l.id, l]));
  const out: ImageTarget[] = [];
  for (const task of tasks) {
    const dir = folder(tasks, task);
    input.images.forEach((img, image) => {
      const name = `${stems[image] as string}${imageExtension(img.fileName)}`;
      if (task !== "classify") out.push({ path: `${dir}images/train/${name}`, image });
      else
        for (const split of ["train", "val"])
          for (const c of img.classes) {
            const label = labels.get(c);
            if (label) out.push({ path: `${dir}${split}/${classFolder(label)}/${name}`, image });
          }
    });
  }
  return out;
}
