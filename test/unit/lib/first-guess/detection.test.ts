import { describe, expect, it } from "vitest";
import { decodeDetections, suppress } from "../../../../lib/first-guess/detection";
import { boxIoU } from "../../../../shared/geometry";

const base = {
  inputSize: 100,
  width: 200,
  height: 50,
  classCount: 3,
  minScore: 0.3,
  iouThreshold: 0.5,
  maxDetections: 10,
};

describe("detection decoding", () => {
  it("scales input coordinates to the image and clamps them to it", () => {
    const [d] = decodeDetections([10, 20, 50, 120, 0.9, 1], base);
    expect(d).toEqual({ x: 20, y: 10, w: 80, h: 40, classIndex: 1, score: 0.9 });
  });

  it("drops low scores, unknown classes, NaN classes and empty boxes", () => {
    const rows = [
      0,
      0,
      10,
      10,
      0.2,
      0,
      0,
      0,
      10,
      10,
      0.9,
      7,
      0,
      0,
      10,
      10,
      0.9,
      Number.NaN,
      5,
      5,
      5,
      5,
      0.9,
      0,
      0,
      0,
      10,
      10,
      0.5,
      2.5,
    ];
    expect(decodeDetections(rows, base)).toEqual([]);
  });

  it("keeps one box per object, whatever class the duplicate claims", () => {
    const rows = [0, 0, 50, 50, 0.6, 0, 1, 1, 50, 50, 0.4, 2, 60, 60, 90, 90, 0.5, 2];
    const kept = decodeDetections(rows, { ...base, width: 100, height: 100 });
    expect(kept.map((d) => [d.classIndex, d.score])).toEqual([
      [0, 0.6],
      [2, 0.5],
    ]);
  });

  it("caps the number of detections, best first", () => {
    const boxes = Array.from({ length: 5 }, (_, i) => ({
      x: i * 20,
      y: 0,
      w: 10,
      h: 10,
      classIndex: 0,
      score: i / 10,
    }));
    expect(suppress(boxes, 0.5, 2).map((d) => d.score)).toEqual([0.4, 0.3]);
  });

  it("computes IoU", () => {
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 0, w: 10, h: 10 })).toBeCloseTo(50 / 150);
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 20, w: 1, h: 1 })).toBe(0);
  });
});
