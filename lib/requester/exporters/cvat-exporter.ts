// CVAT for images 1.1 (annotations.xml): every kind has a CVAT element, so nothing is lost —
// box (a rotated box is CVAT's box with rotation, its corners given unturned about the centre),
// polygon, polyline, points, ellipse, mask (CVAT's RLE: alternating run lengths over the
// left/top/width/height crop, row by row, starting with unset pixels) and skeleton (one
// <points> per joint; an absent joint is outside="1", an occluded one occluded="1"). Image
// classes are <tag>s. Attributes are <attribute name="…">, and the <meta> declares each label's
// attributes, kind and skeleton (sub-labels with <parent>, edges in <svg> as CVAT writes them).
import type { Label, Shape } from "../../../shared/annotation";
import { decodeMask } from "../../../shared/annotation";
import { attributeEntries } from "./attribute-text";
import {
  num,
  uniqueFileNames,
  xmlEscape as esc,
  type ExportFile,
  type ExportInput,
  type ImageTarget,
} from "./export-model";

const INPUT_TYPE = { checkbox: "checkbox", select: "select", number: "number", text: "text" } as const;

function labelMeta(l: Label): string {
  const attrs = (l.attributes ?? [])
    .map((a) => {
      const values =
        a.type === "select"
          ? a.options.join("\n")
          : a.type === "number"
            ? [a.min ?? 0, a.max ?? 1e9, a.step ?? 1].join("\n")
            : a.type === "checkbox"
              ? String(a.default ?? false)
              : "";
      const def = a.default !== undefined ? String(a.default) : a.type === "select" ? (a.options[0] ?? "") : "";
      return `<attribute><name>${esc(a.name)}</name><mutable>False</mutable><input_type>${INPUT_TYPE[a.type]}</input_type><default_value>${esc(def)}</default_value><values>${esc(values)}</values></attribute>`;
    })
    .join("");
  const type = l.skeleton
    ? "skeleton"
    : l.kinds?.length === 1
      ? l.kinds[0] === "rotated-box"
        ? "rectangle"
        : l.kinds[0]
      : "any";
  const svg = l.skeleton
    ? `<svg>${esc(
        [
          ...l.skeleton.edges.map(
            ([a, b]) => `<line data-type="edge" data-node-from="${a + 1}" data-node-to="${b + 1}"></line>`,
          ),
          ...l.skeleton.joints.map(
            (j, i) =>
              `<circle data-type="element node" data-element-id="${i + 1}" data-node-id="${i + 1}" data-label-name="${esc(j)}"></circle>`,
          ),
        ].join(""),
      )}</svg>`
    : "";
  const own = `<label><name>${esc(l.name)}</name><color>${l.color}</color><type>${type === "box" ? "rectangle" : type}</type><attributes>${attrs}</attributes>${svg}</label>`;
  const joints = (l.skeleton?.joints ?? []).map(
    (j) =>
      `<label><name>${esc(j)}</name><color>${l.color}</color><type>points</type><attributes></attributes><parent>${esc(l.name)}</parent></label>`,
  );
  return [own, ...joints].join("\n      ");
}

function pts(flat: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push(`${num(flat[i] as number)},${num(flat[i + 1] as number)}`);
  return out.join(";");
}

/** Row-major runs over the crop, starting with unset pixels (CVAT's mask rle). */
function cvatRle(s: Extract<Shape, { kind: "mask" }>): string {
  const bits = decodeMask(s.counts, s.w, s.h).data;
  const runs: number[] = [];
  let current = 0,
    run = 0;
  for (let i = 0; i < bits.length; i++) {
    if ((bits[i] as number) !== current) {
      runs.push(run);
      run = 0;
      current = bits[i] as number;
    }
    run++;
  }
  runs.push(run);
  return runs.join(", ");
}

function element(s: Shape, label: Label | undefined, z: number): string {
  const name = esc(label?.name ?? s.label);
  const attrs = attributeEntries(label, s)
    .map(([k, v]) => `<attribute name="${esc(k)}">${esc(v)}</attribute>`)
    .join("");
  const common = `label="${name}" source="${s.source?.kind === "model" ? "auto" : "manual"}" occluded="${s.attributes?.occluded === true ? 1 : 0}" z_order="${z}"`;
  const close = (tag: string, extra: string) => `<${tag} ${common} ${extra}>${attrs}</${tag}>`;
  switch (s.kind) {
    case "box":
      return close("box", `xtl="${num(s.x)}" ytl="${num(s.y)}" xbr="${num(s.x + s.w)}" ybr="${num(s.y + s.h)}"`);
    case "rotated-box":
      return close(
        "box",
        `xtl="${num(s.cx - s.w / 2)}" ytl="${num(s.cy - s.h / 2)}" xbr="${num(s.cx + s.w / 2)}" ybr="${num(s.cy + s.h / 2)}" rotation="${num(s.angle)}"`,
      );
    case "polygon":
    case "polyline":
    case "points":
      return close(s.kind, `points="${pts(s.points)}"`);
    case "ellipse":
      return close(
        "ellipse",
        `cx="${num(s.cx)}" cy="${num(s.cy)}" rx="${num(s.rx)}" ry="${num(s.ry)}"${s.angle !== 0 ? ` rotation="${num(s.angle)}"` : ""}`,
      );
    case "mask":
      return close("mask", `rle="${cvatRle(s)}" left="${s.x}" top="${s.y}" width="${s.w}" height="${s.h}"`);
    case "keypoints": {
      const joints = label?.skeleton?.joints ?? s.visibility.map((_, i) => String(i + 1));
      const nodes = s.visibility.map(
        (v, i) =>
          `<points label="${esc(joints[i] ?? String(i + 1))}" source="manual" outside="${v === 0 ? 1 : 0}" occluded="${v === 1 ? 1 : 0}" points="${pts([s.points[2 * i] ?? 0, s.points[2 * i + 1] ?? 0])}" z_order="${z}"></points>`,
      );
      return `<skeleton label="${name}" source="manual" z_order="${z}">${nodes.join("")}${attrs}</skeleton>`;
    }
  }
}

/** Images sit in images/ beside annotations.xml under their <image name>, as CVAT's own export has them. */
export function cvatImageTargets(input: ExportInput): ImageTarget[] {
  return uniqueFileNames(input.images).map((name, image) => ({ path: `images/${name}`, image }));
}

export function exportCvat(input: ExportInput): ExportFile[] {
  const labels = new Map(input.labels.map((l) => [l.id, l]));
  const names = uniqueFileNames(input.images);
  const images = input.images.map((img, i) => {
    const shapes = img.shapes.map((s, z) => `    ${element(s, labels.get(s.label), z)}`);
    const tags = img.classes.map((c) => `    <tag label="${esc(labels.get(c)?.name ?? c)}" source="manual"></tag>`);
    return `  <image id="${i}" name="${esc(names[i] as string)}" width="${img.width}" height="${img.height}">\n${[...shapes, ...tags].join("\n")}\n  </image>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <name>${esc(input.title)}</name>
      <size>${input.images.length}</size>
      <mode>annotation</mode>
      <labels>
      ${input.labels.map(labelMeta).join("\n      ")}
      </labels>
    </task>
  </meta>
${images.join("\n")}
</annotations>
`;
  return [{ path: "annotations.xml", contents: xml }];
}
