import { describe, expect, it } from "vitest";
import {
  AnnotationDocument,
  ANNOTATION_SCHEMA_VERSION,
  encodeMask,
  migrateDocument,
} from "../../../../shared/annotation";

const person = {
  id: "person",
  name: "person",
  color: "#ff0000",
  skeleton: {
    joints: ["head", "left hand", "right hand"],
    edges: [
      [0, 1],
      [0, 2],
    ],
  },
  attributes: [
    { id: "occluded", name: "occluded", type: "checkbox" },
    { id: "colour", name: "colour", type: "select", options: ["red", "blue"] },
    { id: "age", name: "age", type: "number", min: 0, max: 120 },
    { id: "note", name: "note", type: "text" },
  ],
};

const every = [
  {
    id: "b",
    kind: "box",
    label: "person",
    x: 1,
    y: 2,
    w: 3,
    h: 4,
    attributes: { occluded: true, colour: "red", age: 30, note: "tall" },
  },
  { id: "p", kind: "polygon", label: "person", points: [0, 0, 10, 0, 10, 10] },
  { id: "l", kind: "polyline", label: "person", points: [0, 0, 10, 10] },
  { id: "pt", kind: "points", label: "person", points: [5, 5] },
  { id: "k", kind: "keypoints", label: "person", points: [5, 5, 0, 0, 9, 9], visibility: [2, 0, 1] },
  {
    id: "m",
    kind: "mask",
    label: "person",
    x: 4,
    y: 4,
    w: 2,
    h: 2,
    counts: encodeMask({ w: 2, h: 2, data: new Uint8Array([1, 0, 1, 1]) }),
  },
  { id: "r", kind: "rotated-box", label: "person", cx: 50, cy: 50, w: 20, h: 10, angle: 30 },
  { id: "e", kind: "ellipse", label: "person", cx: 50, cy: 50, rx: 20, ry: 10, angle: 359.5 },
];

const doc = (shapes: unknown[], schema = ANNOTATION_SCHEMA_VERSION) => ({
  schema,
  taskId: "t",
  labels: [person],
  shapes,
  classes: [],
  timeSpentMs: 0,
});

describe("annotation document, version 2", () => {
  it("holds every kind of shape with attributes", () => {
    const parsed = AnnotationDocument.parse(doc(every));
    expect(parsed.shapes.map((s) => s.kind)).toEqual([
      "box",
      "polygon",
      "polyline",
      "points",
      "keypoints",
      "mask",
      "rotated-box",
      "ellipse",
    ]);
  });

  it("migrates a version-1 document (boxes and polygons) by renumbering it", () => {
    const v1 = doc(every.slice(0, 2), 1);
    const migrated = migrateDocument(v1);
    expect(migrated.schema).toBe(2);
    expect(migrated.shapes).toEqual(v1.shapes);
  });

  it("refuses an unknown version", () => {
    expect(AnnotationDocument.safeParse(doc([], 3 as 2)).success).toBe(false);
  });

  const refused: Array<[string, unknown]> = [
    [
      "keypoints that do not match the skeleton",
      { id: "k", kind: "keypoints", label: "person", points: [1, 1], visibility: [2] },
    ],
    [
      "a visibility flag other than 0, 1, 2",
      { id: "k", kind: "keypoints", label: "person", points: [1, 1, 2, 2, 3, 3], visibility: [2, 3, 2] },
    ],
    [
      "a mask whose runs do not cover its crop",
      { id: "m", kind: "mask", label: "person", x: 0, y: 0, w: 3, h: 3, counts: "532" },
    ],
    ["an empty mask", { id: "m", kind: "mask", label: "person", x: 0, y: 0, w: 2, h: 2, counts: "4" }],
    [
      "a mask at a fractional position",
      { id: "m", kind: "mask", label: "person", x: 0.5, y: 0, w: 1, h: 1, counts: "01" },
    ],
    ["an angle of 360", { id: "r", kind: "rotated-box", label: "person", cx: 1, cy: 1, w: 1, h: 1, angle: 360 }],
    ["a one-vertex polyline", { id: "l", kind: "polyline", label: "person", points: [1, 1] }],
    [
      "a one-of value not in the list",
      { id: "b", kind: "box", label: "person", x: 0, y: 0, w: 1, h: 1, attributes: { colour: "green" } },
    ],
    [
      "a number out of range",
      { id: "b", kind: "box", label: "person", x: 0, y: 0, w: 1, h: 1, attributes: { age: 200 } },
    ],
    [
      "an attribute the label does not define",
      { id: "b", kind: "box", label: "person", x: 0, y: 0, w: 1, h: 1, attributes: { size: 1 } },
    ],
  ];
  it.each(refused)("refuses %s", (_why, shape) => {
    expect(AnnotationDocument.safeParse(doc([shape])).success).toBe(false);
  });

  it("refuses a label drawn as a kind the campaign does not allow for it", () => {
    const boxesOnly = { ...person, kinds: ["box"] };
    expect(AnnotationDocument.safeParse({ ...doc([every[1]]), labels: [boxesOnly] }).success).toBe(false);
  });
});
