import { describe, expect, it } from "vitest";
import { AnnotationDocument, decodeMask } from "../../../../shared/annotation";
import type { Label } from "../../../../shared/annotation";
import { runAction } from "../../../../renderer/src/canvas/editor/commands";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { maskShapeFrom } from "../../../../renderer/src/tools/mask-tool";
import { editorHarness } from "./editor-harness";

const person: Label = {
  id: "person",
  name: "Person",
  color: "#ff0000",
  skeleton: {
    joints: ["head", "left hand", "right hand"],
    edges: [
      [0, 1],
      [0, 2],
    ],
  },
  attributes: [{ id: "occluded", name: "occluded", type: "checkbox" }],
};
const road: Label = { id: "road", name: "Road", color: "#00ff00" };

const schema: LabelSchema = {
  labels: [person, road],
  classes: [],
  classification: "none",
  tools: ["box", "polygon", "polyline", "points", "keypoints", "mask", "rotated-box", "ellipse"],
};

function setup() {
  const harness = editorHarness({
    schema,
    image: { width: 400, height: 300 },
    view: { width: 400, height: 300, scale: 1 },
  });
  const { editor, key } = harness;
  /** Keyboard cursor to (x, y), then Space. */
  const placeAt = (x: number, y: number) => {
    key("escape");
    editor.cursor = { x, y };
    editor.cursorShown = true;
    key("space");
  };
  return { ...harness, placeAt };
}

describe("every kind by keyboard", () => {
  it("draws a polyline, points, a skeleton, a rotated box and an ellipse with the keyboard cursor, and each is one undo step", () => {
    const { editor, key, last, said } = setup();
    const at = (x: number, y: number) => {
      editor.cursor = { x, y };
      editor.cursorShown = true;
      key("space");
    };
    key("shift+p");
    expect(editor.tool.id).toBe("polyline");
    at(10, 10);
    at(50, 20);
    at(90, 10);
    key("enter");
    expect(last()).toMatchObject({ kind: "polyline", points: [10, 10, 50, 20, 90, 10] });

    key("t");
    at(5, 5);
    at(7, 9);
    key("enter");
    expect(last()).toMatchObject({ kind: "points", points: [5, 5, 7, 9] });

    key("k");
    key("1"); // person: the label with the skeleton
    at(100, 100); // head, visible
    expect(said.at(-1)).toContain("next: left hand");
    key("j"); // left hand absent
    editor.pointer = { x: 130, y: 140 };
    editor.cursorShown = false; // the mouse moved there, as pointerMove records
    key("shift+j"); // right hand occluded at the pointer: the last joint ends the skeleton
    expect(last()).toMatchObject({
      kind: "keypoints",
      label: "person",
      points: [100, 100, 0, 0, 130, 140],
      visibility: [2, 0, 1],
      attributes: { occluded: false },
    });

    key("shift+b");
    at(200, 100);
    at(260, 140);
    expect(last()).toMatchObject({ kind: "rotated-box", cx: 230, cy: 120, w: 60, h: 40, angle: 0 });
    key("r", 3);
    key("alt+shift+r");
    expect(last()).toMatchObject({ kind: "rotated-box", angle: 348 });

    key("o");
    at(300, 200);
    at(340, 220);
    expect(last()).toMatchObject({ kind: "ellipse", cx: 320, cy: 210, rx: 20, ry: 10, angle: 0 });
    key("alt+arrowright");
    expect(last()).toMatchObject({ kind: "ellipse", rx: 21 });

    const kinds = editor.store.shapes().map((s) => s.kind);
    expect(kinds).toEqual(["polyline", "points", "keypoints", "rotated-box", "ellipse"]);
    // the document is valid against the label specs (skeleton size, attribute types)
    expect(AnnotationDocument.safeParse(editor.toDocument(0)).success).toBe(true);
    // undo takes back the resize, then the ellipse, then the two turns of the rotated box
    key("ctrl+z");
    expect(last()).toMatchObject({ kind: "ellipse", rx: 20 });
    key("ctrl+z");
    expect(editor.store.count).toBe(4);
  });

  it("places a skeleton's joints by keys alone: J says the joint is absent, Shift+J puts it occluded at the keyboard cursor", () => {
    const { editor, key, last, said } = setup();
    key("k");
    key("1");
    editor.pointer = { x: 1, y: 1 }; // the mouse was last seen elsewhere: keys drew last, so the cursor counts
    editor.cursor = { x: 50, y: 60 };
    editor.cursorShown = true;
    key("space");
    key("j");
    expect(said.at(-1)).toBe("left hand absent; next: right hand");
    editor.cursor = { x: 70, y: 80 };
    key("shift+j");
    expect(last()).toMatchObject({ kind: "keypoints", points: [50, 60, 0, 0, 70, 80], visibility: [2, 0, 1] });
  });

  it("picks, moves and removes joints and corners of the new kinds by keys", () => {
    const { editor, key, last } = setup();
    editor.store.add([
      { id: "k", kind: "keypoints", label: "person", points: [10, 10, 20, 20, 0, 0], visibility: [2, 2, 0] },
      { id: "r", kind: "rotated-box", label: "road", cx: 100, cy: 100, w: 40, h: 20, angle: 90 },
    ]);
    editor.setSelection(["k"]);
    key("e", 3); // the absent third joint
    key("arrowright");
    expect(editor.store.get("k")).toMatchObject({ visibility: [2, 2, 2] });
    key("shift+e"); // second joint
    key("delete");
    expect(editor.store.get("k")).toMatchObject({ visibility: [2, 0, 2], points: [10, 10, 0, 0, 1, 0] });
    editor.setSelection(["r"]);
    key("e"); // a corner of the turned box: dragging it resizes in the box's own frame
    // turned 90°, the box's own x axis points down the image: one step down narrows it by 1
    key("arrowdown");
    const r = editor.store.get("r");
    expect(
      r?.kind === "rotated-box" && [Math.round(r.w * 1000) / 1000, Math.round(r.h * 1000) / 1000, r.angle],
    ).toEqual([39, 20, 90]);
    expect(last().id).toBe("r");
  });

  it("a mask painted from bits is stored as COCO RLE over its tight crop, moves by whole pixels, and fills its holes", () => {
    const { editor, key } = setup();
    const ring = new Uint8Array(25).fill(1);
    ring[12] = 0; // a hole in the middle of a 5×5 block
    const padded = new Uint8Array(49);
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) padded[(y + 1) * 7 + x + 1] = ring[y * 5 + x] as number;
    const mask = maskShapeFrom({ id: "m", kind: "mask", label: "road" }, { w: 7, h: 7, data: padded }, 20, 30);
    expect(mask).toMatchObject({ x: 21, y: 31, w: 5, h: 5 });
    editor.store.add([mask!]);
    editor.setSelection(["m"]);
    key("arrowright");
    expect(editor.store.get("m")).toMatchObject({ x: 22, y: 31 });
    key("f");
    const filled = editor.store.get("m");
    expect(filled?.kind === "mask" && decodeMask(filled.counts, 5, 5).data.every((v) => v === 1)).toBe(true);
    key("ctrl+z");
    const back = editor.store.get("m");
    expect(back?.kind === "mask" && decodeMask(back.counts, 5, 5).data[12]).toBe(0);
  });

  it("offers only the kinds the campaign allows", () => {
    const { editor, host } = editorHarness({
      schema: { ...schema, tools: ["box"] },
      image: { width: 10, height: 10 },
      view: { width: 10, height: 10, scale: 1 },
    });
    expect(runAction(editor, "tool.keypoints", host)).toBe(false);
    expect(runAction(editor, "tool.wand", host)).toBe(false);
    expect(editor.tool.id).toBe("box");
  });
});
