import { describe, expect, it } from "vitest";
import { boxIoU, pointInPolygon, polygonArea, polygonBounds, signedPolygonArea } from "../../../shared/geometry";

describe("shared geometry: the one IoU, bounds and area every root uses", () => {
  it("box IoU is 1 for the same box, the overlap share otherwise, 0 apart or empty", () => {
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 10, h: 10 })).toBe(1);
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 0, w: 10, h: 10 })).toBeCloseTo(50 / 150, 12);
    expect(boxIoU({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 20, w: 5, h: 5 })).toBe(0);
    expect(boxIoU({ x: 3, y: 3, w: 0, h: 0 }, { x: 3, y: 3, w: 0, h: 0 })).toBe(0);
  });

  it("bounds cover every vertex; an empty list is an empty rectangle", () => {
    expect(polygonBounds([4, 9, -2, 3, 7, 1])).toEqual({ x: -2, y: 1, w: 9, h: 8 });
    expect(polygonBounds([])).toEqual({ x: 0, y: 0, w: 0, h: 0 });
  });

  it("area is the same either way round; the sign says which way", () => {
    const cw = [0, 0, 10, 0, 10, 5, 0, 5]; // clockwise on screen (y down)
    const ccw = [0, 0, 0, 5, 10, 5, 10, 0];
    expect(polygonArea(cw)).toBe(50);
    expect(polygonArea(ccw)).toBe(50);
    expect(Math.sign(signedPolygonArea(cw))).toBe(-Math.sign(signedPolygonArea(ccw)));
    // a concave U: 30×30 less the 10×20 notch
    const u = [0, 0, 30, 0, 30, 30, 20, 30, 20, 10, 10, 10, 10, 30, 0, 30];
    expect(polygonArea(u)).toBe(700);
    expect(pointInPolygon(u, 15, 20)).toBe(false);
    expect(pointInPolygon(u, 15, 5)).toBe(true);
  });
});
