import { describe, expect, it } from "vitest";
import type { Shape } from "../../../../shared/annotation";
import { encodeMask } from "../../../../shared/annotation";
import {
  answerAgreement,
  attributeAgreement,
  shapeAgreement,
  shapeSimilarity,
} from "../../../../lib/requester/scoring";
import { intersectionArea } from "../../../../lib/requester/scoring/polygon-overlap";

const poly = (points: number[]): Shape => ({ id: "p", kind: "polygon", label: "a", points });
const mask = (x: number, y: number, w: number, h: number, set: (i: number, j: number) => boolean): Shape => {
  const data = new Uint8Array(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) data[j * w + i] = set(i, j) ? 1 : 0;
  return { id: "m", kind: "mask", label: "a", x, y, w, h, counts: encodeMask({ w, h, data }) };
};
const skeleton = (points: number[], visibility: Array<0 | 1 | 2>): Shape => ({
  id: "k",
  kind: "keypoints",
  label: "a",
  points,
  visibility,
});

describe("consensus scores each kind by what it means", () => {
  it("polygons overlap exactly, concave ones too, in either orientation", () => {
    expect(shapeSimilarity(poly([0, 0, 10, 0, 10, 10, 0, 10]), poly([5, 5, 15, 5, 15, 15, 5, 15]))).toBeCloseTo(
      25 / 175,
      12,
    );
    // an L (three 10×10 cells) against the 10×20 strip over its right arm and missing corner: 100 shared of 300 + 200 − 100
    const L = [0, 0, 20, 0, 20, 10, 10, 10, 10, 20, 0, 20];
    expect(intersectionArea(L, [10, 0, 20, 0, 20, 20, 10, 20])).toBeCloseTo(100, 12);
    expect(intersectionArea([10, 20, 20, 20, 20, 0, 10, 0], L)).toBeCloseTo(100, 12);
    expect(shapeSimilarity(poly(L), poly([10, 0, 20, 0, 20, 20, 10, 20]))).toBeCloseTo(100 / 400, 12);
    // a U (area 500) listed from the inner corner of an arm: its fan has triangles of both signs
    const U = [20, 20, 20, 10, 10, 10, 10, 20, 0, 20, 0, 0, 30, 0, 30, 20];
    expect(intersectionArea([-5, -5, 40, -5, 40, 40, -5, 40], U)).toBeCloseTo(500, 9);
    expect(intersectionArea(U, U)).toBeCloseTo(500, 9);
    expect(shapeSimilarity(poly(U), poly([0, 0, 30, 0, 30, 20, 0, 20]))).toBeCloseTo(500 / 600, 9);
  });

  it("a rotated box against a box is the exact area of their octagon", () => {
    const turned: Shape = { id: "r", kind: "rotated-box", label: "a", cx: 5, cy: 5, w: 10, h: 10, angle: 45 };
    const box: Shape = { id: "b", kind: "box", label: "a", x: 0, y: 0, w: 10, h: 10 };
    const corner = 5 * Math.SQRT2 - 5; // each corner of the turned square sticks out by this much
    const inter = 100 - 4 * corner * corner;
    expect(shapeSimilarity(turned, box)).toBeCloseTo(inter / (200 - inter), 9);
    expect(shapeSimilarity(turned, { ...turned, angle: 135 })).toBeCloseTo(1, 9); // a square turned by 90° is itself
  });

  it("ellipses by the IoU of their 64-gon outlines: against their bounding box 8·sin(π/32); turned by 90° with radii swapped, themselves", () => {
    const e: Shape = { id: "e", kind: "ellipse", label: "a", cx: 10, cy: 10, rx: 5, ry: 3, angle: 0 };
    const box: Shape = { id: "b", kind: "box", label: "a", x: 5, y: 7, w: 10, h: 6 };
    // the 64-gon inscribed in the ellipse has area 32·sin(2π/64)·rx·ry, inside the 4·rx·ry box
    expect(shapeSimilarity(e, box)).toBeCloseTo(8 * Math.sin(Math.PI / 32), 9);
    expect(shapeSimilarity(e, { ...e, rx: 3, ry: 5, angle: 90 })).toBeCloseTo(1, 9);
    expect(shapeSimilarity(e, { ...e, angle: 90 })).toBeLessThan(0.6);
    // an ellipse against a mask of its own pixels is nearly 1 (pixel centres inside the outline)
    const disc = mask(0, 0, 20, 20, (i, j) => ((i + 0.5 - 10) / 5) ** 2 + ((j + 0.5 - 10) / 3) ** 2 <= 1);
    expect(shapeSimilarity(e, disc)).toBeGreaterThan(0.85);
  });

  it("masks by their pixels, not their crops", () => {
    const left = mask(0, 0, 8, 4, (i) => i < 4); // 16 pixels in a 32-pixel crop
    const right = mask(2, 0, 4, 4, () => true); // 16 pixels, 8 shared
    expect(shapeSimilarity(left, right)).toBeCloseTo(8 / 24, 12);
    // against a polygon: pixel centres inside the outline, against its area
    expect(shapeSimilarity(left, poly([0, 0, 4, 0, 4, 4, 0, 4]))).toBe(1);
  });

  it("skeletons by OKS: a joint off by d scores exp(−d²/2s²κ²); a joint one placed and the other left absent scores 0", () => {
    const a = skeleton([0, 0, 100, 0, 100, 100], [2, 2, 2]);
    expect(shapeSimilarity(a, a)).toBe(1);
    const moved = skeleton([0, 0, 100, 0, 100, 110], [2, 2, 2]);
    const s2 = (100 * 100 + 100 * 110) / 2;
    expect(shapeSimilarity(a, moved)).toBeCloseTo((2 + Math.exp(-100 / (2 * s2 * 0.01))) / 3, 12);
    expect(shapeSimilarity(a, skeleton([0, 0, 100, 0, 0, 0], [2, 2, 0]))).toBeCloseTo(2 / 3, 12);
    expect(shapeSimilarity(skeleton([0, 0, 0, 0, 9, 9], [0, 0, 1]), skeleton([0, 0, 0, 0, 9, 9], [0, 0, 2]))).toBe(1);
  });

  it("polylines by their mean distance, points by nearest pairs; paths never match areas", () => {
    const line: Shape = { id: "l", kind: "polyline", label: "a", points: [0, 0, 100, 0, 100, 100] };
    expect(shapeSimilarity(line, line)).toBe(1);
    const near: Shape = { ...line, points: [0, 2, 100, 2, 100, 100] };
    const far: Shape = { ...line, points: [0, 40, 60, 40, 60, 100] };
    expect(shapeSimilarity(line, near)).toBeGreaterThan(0.9);
    expect(shapeSimilarity(line, far)).toBeLessThan(0.5);
    const pts: Shape = { id: "t", kind: "points", label: "a", points: [0, 0, 50, 50] };
    expect(shapeSimilarity(pts, { ...pts, points: [50, 50, 0, 0] })).toBe(1);
    expect(shapeSimilarity(pts, { ...pts, points: [0, 0] })).toBeCloseTo(0.5, 12);
    expect(shapeSimilarity(line, poly([0, 0, 100, 0, 100, 100]))).toBe(0);
  });

  it("attributes weigh half of a matched pair: one of two attributes differing scores 0.75", () => {
    const a: Shape = {
      id: "b",
      kind: "box",
      label: "a",
      x: 0,
      y: 0,
      w: 10,
      h: 10,
      attributes: { occluded: true, colour: "red" },
    };
    const b: Shape = { ...a, attributes: { occluded: true, colour: "blue" } };
    expect(shapeAgreement([a], [b])).toBe(0.75);
    // per attribute: an attribute only one of them set counts as a disagreement
    expect(attributeAgreement(a, { ...a, attributes: { occluded: true } })).toBe(0.5);
    expect(attributeAgreement({ ...a, attributes: undefined }, { ...a, attributes: undefined })).toBe(1);
    // different labels never match, however alike the geometry
    expect(shapeAgreement([a], [{ ...a, label: "b" }])).toBe(0);
    expect(answerAgreement({ shapes: [a], classes: [] }, { shapes: [a], classes: [] })).toBe(1);
  });
});
