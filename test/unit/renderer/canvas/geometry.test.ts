import { describe, expect, it } from "vitest";
import {
  MIN_BOX_SIZE,
  handlePosition,
  resizeBox,
  resizeBoxBy,
  translateBox,
} from "../../../../renderer/src/canvas/geometry/box-geometry";
import { boxIoU } from "../../../../shared/geometry";
import {
  insertVertex,
  moveVertex,
  nearestEdge,
  nearestVertex,
  pointInPolygon,
  polygonArea,
  removeVertex,
  translatePolygon,
} from "../../../../renderer/src/canvas/geometry/polygon-geometry";
import { clampRectInside, intersectRect, rectFromCorners } from "../../../../renderer/src/canvas/geometry/rect";
import { hitShape } from "../../../../renderer/src/canvas/geometry/shape-geometry";
import { fitViewport, toImage, toScreen, zoomAt } from "../../../../renderer/src/canvas/geometry/viewport";

const image = { width: 100, height: 80 };
const square = [10, 10, 30, 10, 30, 30, 10, 30];

describe("hit testing", () => {
  it("finds points inside a polygon, including concave ones, and rejects the notch", () => {
    const u = [0, 0, 30, 0, 30, 30, 20, 30, 20, 10, 10, 10, 10, 30, 0, 30];
    expect(pointInPolygon(u, 5, 20)).toBe(true);
    expect(pointInPolygon(u, 15, 20)).toBe(false);
    expect(pointInPolygon(u, 25, 5)).toBe(true);
    expect(pointInPolygon(u, 31, 5)).toBe(false);
  });

  it("hits a shape's outline within the tolerance, not beyond it", () => {
    const polygon = { id: "p", kind: "polygon" as const, label: "a", points: square };
    expect(hitShape(polygon, { x: 32, y: 20 }, 3)).toBe(true);
    expect(hitShape(polygon, { x: 34, y: 20 }, 3)).toBe(false);
    const box = { id: "b", kind: "box" as const, label: "a", x: 10, y: 10, w: 5, h: 5 };
    expect(hitShape(box, { x: 12, y: 12 }, 0)).toBe(true);
    expect(hitShape(box, { x: 16, y: 12 }, 0.5)).toBe(false);
  });

  it("finds the nearest vertex within tolerance and the nearest edge with its projection", () => {
    expect(nearestVertex(square, { x: 29, y: 11 }, 2)).toBe(1);
    expect(nearestVertex(square, { x: 20, y: 20 }, 2)).toBe(-1);
    const edge = nearestEdge(square, { x: 20, y: 8 });
    expect(edge?.edge).toBe(0);
    expect(edge?.at).toEqual({ x: 20, y: 10 });
    expect(edge?.distance).toBe(2);
    // the closing edge (last vertex back to the first)
    expect(nearestEdge(square, { x: 8, y: 20 })?.edge).toBe(3);
  });
});

describe("vertex editing", () => {
  it("inserts a vertex between the edge's ends and keeps the rest in order", () => {
    expect(insertVertex(square, 0, { x: 20, y: 10 })).toEqual([10, 10, 20, 10, 30, 10, 30, 30, 10, 30]);
    expect(insertVertex(square, 3, { x: 10, y: 20 })).toEqual([...square, 10, 20]);
  });

  it("removes a vertex but never below three", () => {
    expect(removeVertex(square, 1)).toEqual([10, 10, 30, 30, 10, 30]);
    expect(removeVertex([0, 0, 1, 0, 0, 1], 0)).toEqual([0, 0, 1, 0, 0, 1]);
  });

  it("clamps a dragged vertex and a moved polygon to the image", () => {
    expect(moveVertex(square, 0, { x: -5, y: 200 }, image).slice(0, 2)).toEqual([0, 80]);
    const moved = translatePolygon(square, 500, -500, image);
    expect(Math.max(...moved.filter((_, i) => i % 2 === 0))).toBe(100);
    expect(Math.min(...moved.filter((_, i) => i % 2 === 1))).toBe(0);
    expect(polygonArea(moved)).toBe(polygonArea(square));
  });
});

describe("boxes", () => {
  it("normalises corners in any order", () => {
    expect(rectFromCorners({ x: 30, y: 5 }, { x: 10, y: 25 })).toEqual({ x: 10, y: 5, w: 20, h: 20 });
  });

  it("clamps inside the image by sliding, and cuts by intersecting", () => {
    expect(clampRectInside({ x: 95, y: -3, w: 10, h: 10 }, image)).toEqual({ x: 90, y: 0, w: 10, h: 10 });
    expect(intersectRect({ x: 95, y: -3, w: 10, h: 10 }, image)).toEqual({ x: 95, y: 0, w: 5, h: 7 });
    expect(translateBox({ x: 10, y: 10, w: 20, h: 20 }, -50, 100, image)).toEqual({ x: 0, y: 60, w: 20, h: 20 });
  });

  it("resizes by each handle, stops at the minimum size and at the image border", () => {
    const box = { x: 10, y: 10, w: 20, h: 20 };
    expect(handlePosition(box, "se")).toEqual({ x: 30, y: 30 });
    expect(handlePosition(box, "n")).toEqual({ x: 20, y: 10 });
    expect(resizeBox(box, "se", { x: 40, y: 35 }, image)).toEqual({ x: 10, y: 10, w: 30, h: 25 });
    expect(resizeBox(box, "w", { x: 50, y: 0 }, image)).toEqual({
      x: 30 - MIN_BOX_SIZE,
      y: 10,
      w: MIN_BOX_SIZE,
      h: 20,
    });
    expect(resizeBox(box, "nw", { x: -10, y: -10 }, image)).toEqual({ x: 0, y: 0, w: 30, h: 30 });
    expect(resizeBox(box, "e", { x: 500, y: 20 }, image)).toEqual({ x: 10, y: 10, w: 90, h: 20 });
    expect(resizeBoxBy(box, -100, 5, image)).toEqual({ x: 10, y: 10, w: MIN_BOX_SIZE, h: 25 });
    expect(resizeBoxBy(box, 500, 0, image).w).toBe(90);
  });

  it("computes IoU", () => {
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 10, h: 10 })).toBe(1);
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 0, w: 10, h: 10 })).toBeCloseTo(50 / 150);
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 20, w: 5, h: 5 })).toBe(0);
  });
});

describe("viewport", () => {
  it("round-trips image and screen coordinates and zooms about the anchor", () => {
    const vp = fitViewport({ width: 8192, height: 8192 }, { width: 1000, height: 800 });
    const p = { x: 1234, y: 4321 };
    const s = toScreen(vp, p);
    expect(toImage(vp, s).x).toBeCloseTo(p.x);
    const zoomed = zoomAt(vp, s, 3);
    expect(zoomed.scale).toBeCloseTo(vp.scale * 3);
    expect(toImage(zoomed, s).x).toBeCloseTo(p.x);
    expect(toImage(zoomed, s).y).toBeCloseTo(p.y);
  });
});
