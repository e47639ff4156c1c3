// CVAT for images 1.1 XML: box (with rotation → rotated box), polygon, polyline, points,
// ellipse, mask (CVAT's row-major RLE over left/top/width/height), skeleton (joints by their
// sub-label names; outside → absent, occluded → occluded) and tag (image class). Attributes by
// name; CVAT's occluded flag becomes an "occluded" attribute when the label has one.
import type { Shape } from "../../../shared/annotation";
import { encodeMask, normalizeAngle } from "../../../shared/annotation";
import type { DatasetFiles } from "./dataset-files";
import {
  ImportError,
  finite,
  type ImportedDataset,
  type ImportedImage,
  type ImportedLabel,
  type ImportedShape,
} from "./import-model";
import { XmlError, child, childText, childrenNamed, parseXml, type XmlElement } from "./xml-reader";

function points(text: string | undefined, where: string): number[] {
  if (!text) throw new ImportError(`${where}: it has no points.`);
  return text.split(";").flatMap((pair) => {
    const xy = pair.split(",");
    if (xy.length !== 2) throw new ImportError(`${where}: ${JSON.stringify(pair)} is not an x,y pair.`);
    return xy.map((v) => finite(v, "a coordinate", where));
  });
}

function metaLabels(root: XmlElement): ImportedLabel[] {
  const meta = child(root, "meta");
  const holder = meta && (child(meta, "task") ?? child(meta, "project") ?? child(meta, "job"));
  const list = holder && child(holder, "labels");
  if (!list) return [];
  const all = childrenNamed(list, "label");
  const own = all.filter((l) => !childText(l, "parent"));
  return own.map((l) => {
    const name = childText(l, "name") ?? "";
    const joints = all.filter((j) => childText(j, "parent") === name).map((j) => childText(j, "name") ?? "");
    if (joints.length === 0) return { name };
    // CVAT draws the skeleton in <svg>: circles name the nodes, lines join node ids.
    const svg = childText(l, "svg") ?? "";
    const nodes = new Map<string, number>();
    for (const m of svg.matchAll(/<circle[^>]*data-node-id="(\d+)"[^>]*data-label-name="([^"]*)"/g)) {
      const i = joints.indexOf(m[2] as string);
      if (i >= 0) nodes.set(m[1] as string, i);
    }
    const edges: Array<[number, number]> = [];
    for (const m of svg.matchAll(/<line[^>]*data-node-from="(\d+)"[^>]*data-node-to="(\d+)"/g)) {
      const a = nodes.get(m[1] as string),
        b = nodes.get(m[2] as string);
      if (a !== undefined && b !== undefined) edges.push([a, b]);
    }
    return { name, skeleton: { joints, edges } };
  });
}

function maskOf(el: XmlElement, where: string): Omit<Extract<Shape, { kind: "mask" }>, "id" | "label" | "kind"> {
  const [left, top, w, h] = ["left", "top", "width", "height"].map((k) => finite(el.attrs[k], k, where)) as [
    number,
    number,
    number,
    number,
  ];
  if (![left, top, w, h].every(Number.isInteger) || left < 0 || top < 0 || w < 1 || h < 1 || w * h > 1 << 28)
    throw new ImportError(
      `${where}: the mask's left, top, width and height must be whole, non-negative and at most 2^28 pixels.`,
    );
  const runs = (el.attrs.rle ?? "").split(",").map((t) => finite(t, "a run length", where));
  const data = new Uint8Array(w * h);
  let at = 0;
  runs.forEach((run, i) => {
    if (!Number.isInteger(run) || run < 0 || at + run > w * h)
      throw new ImportError(`${where}: the mask's runs do not fit ${w}×${h}.`);
    if (i % 2 === 1) data.fill(1, at, at + run);
    at += run;
  });
  if (at !== w * h) throw new ImportError(`${where}: the mask's runs cover ${at} pixels, not ${w}×${h}.`);
  return { x: left, y: top, w, h, counts: encodeMask({ w, h, data }) };
}

export function importCvat(files: DatasetFiles): ImportedDataset {
  const p =
    files.paths().find((f) => f === "annotations.xml") ??
    files.paths().find((f) => !f.includes("/") && f.endsWith(".xml"));
  if (!p) throw new ImportError("No CVAT file: expected annotations.xml.");
  let root: XmlElement;
  try {
    root = parseXml(files.text(p) ?? "");
  } catch (e) {
    throw new ImportError(`${p} is not readable XML: ${e instanceof XmlError ? e.message : String(e)}.`);
  }
  if (root.name !== "annotations")
    throw new ImportError(`${p}: the root element is <${root.name}>, not CVAT's <annotations>.`);
  const labels = metaLabels(root);
  const jointsOf = new Map(labels.map((l) => [l.name, l.skeleton?.joints]));
  let n = 0;
  const images: ImportedImage[] = childrenNamed(root, "image").map((imgEl, imageNo) => {
    const name = imgEl.attrs.name;
    if (!name) throw new ImportError(`${p}, image ${imageNo + 1}: it has no name.`);
    const width = finite(imgEl.attrs.width, "the width", `${p}, ${name}`);
    const height = finite(imgEl.attrs.height, "the height", `${p}, ${name}`);
    const shapes: ImportedShape[] = [];
    const classes: string[] = [];
    for (const el of imgEl.children) {
      const where = `${p}, ${name}, <${el.name}> ${shapes.length + 1}`;
      const label = el.attrs.label;
      if (!label) throw new ImportError(`${where}: it has no label.`);
      if (el.name === "tag") {
        classes.push(label);
        continue;
      }
      const attributes: Array<[string, string]> = childrenNamed(el, "attribute").map((a) => [
        a.attrs.name ?? "",
        a.text,
      ]);
      const hints: Array<[string, string]> =
        el.attrs.occluded === "1" && !attributes.some(([k]) => k === "occluded") ? [["occluded", "true"]] : [];
      const id = `cvat-${++n}`;
      const f = (k: string) => finite(el.attrs[k], k, where);
      let shape: Shape;
      let jointNames: string[] | undefined;
      switch (el.name) {
        case "box": {
          const [xtl, ytl, xbr, ybr] = [f("xtl"), f("ytl"), f("xbr"), f("ybr")];
          const rotation = el.attrs.rotation ? normalizeAngle(f("rotation")) : 0;
          shape =
            rotation !== 0 || el.attrs.rotation !== undefined
              ? {
                  id,
                  label,
                  kind: "rotated-box",
                  cx: (xtl + xbr) / 2,
                  cy: (ytl + ybr) / 2,
                  w: xbr - xtl,
                  h: ybr - ytl,
                  angle: rotation,
                }
              : { id, label, kind: "box", x: xtl, y: ytl, w: xbr - xtl, h: ybr - ytl };
          break;
        }
        case "polygon":
        case "polyline":
        case "points":
          shape = { id, label, kind: el.name, points: points(el.attrs.points, where) };
          break;
        case "ellipse":
          shape = {
            id,
            label,
            kind: "ellipse",
            cx: f("cx"),
            cy: f("cy"),
            rx: f("rx"),
            ry: f("ry"),
            angle: el.attrs.rotation ? normalizeAngle(f("rotation")) : 0,
          };
          break;
        case "mask":
          shape = { id, label, kind: "mask", ...maskOf(el, where) };
          break;
        case "skeleton": {
          const nodes = childrenNamed(el, "points");
          const order = jointsOf.get(label) ?? nodes.map((j) => j.attrs.label ?? "");
          const pts: number[] = [];
          const visibility: Array<0 | 1 | 2> = [];
          for (const joint of order) {
            const node = nodes.find((j) => j.attrs.label === joint);
            const v = !node || node.attrs.outside === "1" ? 0 : node.attrs.occluded === "1" ? 1 : 2;
            const [x, y] = v === 0 || !node ? [0, 0] : points(node.attrs.points, `${where}, joint ${joint}`);
            pts.push(x ?? 0, y ?? 0);
            visibility.push(v);
          }
          for (const node of nodes)
            if (!order.includes(node.attrs.label ?? ""))
              throw new ImportError(
                `${where}: the skeleton ${label} has no joint ${JSON.stringify(node.attrs.label)}.`,
              );
          shape = { id, label, kind: "keypoints", points: pts, visibility };
          jointNames = order;
          break;
        }
        default:
          throw new ImportError(`${where}: CVAT's <${el.name}> is not a shape we import.`);
      }
      shapes.push({ shape, attributes, hints, ...(jointNames ? { jointNames } : {}) });
    }
    return { fileName: name, width, height, shapes, classes };
  });
  return { format: "cvat", labels, images };
}
