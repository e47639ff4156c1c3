import { describe, expect, it } from "vitest";
import { AnnotationDocument, emptyDocument } from "../../../../shared/annotation";
import type { Label } from "../../../../shared/annotation";
import { detectionsToShapes, labelFor } from "../../../../lib/first-guess/label-mapping";

const labels: Label[] = [
  { id: "ppl", name: "Person", color: "#ff0000" },
  { id: "veh", name: "vehicle", color: "#00ff00" },
];
const classes = ["person", "car", "truck", "cat"];

describe("class → label mapping", () => {
  it("maps by name when the campaign gives no mapping", () => {
    expect(labelFor("person", labels)).toBe("ppl");
    expect(labelFor("car", labels)).toBeNull();
  });

  it("follows an explicit mapping and drops what it leaves out or points nowhere", () => {
    const mapping = { car: "veh", truck: "veh", cat: "missing-label" };
    expect(labelFor("car", labels, mapping)).toBe("veh");
    expect(labelFor("person", labels, mapping)).toBeNull();
    expect(labelFor("cat", labels, mapping)).toBeNull();
    expect(labelFor("constructor", labels, mapping)).toBeNull();
  });

  it("produces valid document shapes that record the model and its score", () => {
    const detections = [
      { x: 1.234, y: 2, w: 30, h: 40, classIndex: 1, score: 0.87654 },
      { x: 5, y: 5, w: 5, h: 5, classIndex: 3, score: 0.9 },
      { x: 0, y: 0, w: 9, h: 9, classIndex: 2, score: 0.5 },
    ];
    const shapes = detectionsToShapes(detections, {
      classes,
      labels,
      mapping: { car: "veh", truck: "veh" },
      model: "m@1",
    });
    expect(shapes).toEqual([
      {
        id: "fg-1",
        kind: "box",
        label: "veh",
        x: 1.2,
        y: 2,
        w: 30,
        h: 40,
        source: { kind: "model", model: "m@1", score: 0.877 },
      },
      {
        id: "fg-2",
        kind: "box",
        label: "veh",
        x: 0,
        y: 0,
        w: 9,
        h: 9,
        source: { kind: "model", model: "m@1", score: 0.5 },
      },
    ]);
    const doc = { ...emptyDocument("t1", labels), shapes };
    expect(AnnotationDocument.safeParse(doc).success).toBe(true);
  });
});
