// Pascal VOC (ours, or the devkit's layout): Annotations/*.xml objects → boxes (1-based inclusive
// corners back to 0-based x, y, w, h); an object painted in SegmentationObject/<stem>.png (object
// n in VOC colour n) → a mask of those pixels; Datumaro's <attributes> → attributes, VOC's own
// truncated / occluded / difficult flags → attributes of those names when the label has them;
// ImageSets/Main/<label>_<subset>.txt rows with 1 → image classes.
import type { Shape } from "../../../shared/annotation";
import { encodeMask } from "../../../shared/annotation";
import { pngIndices } from "../exporters/voc-palette";
import type { DatasetFiles } from "./dataset-files";
import { ImportError, finite, type ImportedDataset, type ImportedImage, type ImportedShape } from "./import-model";
import { XmlError, child, childText, childrenNamed, parseXml, type XmlElement } from "./xml-reader";

function readXml(files: DatasetFiles, p: string): XmlElement {
  try {
    return parseXml(files.text(p) ?? "");
  } catch (e) {
    throw new ImportError(`${p} is not readable XML: ${e instanceof XmlError ? e.message : String(e)}.`);
  }
}

/** Masks of the painted objects of one image, by 1-based object number. */
function objectMasks(
  bytes: Uint8Array,
  width: number,
  height: number,
  where: string,
): Map<number, Omit<Extract<Shape, { kind: "mask" }>, "id" | "label" | "kind">> {
  let indices: Uint8Array;
  try {
    indices = pngIndices(bytes, { width, height }).indices;
  } catch (e) {
    throw new ImportError(`${where}: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const bounds = new Map<number, [number, number, number, number]>();
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i] as number;
    if (k === 0 || k === 255) continue;
    const x = i % width,
      y = (i - x) / width;
    const b = bounds.get(k);
    if (!b) bounds.set(k, [x, y, x, y]);
    else {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  const out = new Map<number, Omit<Extract<Shape, { kind: "mask" }>, "id" | "label" | "kind">>();
  for (const [k, [x0, y0, x1, y1]] of bounds) {
    const w = x1 - x0 + 1,
      h = y1 - y0 + 1;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) data[y * w + x] = indices[(y0 + y) * width + x0 + x] === k ? 1 : 0;
    out.set(k, { x: x0, y: y0, w, h, counts: encodeMask({ w, h, data }) });
  }
  return out;
}

export function importVoc(files: DatasetFiles): ImportedDataset {
  const all = files.paths();
  const xmls = all.filter((p) => /^Annotations\/[^/]+\.xml$/.test(p)).sort();
  if (xmls.length === 0) throw new ImportError("No Pascal VOC dataset: expected Annotations/*.xml.");
  const labelNames = (files.text("labelmap.txt") ?? "")
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split(":")[0] as string)
    .filter((n) => n !== "background");
  const images: ImportedImage[] = [];
  const byStem = new Map<string, ImportedImage>();
  let n = 0;
  for (const p of xmls) {
    const stem = p.slice("Annotations/".length, -4);
    const root = readXml(files, p);
    if (root.name !== "annotation")
      throw new ImportError(`${p}: the root element is <${root.name}>, not <annotation>.`);
    const size = child(root, "size");
    const width = finite(size && childText(size, "width"), "the width", p);
    const height = finite(size && childText(size, "height"), "the height", p);
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width * height > 1 << 28)
      throw new ImportError(`${p}: the image size ${width}×${height} is not a usable size.`);
    const png = files.read(`SegmentationObject/${stem}.png`);
    const masks = png ? objectMasks(png, width, height, `SegmentationObject/${stem}.png`) : new Map();
    const shapes: ImportedShape[] = childrenNamed(root, "object").map((o, i) => {
      const where = `${p}, object ${i + 1}`;
      const name = childText(o, "name");
      if (!name) throw new ImportError(`${where}: it has no <name>.`);
      const attrs = child(o, "attributes");
      const attributes: Array<[string, string]> = attrs
        ? childrenNamed(attrs, "attribute").map((a) => [childText(a, "name") ?? "", childText(a, "value") ?? ""])
        : [];
      const hints: Array<[string, string]> = ["truncated", "occluded", "difficult"]
        .filter((f) => childText(o, f) === "1" && !attributes.some(([k]) => k === f))
        .map((f) => [f, "true"]);
      const id = `voc-${++n}`;
      const mask = masks.get(i + 1);
      if (mask) return { shape: { id, label: name, kind: "mask", ...mask }, attributes, hints };
      const b = child(o, "bndbox");
      if (!b) throw new ImportError(`${where}: it has neither a <bndbox> nor pixels in SegmentationObject.`);
      const [xmin, ymin, xmax, ymax] = ["xmin", "ymin", "xmax", "ymax"].map((k) =>
        finite(childText(b, k), k, where),
      ) as [number, number, number, number];
      if (xmax < xmin || ymax < ymin)
        throw new ImportError(`${where}: the box's max corner is above or left of its min corner.`);
      return {
        shape: { id, label: name, kind: "box", x: xmin - 1, y: ymin - 1, w: xmax - xmin + 1, h: ymax - ymin + 1 },
        attributes,
        hints,
      };
    });
    const img: ImportedImage = {
      fileName: childText(root, "filename") || `${stem}.jpg`,
      width,
      height,
      shapes,
      classes: [],
    };
    images.push(img);
    byStem.set(stem, img);
  }
  for (const p of all) {
    const m = /^ImageSets\/Main\/(.+)_[^_/]+\.txt$/.exec(p);
    if (!m || !labelNames.includes(m[1] as string)) continue;
    for (const row of (files.text(p) ?? "").split(/\r?\n/)) {
      const [s, flag] = row.trim().split(/\s+/);
      const img = s ? byStem.get(s) : undefined;
      if (img && flag === "1" && !img.classes.includes(m[1] as string)) img.classes.push(m[1] as string);
    }
  }
  return { format: "voc", labels: labelNames.map((name) => ({ name })), images };
}
