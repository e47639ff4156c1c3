import { describe, expect, it } from "vitest";
import type { Label, Shape } from "../../../../shared/annotation";
import { decodeMask, encodeMask, stringToCounts } from "../../../../shared/annotation";
import { exportCoco } from "../../../../lib/requester/exporters/coco-exporter";

const person: Label = {
  id: "person",
  name: "person",
  color: "#ff0000",
  skeleton: { joints: ["head", "hand"], edges: [[0, 1]] },
  attributes: [{ id: "occluded", name: "occluded", type: "checkbox" }],
};
const road: Label = { id: "road", name: "road", color: "#00ff00" };

describe("COCO export of every kind", () => {
  it("writes masks as whole-image COCO RLE, skeletons as COCO keypoints, turned shapes as polygons, and attributes", () => {
    // a 2×3 crop at (3, 1) on a 6×5 image: set pixels (3,1), (4,2), (3,3)
    const crop = new Uint8Array([1, 0, 0, 1, 1, 0]);
    const shapes: Shape[] = [
      { id: "m", kind: "mask", label: "road", x: 3, y: 1, w: 2, h: 3, counts: encodeMask({ w: 2, h: 3, data: crop }) },
      {
        id: "k",
        kind: "keypoints",
        label: "person",
        points: [1, 2, 0, 0],
        visibility: [2, 0],
        attributes: { occluded: true },
      },
      { id: "r", kind: "rotated-box", label: "road", cx: 3, cy: 2.5, w: 2, h: 1, angle: 90 },
      { id: "l", kind: "polyline", label: "road", points: [0, 0, 5, 4] },
    ];
    const [file] = exportCoco({
      title: "t",
      labels: [person, road],
      images: [{ index: 0, fileName: "a.png", width: 6, height: 5, shapes, classes: [] }],
    });
    const coco = JSON.parse(String(file!.contents)) as {
      annotations: Array<{
        segmentation: unknown;
        area: number;
        bbox: number[];
        keypoints?: number[];
        num_keypoints?: number;
        attributes?: Record<string, unknown>;
        amplify?: Record<string, unknown>;
      }>;
      categories: Array<{ keypoints?: string[]; skeleton?: number[][] }>;
    };
    const [mask, skeleton, turned, line] = coco.annotations;
    const rle = mask!.segmentation as { size: number[]; counts: string };
    expect(rle.size).toEqual([5, 6]);
    const full = decodeMask(rle.counts, 6, 5).data;
    const set = [...full.keys()].filter((i) => full[i]).map((i) => [i % 6, Math.floor(i / 6)]);
    expect(set).toEqual([
      [3, 1],
      [4, 2],
      [3, 3],
    ]);
    // column-major runs over the image: 3 empty columns (15) + 1, then …
    expect(stringToCounts(rle.counts).slice(0, 2)).toEqual([16, 1]);
    expect(mask!.area).toBe(3);
    expect(skeleton).toMatchObject({ keypoints: [1, 2, 2, 0, 0, 0], num_keypoints: 1, attributes: { occluded: true } });
    expect(coco.categories[0]).toMatchObject({ keypoints: ["head", "hand"], skeleton: [[1, 2]] });
    const poly = (turned!.segmentation as number[][])[0]!.map((v) => Math.round(v * 1e6) / 1e6);
    expect(poly).toEqual([3.5, 1.5, 3.5, 3.5, 2.5, 3.5, 2.5, 1.5]);
    expect(turned!.attributes).toEqual({ rotation: 90 });
    expect(line).toMatchObject({ amplify: { kind: "polyline", points: [0, 0, 5, 4] } });
    expect(line!.attributes).toBeUndefined();
  });
});
