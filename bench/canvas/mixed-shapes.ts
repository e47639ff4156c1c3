// A deterministic mixed document for the canvas bench: every kind in equal shares on a jittered
// grid (boxes, polygons, polylines, points, 5-joint skeletons, masks as filled blobs, rotated
// boxes, ellipses), with a few attributes, on a size×size image.
import type { Label, Shape } from "../../shared/annotation";
import { SHAPE_KINDS, encodeMask } from "../../shared/annotation";
import { seededRandom } from "../../shared/random";
import type { LabelSchema } from "../../renderer/src/canvas/editor/label-schema";
import { LAB_CLASSES, LAB_LABELS } from "../../renderer/src/views/lab/procedural-scene";

const JOINTS = ["head", "left hand", "right hand", "left foot", "right foot"];

export const MIXED_LABELS: Label[] = LAB_LABELS.map((l) =>
  l.id === "person"
    ? {
        ...l,
        skeleton: {
          joints: JOINTS,
          edges: [
            [0, 1],
            [0, 2],
            [0, 3],
            [0, 4],
          ],
        },
      }
    : { ...l, attributes: [{ id: "occluded", name: "occluded", type: "checkbox" as const }] },
);

export const MIXED_SCHEMA: LabelSchema = {
  labels: MIXED_LABELS,
  classes: LAB_CLASSES,
  classification: "multi",
  tools: [...SHAPE_KINDS],
};

export function mixedShapes(count: number, size: number): Shape[] {
  const random = seededRandom(count * 17 + size);
  const columns = Math.ceil(Math.sqrt(count));
  const cell = size / columns;
  const shapes: Shape[] = [];
  const other = MIXED_LABELS.filter((l) => l.id !== "person");
  for (let i = 0; i < count; i++) {
    const kind = SHAPE_KINDS[i % SHAPE_KINDS.length] as Shape["kind"];
    const w = Math.max(4, Math.floor(cell * (0.3 + random() * 0.5)));
    const h = Math.max(4, Math.floor(cell * (0.3 + random() * 0.5)));
    const x = Math.floor((i % columns) * cell + random() * (cell - w));
    const y = Math.floor(Math.floor(i / columns) * cell + random() * (cell - h));
    const id = `mix-${i}`;
    const label = (other[i % other.length] as Label).id;
    const attributes = { occluded: i % 3 === 0 };
    switch (kind) {
      case "box":
        shapes.push({ id, kind, label, x, y, w, h, attributes });
        break;
      case "polygon":
        shapes.push({
          id,
          kind,
          label,
          attributes,
          points: [x + w / 2, y, x + w, y + h * 0.6, x + w * 0.7, y + h, x, y + h * 0.4],
        });
        break;
      case "polyline":
        shapes.push({
          id,
          kind,
          label,
          attributes,
          points: [x, y + h, x + w / 3, y, x + (2 * w) / 3, y + h, x + w, y],
        });
        break;
      case "points":
        shapes.push({ id, kind, label, attributes, points: [x, y, x + w, y + h, x + w / 2, y + h / 2] });
        break;
      case "keypoints":
        shapes.push({
          id,
          kind,
          label: "person",
          points: [x + w / 2, y, x, y + h / 2, x + w, y + h / 2, x + w / 4, y + h, x + (3 * w) / 4, y + h],
          visibility: [2, 2, 1, 2, i % 2 === 0 ? 2 : 0].map((v) => v as 0 | 1 | 2),
        });
        {
          const s = shapes[shapes.length - 1] as Extract<Shape, { kind: "keypoints" }>;
          if (s.visibility[4] === 0) s.points.splice(8, 2, 0, 0);
        }
        break;
      case "mask": {
        const data = new Uint8Array(w * h);
        for (let py = 0; py < h; py++)
          for (let px = 0; px < w; px++) {
            const dx = (px + 0.5) / w - 0.5,
              dy = (py + 0.5) / h - 0.5;
            data[py * w + px] = dx * dx + dy * dy < 0.2 ? 1 : 0;
          }
        shapes.push({ id, kind, label, attributes, x, y, w, h, counts: encodeMask({ w, h, data }) });
        break;
      }
      case "rotated-box":
        shapes.push({
          id,
          kind,
          label,
          attributes,
          cx: x + w / 2,
          cy: y + h / 2,
          w: w * 0.7,
          h: h * 0.5,
          angle: (i * 37) % 360,
        });
        break;
      case "ellipse":
        shapes.push({
          id,
          kind,
          label,
          attributes,
          cx: x + w / 2,
          cy: y + h / 2,
          rx: w / 2,
          ry: h / 3,
          angle: (i * 23) % 360,
        });
        break;
    }
  }
  return shapes;
}

/** The id of bigMask's shape. */
export const BIG_MASK_ID = "big-mask";

/**
 * A mask over the whole size×size image (a disc touching its edges, with a square hole in the
 * middle-left): the largest mask a stroke can paint into.
 */
export function bigMask(size: number): Shape {
  const data = new Uint8Array(size * size);
  const c = size / 2,
    r2 = (size / 2) * (size / 2);
  for (let y = 0; y < size; y++) {
    const dy = y + 0.5 - c;
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - c;
      const hole = x > size * 0.2 && x < size * 0.3 && y > size * 0.45 && y < size * 0.55;
      if (dx * dx + dy * dy <= r2 && !hole) data[y * size + x] = 1;
    }
  }
  return {
    id: BIG_MASK_ID,
    kind: "mask",
    label: (MIXED_LABELS.find((l) => l.id !== "person") as Label).id,
    x: 0,
    y: 0,
    w: size,
    h: size,
    counts: encodeMask({ w: size, h: size, data }),
  };
}
