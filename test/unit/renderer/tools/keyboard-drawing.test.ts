import { describe, expect, it } from "vitest";
import type { BoxShape, PolygonShape, Shape } from "../../../../shared/annotation";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { toScreen } from "../../../../renderer/src/canvas/geometry/viewport";
import { editorHarness } from "./editor-harness";

const schema: LabelSchema = {
  labels: [
    { id: "car", name: "Car", color: "#ff0000" },
    { id: "tree", name: "Tree", color: "#00ff00" },
  ],
  classes: [],
  classification: "none",
  tools: ["box", "polygon"],
};

/** A 4000 × 3000 image in an 800 × 600 view at 200 %: most of the image is out of view. */
function setup(shapes: Shape[] = []) {
  const harness = editorHarness({
    schema,
    image: { width: 4000, height: 3000 },
    view: { width: 800, height: 600, scale: 2 },
    shapes,
  });
  const inView = (p: { x: number; y: number }) => {
    const s = toScreen(harness.editor.viewport, p);
    return s.x >= 0 && s.y >= 0 && s.x <= 800 && s.y <= 600;
  };
  return { ...harness, inView };
}

describe("keyboard cursor and panning", () => {
  it("moves by fine and coarse steps, reaches the far corner of the image, and the view follows", () => {
    const { editor, key, inView, said } = setup();
    key("space"); // the first Space only shows the cursor
    expect(editor.cursorShown).toBe(true);
    const start = { ...editor.cursor };
    key("arrowright");
    expect(editor.cursor.x).toBe(Math.round(start.x + 1)); // 1 image px at 200 %
    key("shift+arrowdown");
    expect(editor.cursor.y).toBe(Math.round(start.y + 20)); // 40 screen px
    key("shift+arrowright", 200);
    key("shift+arrowdown", 200);
    expect(editor.cursor).toEqual({ x: 4000, y: 3000 });
    expect(inView(editor.cursor)).toBe(true);
    expect(said.at(-1)).toBe("Cursor 4000, 3000");
    expect(editor.store.count).toBe(0);
  });

  it("Page keys pan the view by most of a screen, the cursor keeping its place on screen; Home recentres it", () => {
    const { editor, key, said } = setup();
    editor.setViewport({ scale: 2, x: -2000, y: -2000 });
    key("home");
    expect(editor.cursor).toEqual({ x: 1200, y: 1150 });
    key("pagedown");
    expect(editor.viewport).toMatchObject({ x: -2000, y: -2480 });
    expect(editor.cursor).toEqual({ x: 1200, y: 1390 });
    key("shift+pageup");
    expect(editor.viewport).toMatchObject({ x: -1360, y: -2480 });
    expect(said.at(-1)).toMatch(/^View panned to 680, 1240; cursor 880, 1390$/);
    // off the canvas the page keys scroll the page as usual
    expect(key("pagedown", 1, false)).toBe(false);
  });

  it("N inserts a box at the cursor, not at the centre of the view", () => {
    const { editor, key, last, said } = setup();
    key("space");
    key("shift+arrowright", 3);
    key("b");
    key("n");
    const box = last() as BoxShape;
    expect(box).toMatchObject({ kind: "box", label: "car", w: 40, h: 40 });
    expect(box.x + box.w / 2).toBe(editor.cursor.x);
    expect(box.y + box.h / 2).toBe(editor.cursor.y);
    expect(said.at(-1)).toBe("Box added: Car");
  });
});

describe("drawing by keys: place at the cursor, finish, cancel", () => {
  it("draws a box by two corners with Space", () => {
    const { editor, key, last, said } = setup();
    key("b");
    editor.cursor = { x: 100, y: 100 };
    key("space"); // shows the cursor
    key("space");
    expect(said.at(-1)).toMatch(/^First corner at 100, 100/);
    key("shift+arrowright", 5);
    key("shift+arrowdown", 3);
    expect(editor.tool.draft()).toMatchObject({ kind: "box", rect: { x: 100, y: 100, w: 100, h: 60 } });
    key("space");
    expect(last()).toMatchObject({ kind: "box", x: 100, y: 100, w: 100, h: 60 });
  });

  it("draws a polygon vertex by vertex, takes one back, closes with Enter; Escape drops a drawing", () => {
    const { editor, key, last, said } = setup();
    key("p");
    key("2");
    editor.cursor = { x: 100, y: 100 };
    key("n"); // with the polygon tool: the first vertex at the cursor
    key("shift+arrowright", 5); // arrows move the cursor while drawing, even with shapes selected before
    key("space");
    key("shift+arrowdown", 5);
    key("space");
    key("shift+arrowleft", 2);
    key("space");
    expect(said.at(-1)).toBe("Point 4 at 160, 200; Enter closes the polygon");
    key("backspace");
    key("enter");
    expect(last()).toMatchObject({ kind: "polygon", label: "tree", points: [100, 100, 200, 100, 200, 200] });
    expect(said.at(-1)).toBe("Polygon added: Tree");
    key("escape"); // clears the selection
    key("space");
    key("arrowright");
    key("space");
    key("escape");
    expect(said.at(-1)).toBe("Drawing cancelled");
    expect(editor.store.count).toBe(1);
  });
});

describe("vertices by keys", () => {
  const square: PolygonShape = {
    id: "p",
    kind: "polygon",
    label: "car",
    points: [100, 100, 200, 100, 200, 200, 100, 200],
  };

  it("picks, moves, inserts and deletes vertices; the arrows move the vertex, else the shape, else the cursor", () => {
    const { editor, key, said } = setup([square]);
    key(".");
    expect([...editor.selection()]).toEqual(["p"]);
    key("e");
    key("e");
    expect(said.at(-1)).toBe("Vertex 2 of 4 at 200, 100");
    key("arrowright", 3);
    key("shift+arrowup");
    const points = () => (editor.store.get("p") as PolygonShape).points;
    expect(points()).toEqual([100, 100, 203, 80, 200, 200, 100, 200]);
    expect(said.at(-1)).toBe("Vertex 2 moved to 203, 80");
    key("shift+n");
    expect(points()).toEqual([100, 100, 203, 80, 201.5, 140, 200, 200, 100, 200]);
    key("delete");
    key("delete");
    expect(points()).toEqual([100, 100, 203, 80, 100, 200]);
    key("delete");
    expect(points()).toHaveLength(6); // a triangle keeps its three
    expect(said.at(-1)).toMatch(/cannot be deleted/);
    key("escape"); // lets go of the vertex: arrows move the whole shape
    key("arrowdown");
    expect(points()).toEqual([100, 101, 203, 81, 100, 201]);
    key("escape"); // clears the selection: arrows move the cursor
    const cursor = { ...editor.cursor };
    key("arrowdown");
    expect(editor.cursor.y).toBe(cursor.y + 1);
    expect(points()).toEqual([100, 101, 203, 81, 100, 201]);
    // each key press is one undo step
    key("ctrl+z");
    expect(points()).toEqual([100, 100, 203, 80, 100, 200]);
  });

  it("a box's corners are its vertices: moving one resizes the box", () => {
    const { editor, key } = setup([{ id: "b", kind: "box", label: "car", x: 100, y: 100, w: 50, h: 50 }]);
    key(".");
    key("shift+e"); // previous from none: the last corner (bottom left)
    key("shift+arrowleft");
    expect(editor.store.get("b")).toMatchObject({ x: 80, y: 100, w: 70, h: 50 });
  });

  it("a relabel by digit, a delete and an undo each say what happened", () => {
    const { key, said } = setup([square]);
    key(".");
    key("2");
    expect(said.at(-1)).toBe("Relabelled Tree");
    key("delete");
    expect(said.at(-1)).toBe("Deleted polygon Tree");
    key("ctrl+z");
    expect(said.at(-1)).toBe("Undone");
  });
});
