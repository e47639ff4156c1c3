// YOLO / Ultralytics: one dataset per task the shapes need — detect (boxes), segment (polygons,
// ellipses as polygons, masks as their outer contour), pose (skeletons, padded to the largest
// skeleton with absent joints) and obb (rotated boxes as four corners) — each with data.yaml,
// labels/train/<stem>.txt and train.txt naming images/train/<stem><ext>. One task writes at the
// top; several write one folder each. Coordinates are image pixels divided by the image's width
// or height, written exactly (shortest decimal, not rounded to 6 places). Polylines and loose
// points have no YOLO form and are counted as omitted. Image classes (classify) need class
// folders of images and are left to the COCO / VOC exports.
import type { Label, Shape, ShapeKind } from "../../../shared/annotation";
import { decodeMask, ellipsePolygon, rotatedBoxCorners, shapeBox, traceOuterContour } from "../../../shared/annotation";
import { num, uniqueStems, type ExportFile, type ExportImage, type ExportInput } from "./export-model";

export const YOLO_TASKS = ["detect", "segment", "pose", "obb"] as const;
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

function segmentPoints(s: Shape): number[] {
  if (s.kind === "polygon") return s.points;
  if (s.kind === "ellipse") return ellipsePolygon(s);
  if (s.kind === "mask")
    return traceOuterContour(decodeMask(s.counts, s.w, s.h)).map((v, i) => v + (i % 2 === 0 ? s.x : s.y));
  return [];
}

function line(s: Shape, img: ExportImage, classIndex: number, joints: number): string | null {
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
      return [classIndex, ...boxOf(shapeBox(s))].join(" ");
    case "segment": {
      const pts = segmentPoints(s);
      return pts.length >= 6 ? [classIndex, ...flat(pts)].join(" ") : null;
    }
    case "obb":
      return s.kind === "rotated-box"
        ? [classIndex, ...flat(rotatedBoxCorners(s).flatMap((p) => [p.x, p.y]))].join(" ")
        : null;
    case "pose": {
      if (s.kind !== "keypoints") return null;
      const kp: string[] = [];
      for (let j = 0; j < joints; j++) {
        const v = s.visibility[j] ?? 0;
        kp.push(v === 0 ? "0" : nx(s.points[2 * j] ?? 0), v === 0 ? "0" : ny(s.points[2 * j + 1] ?? 0), String(v));
      }
      return [classIndex, ...boxOf(shapeBox(s)), ...kp].join(" ");
    }
    default:
      return null;
  }
}

function dataYaml(task: YoloTask, labels: readonly Label[], joints: number): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `# Ultralytics YOLO ${task} dataset written by Amplify`,
    "path: .",
    "train: train.txt",
    "val: train.txt",
    `task: ${task}`,
    `nc: ${labels.length}`,
    "names:",
    ...labels.map((l, i) => `  ${i}: ${q(l.name)}`),
  ];
  if (task === "pose") {
    lines.push(`kpt_shape: [${joints}, 3]`, `flip_idx: [${Array.from({ length: joints }, (_, i) => i).join(", ")}]`);
    lines.push("kpt_names:");
    labels.forEach((l, i) => {
      if (l.skeleton) lines.push(`  ${i}: [${l.skeleton.joints.map(q).join(", ")}]`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** The tasks the input's shapes need, in YOLO_TASKS order. */
export function yoloTasks(input: ExportInput): YoloTask[] {
  const used = new Set(input.images.flatMap((img) => img.shapes.map((s) => YOLO_TASK_OF[s.kind])));
  const tasks = YOLO_TASKS.filter((t) => used.has(t));
  return tasks.length > 0 ? tasks : ["detect"];
}

export function exportYolo(input: ExportInput): ExportFile[] {
  const classIndex = new Map(input.labels.map((l, i) => [l.id, i]));
  const stems = uniqueStems(input.images);
  const joints = Math.max(1, ...input.labels.map((l) => l.skeleton?.joints.length ?? 0));
  const tasks = yoloTasks(input);
  const files: ExportFile[] = [];
  for (const task of tasks) {
    const dir = tasks.length === 1 ? "" : `${task}/`;
    files.push({ path: `${dir}data.yaml`, contents: dataYaml(task, input.labels, joints) });
    const list: string[] = [];
    input.images.forEach((img, i) => {
      const name = stems[i] as string;
      const ext = /\.[^./\\]+$/.exec(img.fileName)?.[0] ?? ".png";
      list.push(`images/train/${name}${ext}`);
      const lines = img.shapes
        .filter((s) => YOLO_TASK_OF[s.kind] === task)
        .map((s) => line(s, img, classIndex.get(s.label) ?? 0, joints))
        .filter((l): l is string => l !== null);
      files.push({ path: `${dir}labels/train/${name}.txt`, contents: lines.length > 0 ? `${lines.join("\n")}\n` : "" });
    });
    files.push({ path: `${dir}train.txt`, contents: `${list.map((p) => `./${p}`).join("\n")}\n` });
    files.push({ path: `${dir}classes.txt`, contents: `${input.labels.map((l) => l.name).join("\n")}\n` });
  }
  return files;
}
