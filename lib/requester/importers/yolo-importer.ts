// YOLO / Ultralytics datasets (ours, or any with data.yaml and labels/): detect → box, segment →
// polygon, obb → rotated box (centre, side lengths and angle from the four corners), pose →
// skeleton; the classify layout's train/<class>/<image> → image classes. One dataset at the top
// or one per task folder. YOLO stores coordinates divided by the image size and names no image
// size, so the caller says each image's size by file stem.
import type { Shape } from "../../../shared/annotation";
import { normalizeAngle } from "../../../shared/annotation";
import type { DatasetFiles } from "./dataset-files";
import { ImportError, finite, type ImportedDataset, type ImportedImage, type ImportedLabel } from "./import-model";

export interface ImageSize {
  fileName: string;
  width: number;
  height: number;
}

interface YoloYaml {
  names: string[];
  task?: string;
  kpt?: [number, number];
  kptNames: Map<number, string[]>;
}

function scalar(text: string): string {
  const t = text.trim();
  if (t.startsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      throw new ImportError(`data.yaml: ${t} is not a quoted name.`);
    }
  }
  if (t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t.replace(/\s+#.*$/, "");
}

function inlineList(text: string): string[] {
  const t = text.trim();
  if (!t.startsWith("[") || !t.endsWith("]")) throw new ImportError(`data.yaml: ${t} is not a [list].`);
  const inner = t.slice(1, -1).trim();
  if (!inner) return [];
  return (inner.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,]+/g) ?? []).map(scalar).filter((s) => s !== "");
}

/** The part of YAML that Ultralytics' data.yaml uses: top-level keys, names as a map, block list or [list]. */
export function readDataYaml(text: string, where: string): YoloYaml {
  const out: YoloYaml = { names: [], kptNames: new Map() };
  const lines = text.split(/\r?\n/);
  let block: "names" | "kpt_names" | null = null;
  const names = new Map<number, string>();
  for (const raw of lines) {
    if (/^\s*(#.*)?$/.test(raw)) continue;
    const indented = /^\s/.test(raw);
    const line = raw.trim();
    if (indented && block) {
      const item = /^-\s*(.*)$/.exec(line);
      const pair = /^(\d+)\s*:\s*(.*)$/.exec(line);
      if (block === "names" && item) names.set(names.size, scalar(item[1] ?? ""));
      else if (block === "names" && pair) names.set(Number(pair[1]), scalar(pair[2] ?? ""));
      else if (block === "kpt_names" && pair) out.kptNames.set(Number(pair[1]), inlineList(pair[2] ?? ""));
      else throw new ImportError(`${where}: cannot read ${JSON.stringify(line)}.`);
      continue;
    }
    block = null;
    const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!kv) throw new ImportError(`${where}: cannot read ${JSON.stringify(line)}.`);
    const [, key, value = ""] = kv;
    if (key === "names") {
      if (value.trim()) inlineList(value).forEach((n, i) => names.set(i, n));
      else block = "names";
    } else if (key === "kpt_names") block = "kpt_names";
    else if (key === "task") out.task = scalar(value);
    else if (key === "kpt_shape") {
      const [k, d] = inlineList(value).map(Number);
      if (!Number.isInteger(k) || (k as number) < 1 || (k as number) > 64 || (d !== 2 && d !== 3))
        throw new ImportError(`${where}: kpt_shape must be [joints, 2 or 3] with at most 64 joints.`);
      out.kpt = [k as number, d];
    }
  }
  const count = names.size === 0 ? 0 : Math.max(...names.keys()) + 1;
  if (count === 0 || count > 1000) throw new ImportError(`${where}: it names no classes (names:).`);
  for (let i = 0; i < count; i++) {
    const n = names.get(i);
    if (!n) throw new ImportError(`${where}: class ${i} has no name.`);
    out.names.push(n);
  }
  return out;
}

function corners(v: number[]): Pick<Extract<Shape, { kind: "rotated-box" }>, "cx" | "cy" | "w" | "h" | "angle"> {
  const [x0, y0, x1, y1, , , x3, y3] = v as [number, number, number, number, number, number, number, number];
  const cx = (v[0]! + v[2]! + v[4]! + v[6]!) / 4,
    cy = (v[1]! + v[3]! + v[5]! + v[7]!) / 4;
  const angle = normalizeAngle((Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI);
  return { cx, cy, w: Math.hypot(x1 - x0, y1 - y0), h: Math.hypot(x3 - x0, y3 - y0), angle };
}

/** An image of the classify layout: <root>/train/<class>/<image> (val/ and test/ repeat or split it). */
export const CLASSIFY_IMAGE = /^(?:[^/]+\/)?train\/([^/]+)\/([^/]+)\.(?:png|jpe?g|webp|bmp|tiff?)$/i;

export function importYolo(files: DatasetFiles, sizeOf: (stem: string) => ImageSize | undefined): ImportedDataset {
  const yamls = files
    .paths()
    .filter((p) => /^([^/]+\/)?data\.ya?ml$/.test(p))
    .sort();
  const classified = files
    .paths()
    .filter((p) => CLASSIFY_IMAGE.test(p) && !yamls.some((y) => p.startsWith(y.slice(0, y.lastIndexOf("/") + 1))))
    .sort();
  if (yamls.length === 0 && classified.length === 0)
    throw new ImportError("No YOLO dataset: expected data.yaml beside labels/, or train/<class>/<image> folders.");
  const images = new Map<string, ImportedImage>();
  const labels = new Map<string, ImportedLabel>();
  const imageOf = (stem: string, where: string): ImportedImage => {
    const size = sizeOf(stem);
    if (!size) throw new ImportError(`${where}: there is no image named ${stem}.* to go with it.`);
    const img = images.get(size.fileName) ?? {
      fileName: size.fileName,
      width: size.width,
      height: size.height,
      shapes: [],
      classes: [],
    };
    images.set(size.fileName, img);
    return img;
  };
  for (const p of classified) {
    const [, name = "", fileStem = ""] = CLASSIFY_IMAGE.exec(p) ?? [];
    if (!labels.has(name)) labels.set(name, { name });
    const img = imageOf(fileStem, p);
    if (!img.classes.includes(name)) img.classes.push(name);
  }
  let n = 0;
  for (const yamlPath of yamls) {
    const dir = yamlPath.includes("/") ? yamlPath.slice(0, yamlPath.indexOf("/") + 1) : "";
    const yaml = readDataYaml(files.text(yamlPath) ?? "", yamlPath);
    yaml.names.forEach((name, i) => {
      const joints = yaml.kptNames.get(i);
      if (!labels.has(name) || joints)
        labels.set(name, { name, ...(joints ? { skeleton: { joints, edges: [] } } : {}) });
    });
    const task = yaml.task ?? (yaml.kpt ? "pose" : undefined);
    const labelFiles = files
      .paths()
      .filter((p) => p.startsWith(`${dir}labels/`) && p.endsWith(".txt"))
      .sort();
    for (const p of labelFiles) {
      const img = imageOf(p.slice(p.lastIndexOf("/") + 1, -4), p);
      const size = { width: img.width ?? 0, height: img.height ?? 0 };
      (files.text(p) ?? "").split(/\r?\n/).forEach((raw, lineNo) => {
        const line = raw.trim();
        if (!line) return;
        const where = `${p}, line ${lineNo + 1}`;
        const cols = line.split(/\s+/);
        const c = Number(cols[0]);
        const name = yaml.names[c];
        if (!Number.isInteger(c) || name === undefined)
          throw new ImportError(`${where}: class ${cols[0]} is not in data.yaml.`);
        const v = cols.slice(1).map((t) => finite(t, "a coordinate", where));
        const px = (i: number) => (v[i] as number) * (i % 2 === 0 ? size.width : size.height);
        const id = `yolo-${++n}`;
        const shapeOf = (): Shape => {
          if (task === "pose") {
            const [k, d] = yaml.kpt ?? [0, 3];
            if (v.length !== 4 + k * d) throw new ImportError(`${where}: a pose line needs 5 + ${k}×${d} values.`);
            const points: number[] = [];
            const visibility: Array<0 | 1 | 2> = [];
            for (let j = 0; j < k; j++) {
              const x = v[4 + j * d] as number,
                y = v[5 + j * d] as number;
              const vis = d === 3 ? (v[6 + j * d] as number) : x === 0 && y === 0 ? 0 : 2;
              if (vis !== 0 && vis !== 1 && vis !== 2) throw new ImportError(`${where}: visibility must be 0, 1 or 2.`);
              visibility.push(vis);
              points.push(vis === 0 ? 0 : x * size.width, vis === 0 ? 0 : y * size.height);
            }
            return { id, label: name, kind: "keypoints", points, visibility };
          }
          if (v.length === 4 && task !== "segment" && task !== "obb") {
            const [cx, cy, w, h] = [px(0), px(1), px(2), px(3)];
            return { id, label: name, kind: "box", x: cx - w / 2, y: cy - h / 2, w, h };
          }
          if (v.length === 8 && task === "obb")
            return { id, label: name, kind: "rotated-box", ...corners(v.map((_, i) => px(i))) };
          if (v.length >= 6 && v.length % 2 === 0 && task !== "obb" && task !== "detect")
            return { id, label: name, kind: "polygon", points: v.map((_, i) => px(i)) };
          throw new ImportError(`${where}: ${v.length} coordinates do not make a ${task ?? "YOLO"} shape.`);
        };
        img.shapes.push({ shape: shapeOf(), attributes: [] });
      });
    }
  }
  return { format: "yolo", labels: [...labels.values()], images: [...images.values()] };
}
