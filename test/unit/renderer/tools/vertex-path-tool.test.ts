import { describe, expect, it } from "vitest";
import type { Label } from "../../../../shared/annotation";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { editorHarness } from "./editor-harness";

// The differences the path kinds keep on the one vertex-path tool: how few vertices Enter
// lands, what Backspace does past the first vertex, what lands with nothing in the image.
const person: Label = {
  id: "person",
  name: "Person",
  color: "#ff0000",
  skeleton: { joints: ["head", "hand"], edges: [[0, 1]] },
};
const schema: LabelSchema = {
  labels: [person],
  classes: [],
  classification: "none",
  tools: ["polygon", "polyline", "points", "keypoints"],
};

function setup() {
  const h = editorHarness({ schema, image: { width: 200, height: 200 }, view: { width: 200, height: 200, scale: 1 } });
  const click = (x: number, y: number, modify = false) => {
    h.editor.pointerDown({ screen: { x, y }, shift: false, modify });
    h.editor.pointerUp({ screen: { x, y }, shift: false, modify });
  };
  return { ...h, click };
}

describe("vertex path kinds", () => {
  it("Enter lands a polyline from 2 vertices, points from 1, a polygon from 3", () => {
    const { editor, click, key, last } = setup();
    for (const [tool, min] of [
      ["shift+p", 2],
      ["t", 1],
      ["p", 3],
    ] as const) {
      key(tool);
      for (let i = 1; i < min; i++) click(10 * i, 20);
      const before = editor.store.count;
      if (min > 1) {
        expect(editor.tool.finish()).toBe(false);
        expect(editor.store.count).toBe(before);
      }
      click(10 * min, 30);
      expect(editor.tool.finish()).toBe(true);
      expect(editor.store.count).toBe(before + 1);
      expect((last() as { points: number[] }).points).toHaveLength(2 * min);
      key("escape");
    }
  });

  it("Backspace on a path's only vertex ends it; a skeleton waits for its first joint again", () => {
    const { editor, click } = setup();
    editor.setTool("polyline");
    click(10, 10);
    expect(editor.tool.removeLast()).toBe(true);
    expect(editor.tool.busy()).toBe(false);

    editor.setTool("keypoints");
    click(10, 10);
    expect(editor.tool.removeLast()).toBe(true);
    expect(editor.tool.busy()).toBe(true);
    expect(editor.tool.draft()).toMatchObject({ kind: "keypoints", points: [], next: "head" });
    expect(editor.tool.removeLast()).toBe(true);
    expect(editor.tool.busy()).toBe(false);
  });

  it("a skeleton lands when its last joint is placed, occluded by Alt+click; Enter with no joint in the image lands nothing", () => {
    const { editor, click, last } = setup();
    editor.setTool("keypoints");
    click(10, 10);
    click(30, 40, true);
    expect(editor.tool.busy()).toBe(false);
    expect(last()).toMatchObject({ kind: "keypoints", points: [10, 10, 30, 40], visibility: [2, 1] });
    const count = editor.store.count;
    expect(editor.keypointsTool.skip()).toBe(false); // not drawing
    editor.keypointsTool.placeOccluded({ x: 5, y: 5 });
    expect(editor.keypointsTool.nextJoint()).toBe("hand");
    expect(editor.tool.removeLast()).toBe(true);
    expect(editor.tool.finish()).toBe(true);
    expect(editor.store.count).toBe(count);
    expect(editor.tool.busy()).toBe(false);
  });
});
