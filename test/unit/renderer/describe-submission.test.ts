import { describe, expect, it } from "vitest";
import type { AnnotationDocument } from "../../../shared/annotation";
import { describeSubmission } from "../../../renderer/src/screens/labelling/describe-submission";

const labels = [
  { id: "dog", name: "Dog", color: "#ff0000" },
  { id: "cat", name: "Cat", color: "#00ff00" },
];
const doc = (over: Partial<AnnotationDocument>): AnnotationDocument => ({
  schema: 2,
  taskId: "t",
  labels,
  shapes: [],
  classes: [],
  timeSpentMs: 0,
  ...over,
});

describe("the submit announcement says what was submitted", () => {
  it("names a classification's class, not '0 shapes'", () => {
    expect(describeSubmission(doc({ classes: ["cat"] }))).toBe("class Cat");
    expect(describeSubmission(doc({ classes: ["cat", "dog"] }))).toBe("classes Cat, Dog");
  });
  it("counts shapes by kind", () => {
    const box = { id: "a", kind: "box" as const, label: "dog", x: 0, y: 0, w: 5, h: 5 };
    const polygon = { id: "c", kind: "polygon" as const, label: "cat", points: [0, 0, 5, 0, 5, 5] };
    expect(describeSubmission(doc({ shapes: [box, { ...box, id: "b" }, polygon] }))).toBe("2 boxes and 1 polygon");
    expect(describeSubmission(doc({ shapes: [polygon], classes: ["dog"] }))).toBe("1 polygon and class Dog");
    expect(describeSubmission(doc({}))).toBe("no shapes and no class");
  });
  it("names every kind in words, one and many", () => {
    const skeleton = { id: "k", kind: "keypoints" as const, label: "dog", points: [1, 1], visibility: [2 as const] };
    const dots = { id: "t", kind: "points" as const, label: "dog", points: [1, 1] };
    const turned = { id: "r", kind: "rotated-box" as const, label: "dog", cx: 5, cy: 5, w: 2, h: 2, angle: 3 };
    expect(
      describeSubmission(doc({ shapes: [skeleton, { ...skeleton, id: "k2" }, dots, turned, { ...turned, id: "r2" }] })),
    ).toBe("2 skeletons, 1 point set and 2 rotated boxes");
  });
});
