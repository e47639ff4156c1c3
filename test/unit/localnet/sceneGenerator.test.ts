import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateScene, SCENE_LABELS } from "../../../localnet/demo/sceneGenerator";
import { sniffImage } from "../../../lib/requester";

describe("scene generator", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = generateScene(42);
    const b = generateScene(42);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(a.boxes).toEqual(b.boxes);
    expect(Buffer.from(generateScene(43).png).equals(Buffer.from(a.png))).toBe(false);
  });

  it("writes a valid PNG whose pixels carry the drawn shapes", () => {
    const s = generateScene(7, { width: 200, height: 150 });
    expect(sniffImage(s.png)).toEqual({ type: "png", width: 200, height: 150 });
    const idat = Buffer.from(s.png).subarray(33 + 8, s.png.length - 12);
    const raw = zlib.inflateSync(idat);
    expect(raw.length).toBe((200 * 3 + 1) * 150);
    const box = s.boxes[0];
    if (!box) throw new Error("no object");
    const cx = Math.round(box.x + box.w / 2);
    const cy = Math.round(box.y + box.h / 2);
    const px = raw.subarray(cy * 601 + 1 + cx * 3, cy * 601 + 4 + cx * 3);
    const fills: Record<string, number[]> = { square: [220, 60, 60], triangle: [60, 180, 75], circle: [67, 99, 216] };
    if (box.label !== "triangle") expect([...px]).toEqual(fills[box.label]);
  });

  it("ground truth stays inside the image and uses the scene labels", () => {
    for (let seed = 0; seed < 15; seed++) {
      const s = generateScene(seed);
      expect(s.boxes.length).toBeGreaterThan(0);
      expect(s.polygons).toHaveLength(s.boxes.length);
      for (const b of s.boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(s.width + 0.5);
        expect(b.y + b.h).toBeLessThanOrEqual(s.height + 0.5);
        expect(SCENE_LABELS.map((l) => l.id)).toContain(b.label);
      }
      expect(s.classes).toEqual([...new Set(s.boxes.map((b) => b.label))].sort());
    }
  });
});
