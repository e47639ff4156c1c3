// Pascal VOC as the devkit and Datumaro read it: Annotations/<id>.xml with 1-based inclusive
// pixel boxes (a 0-based box x..x+w covers pixels x+1..x+w), ImageSets/Main/default.txt,
// ImageSets/Main/<label>_default.txt for image classes (1 / -1), labelmap.txt declaring every
// label and its colour, and for masks SegmentationClass/ and SegmentationObject/ PNGs in VOC
// colours (object n of an image is painted in colour n). Every shape is an <object> with its
// bounding box; only masks are painted (later masks cover earlier ones where they overlap).
// Attributes go in Datumaro's <attributes>; a boolean truncated / difficult / occluded attribute
// also sets VOC's own field. VOC boxes are whole pixels, so fractional boxes are rounded.
// <filename> is the image's name in JPEGImages/ (<id><ext>): Datumaro opens the image by it, so
// for a.png and a.jpg the second is a_2.jpg there too.
import type { Label, MaskShape } from "../../../shared/annotation";
import { decodeMask } from "../../../shared/annotation";
import { attributeEntries } from "./attribute-text";
import {
  imageExtension,
  shapeBounds,
  uniqueStems,
  xmlEscape as esc,
  type ExportFile,
  type ExportInput,
  type ImageTarget,
} from "./export-model";
import { indexPng, vocColor } from "./voc-palette";

export const VOC_SUBSET = "default";

function paint(target: Uint8Array, width: number, height: number, s: MaskShape, value: number): void {
  const bits = decodeMask(s.counts, s.w, s.h);
  for (let y = 0; y < s.h; y++) {
    const iy = s.y + y;
    if (iy >= height) break;
    for (let x = 0; x < s.w; x++) {
      const ix = s.x + x;
      if (ix < width && bits.data[y * s.w + x]) target[iy * width + ix] = value;
    }
  }
}

function labelmap(labels: readonly Label[]): string {
  const rows = labels.map((l, i) => `${l.name.replace(/[:\n]/g, "_")}:${vocColor(i + 1).join(",")}::`);
  return `# label:color_rgb:parts:actions\nbackground:0,0,0::\n${rows.join("\n")}\n`;
}

/** Images sit in JPEGImages/<id><ext>, the id being the one ImageSets and Annotations use (whatever the image type). */
export function vocImageTargets(input: ExportInput): ImageTarget[] {
  return uniqueStems(input.images).map((id, image) => ({
    path: `JPEGImages/${id}${imageExtension(input.images[image]?.fileName ?? "")}`,
    image,
  }));
}

export function exportVoc(input: ExportInput): ExportFile[] {
  if (input.labels.length > 254) throw new Error("VOC masks hold at most 254 labels.");
  const labelOf = new Map(input.labels.map((l, i) => [l.id, { label: l, index: i + 1 }]));
  const stems = uniqueStems(input.images);
  const files: ExportFile[] = [];
  const segmented: string[] = [];
  input.images.forEach((img, i) => {
    const name = stems[i] as string;
    const masks = img.shapes.filter((s): s is MaskShape => s.kind === "mask");
    if (masks.length > 0) {
      if (img.shapes.length > 254)
        throw new Error(`VOC masks hold at most 254 objects; ${img.fileName} has ${img.shapes.length}.`);
      const cls = new Uint8Array(img.width * img.height);
      const obj = new Uint8Array(img.width * img.height);
      img.shapes.forEach((s, n) => {
        if (s.kind !== "mask") return;
        paint(cls, img.width, img.height, s, labelOf.get(s.label)?.index ?? 0);
        paint(obj, img.width, img.height, s, n + 1);
      });
      files.push({ path: `SegmentationClass/${name}.png`, contents: indexPng(cls, img.width, img.height) });
      files.push({ path: `SegmentationObject/${name}.png`, contents: indexPng(obj, img.width, img.height) });
      segmented.push(name);
    }
    const objects = img.shapes.map((s) => {
      const b = shapeBounds(s);
      const label = labelOf.get(s.label)?.label;
      const flag = (id: string) => (s.attributes?.[id] === true ? 1 : 0);
      const xmin = Math.round(b.x) + 1,
        ymin = Math.round(b.y) + 1;
      const xmax = Math.max(xmin, Math.round(b.x + b.w)),
        ymax = Math.max(ymin, Math.round(b.y + b.h));
      const attrs = attributeEntries(label, s);
      const attrXml =
        attrs.length > 0
          ? `\n    <attributes>${attrs.map(([k, v]) => `<attribute><name>${esc(k)}</name><value>${esc(v)}</value></attribute>`).join("")}</attributes>`
          : "";
      return `  <object>
    <name>${esc(label?.name ?? s.label)}</name>
    <pose>Unspecified</pose>
    <truncated>${flag("truncated")}</truncated>
    <occluded>${flag("occluded")}</occluded>
    <difficult>${flag("difficult")}</difficult>
    <bndbox><xmin>${xmin}</xmin><ymin>${ymin}</ymin><xmax>${xmax}</xmax><ymax>${ymax}</ymax></bndbox>${attrXml}
  </object>`;
    });
    const xml = `<annotation>
  <folder>VOC</folder>
  <filename>${esc(`${name}${imageExtension(img.fileName)}`)}</filename>
  <source><database>${esc(input.title)}</database></source>
  <size><width>${img.width}</width><height>${img.height}</height><depth>3</depth></size>
  <segmented>${masks.length > 0 ? 1 : 0}</segmented>
${objects.join("\n")}
</annotation>
`;
    files.push({ path: `Annotations/${name}.xml`, contents: xml });
  });
  files.push({ path: `ImageSets/Main/${VOC_SUBSET}.txt`, contents: `${stems.join("\n")}\n` });
  if (segmented.length > 0)
    files.push({ path: `ImageSets/Segmentation/${VOC_SUBSET}.txt`, contents: `${segmented.join("\n")}\n` });
  if (input.images.some((img) => img.classes.length > 0))
    for (const l of input.labels) {
      const rows = input.images.map((img, i) => `${stems[i]} ${img.classes.includes(l.id) ? " 1" : "-1"}`);
      files.push({
        // Datumaro opens ImageSets/Main/<label name>_<subset>.txt by the name as written (spaces kept)
        path: `ImageSets/Main/${l.name.replace(/[\\/:*?"<>|\n]/g, "_")}_${VOC_SUBSET}.txt`,
        contents: `${rows.join("\n")}\n`,
      });
    }
  files.push({ path: "labelmap.txt", contents: labelmap(input.labels) });
  return files;
}
