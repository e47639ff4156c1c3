import { describe, expect, it } from "vitest";
import type { AnnotationDocument, BoxShape, PolygonShape, Shape } from "../../../../shared/annotation";
import { runAction } from "../../../../renderer/src/canvas/editor/commands";
import { Editor } from "../../../../renderer/src/canvas/editor/editor";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { quietHost } from "./editor-harness";

const schema: LabelSchema = {
  labels: [
    { id: "car", name: "Car", color: "#ff0000" },
    { id: "tree", name: "Tree", color: "#00ff00" },
  ],
  classes: [
    { id: "day", name: "Day", color: "#ffff00" },
    { id: "night", name: "Night", color: "#0000ff" },
  ],
  classification: "single",
  tools: ["box", "polygon"],
};

/** Viewport scale 1, offset 0: screen pixels are image pixels. */
function editorWith(shapes: Shape[] = [], previous: AnnotationDocument | null = null) {
  const doc: AnnotationDocument = { schema: 2, taskId: "t", labels: [], shapes, classes: [], timeSpentMs: 0 };
  const editor = new Editor({ taskId: "t", image: { width: 400, height: 300 }, schema, document: doc });
  editor.setViewSize({ width: 1000, height: 800 });
  editor.setViewport({ scale: 1, x: 0, y: 0 });
  const host = quietHost({ previousDocument: () => previous });
  const act = (action: string) => runAction(editor, action, host);
  const at = (x: number, y: number, mods: { shift?: boolean; modify?: boolean } = {}) => ({
    screen: { x, y },
    shift: !!mods.shift,
    modify: !!mods.modify,
  });
  const drag = (from: [number, number], to: [number, number], mods = {}) => {
    editor.pointerDown(at(...from, mods));
    editor.pointerMove(at((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, mods));
    editor.pointerMove(at(...to, mods));
    editor.pointerUp(at(...to, mods));
  };
  const click = (x: number, y: number, mods = {}) => {
    editor.pointerDown(at(x, y, mods));
    editor.pointerUp(at(x, y, mods));
  };
  const last = () => editor.store.shapes()[editor.store.shapes().length - 1] as Shape;
  return { editor, act, drag, click, last };
}

describe("box tool", () => {
  it("draws by drag and by two clicks, clamps to the image and drops boxes under 3 px", () => {
    const { editor, act, drag, click, last } = editorWith();
    act("tool.box");
    drag([10, 20], [60, 90]);
    expect(last()).toMatchObject({ kind: "box", x: 10, y: 20, w: 50, h: 70, label: "car" });
    click(300, 200);
    click(500, 400);
    expect(last()).toMatchObject({ x: 300, y: 200, w: 100, h: 100 });
    drag([5, 5], [7, 50]);
    expect(editor.store.count).toBe(2);
  });

  it("resizes by a handle, nudges and Alt-resizes by key, all undoable one step at a time", () => {
    const { editor, act, drag, last } = editorWith();
    act("tool.box");
    drag([10, 10], [50, 50]);
    drag([50, 50], [80, 60]); // south-east handle of the selected box
    expect(last()).toMatchObject({ x: 10, y: 10, w: 70, h: 50 });
    expect(editor.store.count).toBe(1);
    act("nudge.right10");
    act("nudge.up");
    act("resize.wider");
    expect(last()).toMatchObject({ x: 20, y: 9, w: 71, h: 50 });
    act("edit.undo");
    act("edit.undo");
    act("edit.undo");
    expect(last()).toMatchObject({ x: 10, y: 10, w: 70, h: 50 });
    act("edit.undo");
    expect(last()).toMatchObject({ x: 10, y: 10, w: 40, h: 40 });
    act("edit.redo");
    expect(last()).toMatchObject({ w: 70 });
  });
  it("drags a selected box to move it, as Label Studio and CVAT do; drawing starts outside it; the draw habit keeps drawing", () => {
    const { editor, act, drag, last } = editorWith();
    act("tool.box");
    drag([10, 10], [60, 50]);
    const box = last();
    drag([30, 30], [50, 40]); // inside the selected box: it moves by (20, 10)
    expect(editor.store.count).toBe(1);
    expect(editor.store.get(box.id)).toMatchObject({ x: 30, y: 20, w: 50, h: 40 });
    act("edit.undo");
    expect(editor.store.get(box.id)).toMatchObject({ x: 10, y: 10 });
    drag([100, 100], [140, 130]); // outside it: a new box
    expect(editor.store.count).toBe(2);
    editor.setSelection([box.id]);
    editor.habits = { ...editor.habits, dragSelected: "draw" };
    drag([30, 30], [50, 45]); // the old habit: a new box over the selected one
    expect(editor.store.count).toBe(3);
    expect(last()).toMatchObject({ x: 30, y: 30, w: 20, h: 15 });
  });
});

describe("keyboard only", () => {
  it("inserts a box at the keyboard cursor (in view: the image centre) and shapes it with arrows and Alt+arrows", () => {
    const { editor, act, last } = editorWith();
    act("tool.box");
    editor.setViewport({ scale: 1, x: 300, y: 250 }); // the view's centre is image (200, 150)
    act("edit.insert");
    const box = last();
    expect(box).toMatchObject({ kind: "box", x: 160, y: 110, w: 80, h: 80, label: "car" });
    act("resize.wider10");
    act("nudge.down");
    expect(editor.store.get(box.id)).toMatchObject({ w: 90, y: (box as BoxShape).y + 1 });
  });

  it("Escape in the middle of a drag rolls the shape back and leaves nothing to undo", () => {
    const { editor, act, last } = editorWith([{ id: "a", kind: "box", label: "car", x: 10, y: 10, w: 40, h: 40 }]);
    act("tool.select");
    editor.pointerDown({ screen: { x: 30, y: 30 }, shift: false, modify: false });
    editor.pointerMove({ screen: { x: 130, y: 90 }, shift: false, modify: false });
    expect(last()).toMatchObject({ x: 110, y: 70 });
    act("edit.cancel");
    editor.pointerUp({ screen: { x: 130, y: 90 }, shift: false, modify: false });
    expect(last()).toMatchObject({ x: 10, y: 10 });
    expect(editor.history.canUndo).toBe(false);
  });
});

describe("polygon tool", () => {
  it("closes by clicking the first vertex or Enter; Backspace takes back; Escape cancels", () => {
    const { editor, act, click, last } = editorWith();
    act("tool.polygon");
    click(10, 10);
    click(100, 10);
    click(100, 100);
    click(10, 100);
    click(11, 11); // the first vertex
    expect(last()).toMatchObject({ kind: "polygon", points: [10, 10, 100, 10, 100, 100, 10, 100] });
    click(200, 200);
    click(300, 200);
    click(250, 250);
    click(260, 280);
    act("edit.delete"); // Backspace while drawing removes the last vertex
    act("edit.finish");
    expect((last() as PolygonShape).points).toEqual([200, 200, 300, 200, 250, 250]);
    click(50, 150);
    click(60, 150);
    act("edit.cancel");
    expect(editor.store.count).toBe(2);
  });

  it("Alt/Ctrl-click inserts on an edge and deletes a vertex; vertices drag", () => {
    const polygon: PolygonShape = {
      id: "p",
      kind: "polygon",
      label: "car",
      points: [10, 10, 100, 10, 100, 100, 10, 100],
    };
    const { editor, act, click, drag } = editorWith([polygon]);
    act("tool.select");
    editor.setSelection(["p"]);
    click(55, 11, { modify: true });
    expect((editor.store.get("p") as PolygonShape).points).toEqual([10, 10, 55, 10, 100, 10, 100, 100, 10, 100]);
    click(100, 100, { modify: true });
    expect((editor.store.get("p") as PolygonShape).points).toEqual([10, 10, 55, 10, 100, 10, 10, 100]);
    drag([10, 100], [20, 120]);
    expect((editor.store.get("p") as PolygonShape).points).toEqual([10, 10, 55, 10, 100, 10, 20, 120]);
    drag([50, 40], [60, 45]); // the body: moves the whole polygon
    expect((editor.store.get("p") as PolygonShape).points).toEqual([20, 15, 65, 15, 110, 15, 30, 125]);
    act("edit.undo");
    act("edit.undo");
    act("edit.undo");
    act("edit.undo");
    expect((editor.store.get("p") as PolygonShape).points).toEqual(polygon.points);
  });
});

describe("editing commands", () => {
  it("marks a touched pre-label as edited, relabels the selection by digit, and hides and locks", () => {
    const guess: BoxShape = {
      id: "g",
      kind: "box",
      label: "car",
      x: 10,
      y: 10,
      w: 20,
      h: 20,
      source: { kind: "model", score: 0.8 },
    };
    const { editor, act } = editorWith([guess]);
    editor.setSelection(["g"]);
    act("label.2");
    expect(editor.store.get("g")).toMatchObject({ label: "tree", source: { kind: "model", score: 0.8, edited: true } });
    act("shape.lock");
    act("nudge.right");
    act("edit.delete");
    expect(editor.store.get("g")).toMatchObject({ x: 10, locked: true });
    act("shape.lock");
    act("shape.hide");
    expect(editor.store.get("g")?.hidden).toBe(true);
    expect(editor.shapeAt({ x: 15, y: 15 })).toBeNull();
  });

  it("classifies single-label (a second class replaces the first) from shift+digits", () => {
    const { editor, act } = editorWith();
    act("class.1");
    act("class.2");
    expect(editor.store.classes).toEqual(["night"]);
    act("class.2");
    expect(editor.store.classes).toEqual([]);
  });

  it("copies, pastes off the original, duplicates, deletes, and copies the previous task's shapes", () => {
    const a: BoxShape = { id: "a", kind: "box", label: "car", x: 10, y: 10, w: 20, h: 20 };
    const previous: AnnotationDocument = {
      schema: 2,
      taskId: "p",
      labels: [],
      classes: [],
      timeSpentMs: 0,
      shapes: [{ id: "z", kind: "box", label: "tree", x: 390, y: 0, w: 50, h: 10 }],
    };
    const { editor, act, last } = editorWith([a], previous);
    editor.setSelection(["a"]);
    act("edit.copy");
    act("edit.paste");
    expect(last()).toMatchObject({ x: 20, y: 20, w: 20, h: 20, source: { kind: "human" } });
    expect(last().id).not.toBe("a");
    act("edit.duplicate");
    expect(editor.store.count).toBe(3);
    act("edit.delete");
    expect(editor.store.count).toBe(2);
    act("edit.copyPrevious");
    expect(last()).toMatchObject({ label: "tree", x: 350, w: 50 });
  });

  it("period and comma cycle visible shapes; marquee selects what it touches", () => {
    const shapes: Shape[] = [0, 1, 2].map((i) => ({
      id: `s${i}`,
      kind: "box",
      label: "car",
      x: i * 100,
      y: 0,
      w: 50,
      h: 50,
    }));
    const { editor, act, drag } = editorWith(shapes);
    act("select.next");
    act("select.next");
    expect([...editor.selection()]).toEqual(["s1"]);
    act("select.previous");
    act("select.previous");
    expect([...editor.selection()]).toEqual(["s2"]);
    act("tool.select");
    drag([40, 200], [160, 40]);
    expect([...editor.selection()].sort()).toEqual(["s0", "s1"]);
  });
});
