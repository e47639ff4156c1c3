import { describe, expect, it } from "vitest";
import {
  countsToString,
  decodeMask,
  encodeCounts,
  encodeMask,
  maskArea,
  stringToCounts,
} from "../../../../shared/annotation";

describe("mask RLE (COCO-compatible)", () => {
  it("reads pixels column-major, starting with a run of zeros", () => {
    // 3 wide, 2 high; set (1,0) and (1,1): column 0 = 0,0; column 1 = 1,1; column 2 = 0,0
    const data = new Uint8Array([0, 1, 0, 0, 1, 0]);
    expect(encodeCounts({ w: 3, h: 2, data })).toEqual([2, 2, 2]);
    // a mask starting with a set pixel begins with an empty run of zeros
    expect(encodeCounts({ w: 1, h: 2, data: new Uint8Array([1, 0]) })).toEqual([0, 1, 1]);
  });

  it("packs runs as pycocotools' rleToString does, deltas from the fourth run on", () => {
    expect(countsToString([5, 3, 2])).toBe("532");
    expect(countsToString([1, 40])).toBe("1X1");
    // the fourth run is stored as 3 - 10 = -7
    expect(countsToString([0, 10, 0, 3])).toBe("0:0I");
    for (const counts of [[5, 3, 2], [1, 40], [0, 10, 0, 3], [67_108_864], [0, 33_554_432, 33_554_432]])
      expect(stringToCounts(countsToString(counts))).toEqual(counts);
  });

  it("round-trips random masks and counts their area", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 20; n++) {
      const w = 1 + Math.floor(rand() * 40),
        h = 1 + Math.floor(rand() * 40);
      const data = new Uint8Array(w * h).map(() => (rand() < 0.4 ? 1 : 0));
      const s = encodeMask({ w, h, data });
      expect(decodeMask(s, w, h).data).toEqual(data);
      expect(maskArea(s)).toBe(data.reduce((a, b) => a + b, 0));
    }
  });

  it("refuses runs that do not cover the mask and strings that are not RLE", () => {
    expect(() => decodeMask("532", 3, 4)).toThrow(/not 12/);
    expect(() => stringToCounts("~")).toThrow(/not COCO/);
  });
});
