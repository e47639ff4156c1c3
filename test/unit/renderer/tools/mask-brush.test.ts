import { describe, expect, it } from "vitest";
import type { Label, MaskShape } from "../../../../shared/annotation";
import { decodeMask, encodeMask } from "../../../../shared/annotation";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { SYNC_PIXELS } from "../../../../renderer/src/tools/mask-tool";
import { editorHarness, inProcessAssist } from "./editor-harness";

const road: Label = { id: "road", name: "Road", color: "#00ff00" };
const schema: LabelSchema = { labels: [road], classes: [], classification: "none", tools: ["mask"] };

/** Pixels whose centres lie within r of the polyline through `path`: what a stroke must paint. */
function covered(path: Array<[number, number]>, r: number, x: number, y: number): boolean {
  const cx = x + 0.5,
    cy = y + 0.5;
  return path.some(([ax, ay], i) => {
    const [bx, by] = path[Math.max(0, i - 1)] as [number, number];
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((cx - ax) * dx + (cy - ay) * dy) / len2));
    return (cx - ax - t * dx) ** 2 + (cy - ay - t * dy) ** 2 <= r * r;
  });
}

/** The mask's pixels over the whole image (1 = set). */
function onImage(mask: MaskShape, image: { width: number; height: number }): Uint8Array {
  const bits = decodeMask(mask.counts, mask.w, mask.h);
  const out = new Uint8Array(image.width * image.height);
  for (let y = 0; y < mask.h; y++)
    out.set(bits.data.subarray(y * mask.w, (y + 1) * mask.w), (mask.y + y) * image.width + mask.x);
  return out;
}

/** `base` with the stroke's pixels (searched within `window`) set to `value`. */
function withStroke(
  base: Uint8Array,
  width: number,
  path: Array<[number, number]>,
  r: number,
  window: { x0: number; y0: number; x1: number; y1: number },
  value: 0 | 1,
): Uint8Array {
  const out = base.slice();
  for (let y = window.y0; y < window.y1; y++)
    for (let x = window.x0; x < window.x1; x++) if (covered(path, r, x, y)) out[y * width + x] = value;
  return out;
}

/** How many pixels differ (0 when equal): one number in a failure message, not a million. */
function differing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

function stroke(editor: ReturnType<typeof editorHarness>["editor"], path: Array<[number, number]>): void {
  const at = ([x, y]: [number, number]) => ({ screen: { x, y }, shift: false, modify: false });
  editor.pointerDown(at(path[0] as [number, number]));
  for (const p of path.slice(1)) editor.pointerMove(at(p));
  editor.pointerUp(at(path[path.length - 1] as [number, number]));
}

describe("mask brush", () => {
  it("paints exactly the pixels within the brush radius of the stroke, as one new mask", () => {
    const { editor, last } = editorHarness({
      schema,
      image: { width: 200, height: 150 },
      view: { width: 200, height: 150, scale: 1 },
    });
    editor.setTool("mask");
    editor.maskTool.setRadius(5);
    const path: Array<[number, number]> = [
      [20.3, 30.7],
      [60, 34],
      [61, 80.5],
    ];
    stroke(editor, path);
    const mask = last() as MaskShape;
    expect(mask.kind).toBe("mask");
    const image = { width: 200, height: 150 };
    const expected = withStroke(new Uint8Array(200 * 150), 200, path, 5, { x0: 0, y0: 0, x1: 200, y1: 150 }, 1);
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(500);
    expect(differing(onImage(mask, image), expected)).toBe(0);
  });

  it("lands a stroke into a large mask in the worker: not in the document until it answers, then exactly old ∪ stroke, one undo step", async () => {
    const image = { width: 2048, height: 2048 };
    const assist = inProcessAssist(image);
    // a 1100×1000 block with a hole in the middle: over SYNC_PIXELS, so it lands off the UI thread
    const w = 1100,
      h = 1000;
    expect(w * h).toBeGreaterThan(SYNC_PIXELS);
    const data = new Uint8Array(w * h).fill(1);
    for (let y = 400; y < 600; y++) data.fill(0, y * w + 400, y * w + 700);
    const big: MaskShape = {
      id: "big",
      kind: "mask",
      label: "road",
      x: 100,
      y: 50,
      w,
      h,
      counts: encodeMask({ w, h, data }),
    };
    const { editor } = editorHarness({
      schema,
      image,
      view: { width: 2048, height: 2048, scale: 1 },
      shapes: [big],
      assist: assist.client,
    });
    const before = onImage(big, image);
    editor.setSelection(["big"]);
    editor.setTool("mask");
    editor.maskTool.setRadius(8);
    // from inside the hole out past the mask's right edge: the crop must widen
    const path: Array<[number, number]> = [
      [550, 500],
      [1250, 520],
    ];
    stroke(editor, path);
    expect(editor.store.get("big")).toBe(big);
    expect(editor.tool.draft()).toMatchObject({ kind: "mask", landing: [{ erase: false }] });
    await editor.settled();
    expect(assist.requests).toEqual(["paint"]); // the image itself was never sent
    const painted = editor.store.get("big") as MaskShape;
    expect(painted.x + painted.w).toBe(1258);
    const expected = withStroke(before, 2048, path, 8, { x0: 530, y0: 480, x1: 1270, y1: 540 }, 1);
    expect(differing(onImage(painted, image), expected)).toBe(0);
    expect(editor.tool.draft()?.kind).not.toBe("mask");

    editor.history.undo();
    expect((editor.store.get("big") as MaskShape).counts).toBe(big.counts);
  });

  it("erases exactly the stroke from the selected large mask, in the worker", async () => {
    const image = { width: 2048, height: 2048 };
    const assist = inProcessAssist(image);
    const w = 1200,
      h = 900;
    const big: MaskShape = {
      id: "big",
      kind: "mask",
      label: "road",
      x: 0,
      y: 0,
      w,
      h,
      counts: encodeMask({ w, h, data: new Uint8Array(w * h).fill(1) }),
    };
    const { editor } = editorHarness({
      schema,
      image,
      view: { width: 2048, height: 2048, scale: 1 },
      shapes: [big],
      assist: assist.client,
    });
    editor.setSelection(["big"]);
    editor.setTool("mask");
    editor.maskTool.erase = true;
    editor.maskTool.setRadius(20);
    const path: Array<[number, number]> = [
      [300, 300],
      [700, 320],
    ];
    stroke(editor, path);
    await editor.settled();
    const erased = editor.store.get("big") as MaskShape;
    const expected = withStroke(onImage(big, image), 2048, path, 20, { x0: 270, y0: 270, x1: 730, y1: 350 }, 0);
    expect(onImage(erased, image)[310 * 2048 + 500]).toBe(0);
    expect(differing(onImage(erased, image), expected)).toBe(0);
  });

  it("paints a stroke by keys: Space puts the brush down, arrows paint, Space lifts; > sizes it, Shift+M erases; all said", async () => {
    const image = { width: 300, height: 200 };
    const { editor, key, last, said } = editorHarness({ schema, image, view: { width: 300, height: 200, scale: 1 } });
    key("m");
    expect(said.at(-1)).toMatch(/^Mask brush/);
    editor.maskTool.setRadius(6);
    key(">");
    expect(editor.maskTool.radius).toBe(9); // 6 × 1.25 + 1, rounded
    expect(said.at(-1)).toBe("Brush 9 px");
    editor.cursor = { x: 40, y: 50 };
    editor.cursorShown = true;
    key("space");
    expect(said.at(-1)).toBe("Brush down at 40, 50, 9 px; arrows paint, Space lifts");
    key("shift+arrowright", 2); // 40 px a press at 1:1
    key("arrowdown", 5);
    expect(said.at(-1)).toBe("Painting at 120, 55");
    expect(editor.store.count).toBe(0); // nothing lands before the brush lifts
    key("space");
    expect(said.at(-1)).toBe("Mask added: Road");
    const mask = last() as MaskShape;
    // the cursor's path: 40,50 → 80,50 → 120,50 → 120,51 … 120,55
    const path: Array<[number, number]> = [
      [40, 50],
      [80, 50],
      [120, 50],
      [120, 51],
      [120, 52],
      [120, 53],
      [120, 54],
      [120, 55],
    ];
    const expected = withStroke(new Uint8Array(300 * 200), 300, path, 9, { x0: 0, y0: 0, x1: 300, y1: 200 }, 1);
    expect(differing(onImage(mask, image), expected)).toBe(0);

    // arrows move the brush, not the selected mask; the eraser takes a dab out of it
    key("shift+m");
    expect(said.at(-1)).toMatch(/^Eraser/);
    key("arrowleft", 40);
    expect(editor.store.get(mask.id)).toBe(mask);
    key("space");
    expect(said.at(-1)).toBe("Eraser down at 80, 55, 9 px; arrows erase, Space lifts");
    key("enter"); // Enter lifts too
    await editor.settled();
    const erased = editor.store.get(mask.id) as MaskShape;
    expect(said.at(-1)).toBe(`Erased from mask Road, now ${erased.w} × ${erased.h} px at ${erased.x}, ${erased.y}`);
    const dab = withStroke(expected, 300, [[80, 55]], 9, { x0: 60, y0: 35, x1: 100, y1: 75 }, 0);
    expect(differing(onImage(erased, image), dab)).toBe(0);
    editor.history.undo();
    expect((editor.store.get(mask.id) as MaskShape).counts).toBe(mask.counts);
  });
});
