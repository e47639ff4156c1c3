// Pure parts of the requester library: scoring, labels and gold parsing, image sniffing,
// exporters, sealed results.
import { describe, expect, it } from "vitest";
import type { Shape } from "../../../shared/annotation";
import {
  answerAgreement,
  exportCoco,
  exportVoc,
  exportYolo,
  iou,
  openResult,
  parseLabels,
  RequesterError,
  sealResult,
  shapeAgreement,
  sniffImage,
  toScore,
} from "../../../lib/requester";
import { deriveX25519 } from "../../../lib/requester/keyfile";

const box = (x: number, y: number, w: number, h: number, label = "a"): Shape => ({
  id: `${x}${y}`,
  kind: "box",
  x,
  y,
  w,
  h,
  label,
});

describe("scoring", () => {
  it("IoU of boxes is exact; polygons are sampled close to it", () => {
    expect(iou(box(0, 0, 10, 10), box(0, 0, 10, 10))).toBe(1);
    expect(iou(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(50 / 150);
    expect(iou(box(0, 0, 10, 10), box(20, 20, 5, 5))).toBe(0);
    const square: Shape = { id: "p", kind: "polygon", label: "a", points: [0, 0, 10, 0, 10, 10, 0, 10] };
    expect(iou(square, box(0, 0, 10, 10))).toBeGreaterThan(0.95);
    const triangle: Shape = { id: "t", kind: "polygon", label: "a", points: [0, 0, 10, 0, 0, 10] };
    expect(iou(triangle, box(0, 0, 10, 10))).toBeCloseTo(0.5, 1);
  });

  it("matches shapes one-to-one by label; classes must match exactly", () => {
    expect(shapeAgreement([box(0, 0, 10, 10), box(50, 50, 10, 10)], [box(50, 50, 10, 10), box(0, 0, 10, 10)])).toBe(1);
    expect(shapeAgreement([box(0, 0, 10, 10)], [box(0, 0, 10, 10, "b")])).toBe(0);
    expect(shapeAgreement([box(0, 0, 10, 10)], [box(0, 0, 10, 10), box(30, 30, 5, 5)])).toBe(0.5);
    expect(answerAgreement({ shapes: [], classes: ["x", "y"] }, { shapes: [], classes: ["y", "x"] })).toBe(1);
    expect(answerAgreement({ shapes: [], classes: ["x"] }, { shapes: [], classes: ["x", "y"] })).toBe(0);
    expect(toScore(0.876)).toBe(88);
  });
});

describe("inputs", () => {
  it("labels: JSON or one per line; malformed files name the problem", () => {
    expect(parseLabels("car\nperson\n# comment\n", "l.txt").labels.map((l) => l.id)).toEqual(["car", "person"]);
    const spec = parseLabels('{"tool":"polygon","labels":[{"name":"Big Car","color":"#112233"}]}', "l.json");
    expect(spec.tool).toBe("polygon");
    expect(spec.labels[0]).toEqual({ id: "big-car", name: "Big Car", color: "#112233", hotkey: "1" });
    expect(() => parseLabels('{"labels": []}', "l.json")).toThrow(RequesterError);
    expect(() => parseLabels('{"tool":"brush","labels":["a"]}', "l.json")).toThrow(/tool/);
    expect(() => parseLabels('{"labels":[{"name":"a","color":"red"}]}', "l.json")).toThrow(/#rrggbb/);
  });

  it("sniffs PNG, JPEG and WebP sizes and refuses other bytes", () => {
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 20, 0, 30, 3, 0, 0, 0, 0,
    ]);
    expect(sniffImage(jpeg)).toEqual({ type: "jpeg", width: 30, height: 20 });
    // A PNG: the 8-byte signature, then IHDR's width and height (big-endian) at 16 and 20.
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
    new DataView(png.buffer).setUint32(16, 30);
    new DataView(png.buffer).setUint32(20, 20);
    expect(sniffImage(png)).toEqual({ type: "png", width: 30, height: 20 });
    // A lossless WebP header: RIFF, size, WEBP, a VP8L chunk, its 0x2f signature, then width-1
    // and height-1 in 14 bits each.
    const webp = new Uint8Array(30);
    webp.set(new TextEncoder().encode("RIFF"), 0);
    webp.set(new TextEncoder().encode("WEBPVP8L"), 8);
    webp[20] = 0x2f;
    new DataView(webp.buffer).setUint32(21, (30 - 1) | ((20 - 1) << 14), true);
    expect(sniffImage(webp)).toEqual({ type: "webp", width: 30, height: 20 });
    expect(sniffImage(new TextEncoder().encode("GIF89a not supported at all......"))).toBeUndefined();
  });
});

describe("exporters", () => {
  const input = {
    title: "t",
    labels: [{ id: "a", name: "A", color: "#000000" }],
    images: [
      {
        index: 0,
        fileName: "x.png",
        width: 100,
        height: 50,
        shapes: [box(10, 10, 20, 10), { id: "p", kind: "polygon", label: "a", points: [0, 0, 10, 0, 10, 10] } as Shape],
        classes: [],
      },
    ],
  };
  it("COCO, YOLO and VOC", () => {
    const coco = JSON.parse(String(exportCoco(input)[0]?.contents ?? "{}")) as {
      annotations: Array<{ bbox: number[]; area: number; segmentation: number[][] }>;
    };
    expect(coco.annotations[0]?.bbox).toEqual([10, 10, 20, 10]);
    expect(coco.annotations[1]?.area).toBe(50);
    expect(coco.annotations[1]?.segmentation[0]).toHaveLength(6);
    const yolo = exportYolo(input);
    expect(String(yolo.find((f) => f.path === "detect/labels/train/x.txt")?.contents)).toBe("0 0.2 0.3 0.2 0.2\n");
    // VOC corners are 1-based and inclusive
    expect(exportVoc(input).find((f) => f.path === "Annotations/x.xml")?.contents).toContain(
      "<xmin>11</xmin><ymin>11</ymin><xmax>30</xmax><ymax>20</ymax>",
    );
  });
});

it("sealed results open only with the requester's key", () => {
  const requester = deriveX25519(new Uint8Array(32).fill(3));
  const other = deriveX25519(new Uint8Array(32).fill(4));
  const sealed = sealResult(new TextEncoder().encode('{"ok":1}'), requester.publicKey);
  expect(new TextDecoder().decode(openResult(sealed, requester.secretKey))).toBe('{"ok":1}');
  expect(() => openResult(sealed, other.secretKey)).toThrow();
});
