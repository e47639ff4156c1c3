import { describe, expect, it } from "vitest";
import { decodeMask, encodeMask } from "../../../../shared/annotation";
import { traceOuterContour } from "../../../../shared/annotation/mask-contour";
import { EdgeCost } from "../../../../renderer/src/assist/live-wire";
import { magicWand } from "../../../../renderer/src/assist/magic-wand";
import { fillHoles, maskIoU, rasterizePolygon } from "../../../../renderer/src/assist/mask-ops";
import { simplifyPath, simplifyPolygon } from "../../../../renderer/src/assist/simplify";
import { wandScene as scene } from "../../../support/wand-scene";

function full(
  region: { x: number; y: number; w: number; h: number; data: Uint8Array },
  w: number,
  h: number,
): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < region.h; y++)
    for (let x = 0; x < region.w; x++) if (region.data[y * region.w + x]) out[(region.y + y) * w + region.x + x] = 1;
  return out;
}

describe("assisted drawing algorithms", () => {
  it("the magic wand selects the ellipse of the test image with IoU ≥ 0.95 against its true mask", () => {
    const { pixels, truth, w, h } = scene();
    const region = magicWand(pixels, 100, 95, 40);
    expect(region).not.toBeNull();
    const iou = maskIoU({ w, h, data: full(region!, w, h) }, { w, h, data: truth });
    expect(iou).toBeGreaterThanOrEqual(0.95);
    // and not by luck of a huge tolerance: the wand with no tolerance takes a speck only
    const speck = magicWand(pixels, 100, 95, 0);
    expect(speck!.data.reduce((a, b) => a + b, 0)).toBeLessThan(50);
  });

  it("wand → polygon (traced, simplified) → mask keeps IoU ≥ 0.95", () => {
    const { pixels, truth, w, h } = scene();
    const region = magicWand(pixels, 100, 95, 40)!;
    const ring = traceOuterContour(fillHoles(region)).map((v, i) => v + (i % 2 === 0 ? region.x : region.y));
    const simple = simplifyPolygon(ring, 1);
    expect(simple.length / 2).toBeLessThan(ring.length / 2 / 4);
    const back = rasterizePolygon(simple, 0, 0, w, h);
    expect(maskIoU(back, { w, h, data: truth })).toBeGreaterThanOrEqual(0.95);
  });

  it("contours on pixel corners rasterise back to the same mask, and survive RLE", () => {
    const data = new Uint8Array([0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0]);
    const bits = { w: 4, h: 3, data };
    const ring = traceOuterContour(bits);
    expect(rasterizePolygon(ring, 0, 0, 4, 3).data).toEqual(data);
    expect(decodeMask(encodeMask(bits), 4, 3).data).toEqual(data);
  });

  it("fills holes but leaves bays open to the border", () => {
    const ring = [
      [1, 1, 1, 1, 1],
      [1, 0, 0, 1, 0],
      [1, 1, 1, 1, 0],
    ].flat();
    const filled = fillHoles({ w: 5, h: 3, data: new Uint8Array(ring) });
    expect([...filled.data]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
  });

  it("Douglas–Peucker drops vertices within the tolerance and keeps the corners", () => {
    const line = [0, 0, 1, 0.2, 2, -0.1, 3, 0, 4, 5];
    expect(simplifyPath(line, 0.5)).toEqual([0, 0, 3, 0, 4, 5]);
    const square = [0, 0, 5, 0.1, 10, 0, 10, 10, 5, 10.2, 0, 10];
    expect(simplifyPolygon(square, 0.5)).toEqual([0, 0, 10, 0, 10, 10, 0, 10]);
  });

  it("intelligent scissors follow the ellipse rim between two clicks on it", () => {
    const { pixels } = scene();
    const cost = new EdgeCost(pixels);
    // two points on the rim, a quarter of the ellipse apart (away from the dark blob, whose stronger edge would win); the chord cuts inside
    const path = cost.path(190, 90, 120, 135);
    const rim: Array<[number, number]> = [];
    for (let k = 0; k < 2000; k++)
      rim.push([120 + 70 * Math.cos((k * Math.PI) / 1000), 90 + 45 * Math.sin((k * Math.PI) / 1000)]);
    const off = (x: number, y: number) => Math.min(...rim.map(([rx, ry]) => Math.hypot(x - rx, y - ry)));
    let worst = 0;
    for (let i = 0; i < path.length; i += 2) worst = Math.max(worst, off(path[i] as number, path[i + 1] as number));
    expect(worst).toBeLessThan(2);
    // the straight chord between the same clicks strays far from the rim
    expect(off(155, 112.5)).toBeGreaterThan(10);
    expect(path.slice(0, 2)).toEqual([190.5, 90.5]);
    expect(path.slice(-2)).toEqual([120.5, 135.5]);
  });
});
