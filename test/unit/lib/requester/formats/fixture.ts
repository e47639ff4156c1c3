// One image with every kind, for the format round-trip tests.
import type { Label, Shape } from "../../../../../shared/annotation";
import { cropBits, decodeMask, encodeMask, maskBitsBounds } from "../../../../../shared/annotation";
import type { ExportInput } from "../../../../../lib/requester/exporters";

export const labels: Label[] = [
  {
    id: "car",
    name: "car",
    color: "#ff0000",
    attributes: [
      { id: "occluded", name: "occluded", type: "checkbox" },
      { id: "colour", name: "colour", type: "select", options: ["red", "blue"] },
      { id: "doors", name: "doors", type: "number", min: 0, max: 9 },
      { id: "note", name: "note", type: "text" },
    ],
  },
  {
    id: "person",
    name: "person",
    color: "#00ff00",
    skeleton: {
      joints: ["head", "hand", "foot"],
      edges: [
        [0, 1],
        [1, 2],
      ],
    },
  },
  { id: "road", name: "road sign", color: "#0000ff" },
];

// A 10×8 crop at (20, 12) holding a ring (a hole in the middle) and a separate dot.
const ring = new Uint8Array(80);
for (let y = 1; y < 6; y++) for (let x = 1; x < 6; x++) if (!(x === 3 && y === 3)) ring[y * 10 + x] = 1;
ring[7 * 10 + 9] = 1;

export const everyKind: Shape[] = [
  {
    id: "b",
    kind: "box",
    label: "car",
    x: 2,
    y: 3,
    w: 10,
    h: 6,
    attributes: { occluded: true, colour: "blue", doors: 4, note: 'a "quoted" <note> & more' },
  },
  { id: "p", kind: "polygon", label: "road", points: [40, 4, 50.5, 6.25, 44, 14] },
  { id: "l", kind: "polyline", label: "road", points: [1, 30, 10, 35.5, 20, 30] },
  { id: "t", kind: "points", label: "road", points: [5, 40, 7, 41] },
  { id: "k", kind: "keypoints", label: "person", points: [30, 30, 0, 0, 34.5, 44], visibility: [2, 0, 1] },
  { id: "m", kind: "mask", label: "road", x: 20, y: 12, w: 10, h: 8, counts: encodeMask({ w: 10, h: 8, data: ring }) },
  {
    id: "r",
    kind: "rotated-box",
    label: "car",
    cx: 50,
    cy: 30,
    w: 8,
    h: 4,
    angle: 30,
    attributes: { occluded: false, colour: "red" },
  },
  { id: "e", kind: "ellipse", label: "road", cx: 12, cy: 20, rx: 5, ry: 3, angle: 45 },
];

export function input(shapes: Shape[] = everyKind): ExportInput {
  return {
    title: "round trip",
    labels,
    images: [
      { index: 0, fileName: "a.png", width: 64, height: 48, shapes, classes: ["car"] },
      {
        index: 1,
        fileName: "a.jpg",
        width: 32,
        height: 16,
        shapes: [{ id: "z", kind: "box", label: "car", x: 1, y: 2, w: 3, h: 4 }],
        classes: [],
      },
    ],
  };
}

/** A shape as the tests compare it: no id or source, masks cut to their tight crop, numbers to 1e-9. */
export function comparable(s: Shape): unknown {
  const { id: _id, source: _source, ...rest } = s;
  let out: Record<string, unknown> = rest;
  if (s.kind === "mask") {
    const bits = decodeMask(s.counts, s.w, s.h);
    const b = maskBitsBounds(bits);
    if (b)
      out = {
        ...rest,
        x: s.x + b.x,
        y: s.y + b.y,
        w: b.w,
        h: b.h,
        counts: encodeMask(cropBits(bits, b.x, b.y, b.w, b.h)),
      };
  }
  return JSON.parse(JSON.stringify(out, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));
}
