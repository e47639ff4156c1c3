import { describe, expect, it } from "vitest";
import type { Label, Shape } from "../../../../shared/annotation";
import { documentProblems } from "../../../../shared/annotation";
import {
  attributeSentence,
  parseAttributeInput,
  setShapeAttribute,
} from "../../../../renderer/src/canvas/editor/attribute-edit";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { describeShape } from "../../../../renderer/src/canvas/shape-description";
import { editorHarness } from "./editor-harness";

const car: Label = {
  id: "car",
  name: "Car",
  color: "#ff0000",
  attributes: [
    { id: "occluded", name: "occluded", type: "checkbox" },
    { id: "colour", name: "colour", type: "select", options: ["red", "blue"], default: "red" },
    { id: "doors", name: "doors", type: "number", min: 0, max: 9 },
    { id: "note", name: "note", type: "text", maxLength: 10 },
  ],
};
const tree: Label = {
  id: "tree",
  name: "Tree",
  color: "#00ff00",
  attributes: [{ id: "occluded", name: "occluded", type: "checkbox" }],
};
const sign: Label = { id: "sign", name: "Sign", color: "#0000ff" };
const schema: LabelSchema = { labels: [car, tree, sign], classes: [], classification: "none", tools: ["box"] };
const box = (id: string, label: string, attributes?: Shape["attributes"]): Shape => ({
  id,
  kind: "box",
  label,
  x: 10,
  y: 10,
  w: 20,
  h: 20,
  ...(attributes ? { attributes } : {}),
});

function setup(shapes: Shape[]) {
  let focused = 0;
  const h = editorHarness({
    schema,
    image: { width: 100, height: 100 },
    view: { width: 100, height: 100, scale: 1 },
    shapes,
    host: { focusAttributes: () => (focused++, true) },
  });
  return { ...h, focused: () => focused };
}

describe("shape attributes", () => {
  it("Shift+A opens the attributes of the one selected shape, and says why when it cannot", () => {
    const { editor, key, said, focused } = setup([box("a", "car"), box("b", "sign"), box("c", "car")]);
    key("shift+a");
    expect(said.at(-1)).toBe("Select a shape to set its attributes");
    editor.setSelection(["a", "c"]);
    key("shift+a");
    expect(said.at(-1)).toBe("Select one shape to set its attributes");
    editor.setSelection(["b"]);
    key("shift+a");
    expect(said.at(-1)).toBe("Sign has no attributes");
    expect(focused()).toBe(0);
    editor.setSelection(["a"]);
    key("shift+a");
    expect(focused()).toBe(1);
  });

  it("sets each type as one undo step, announced, and refuses values outside the spec", () => {
    const { editor, key, said } = setup([box("a", "car")]);
    editor.setSelection(["a"]);
    expect(setShapeAttribute(editor, "a", car.attributes![0]!, true)).toBe(true);
    expect(said.at(-1)).toBe("occluded on");
    setShapeAttribute(editor, "a", car.attributes![1]!, "blue");
    expect(said.at(-1)).toBe("colour blue");
    setShapeAttribute(editor, "a", car.attributes![2]!, 4);
    setShapeAttribute(editor, "a", car.attributes![3]!, "dented");
    expect(editor.store.get("a")?.attributes).toEqual({ occluded: true, colour: "blue", doors: 4, note: "dented" });
    expect(describeShape(editor.store.get("a")!, car, 1)).toBe(
      "1. Box, Car, at 10, 10, 20 by 20 pixels, occluded, colour blue, doors 4, note dented",
    );
    // refused: not one of the options, above max, too long; the shape keeps its values
    expect(setShapeAttribute(editor, "a", car.attributes![1]!, "green")).toBe(false);
    expect(setShapeAttribute(editor, "a", car.attributes![2]!, 12)).toBe(false);
    expect(setShapeAttribute(editor, "a", car.attributes![3]!, "far too long a note")).toBe(false);
    expect(editor.store.get("a")?.attributes).toEqual({ occluded: true, colour: "blue", doors: 4, note: "dented" });
    key("ctrl+z");
    expect(editor.store.get("a")?.attributes?.note).toBeUndefined();
    key("ctrl+z", 3);
    expect(editor.store.get("a")?.attributes ?? {}).toEqual({});
    key("ctrl+shift+z");
    expect(editor.store.get("a")?.attributes).toEqual({ occluded: true });
  });

  it("reads a control's text by the spec's type", () => {
    const [, , doors, note] = car.attributes!;
    expect(parseAttributeInput(doors!, "3")).toBe(3);
    expect(parseAttributeInput(doors!, "three")).toEqual({ problem: "doors must be a number" });
    expect(parseAttributeInput(doors!, "10")).toEqual({ problem: "doors must be at most 9" });
    expect(parseAttributeInput(note!, "ok")).toBe("ok");
    expect(attributeSentence(note!, "")).toBe("note cleared");
  });

  it("a relabelled shape keeps the attributes its new label has and drops the others", () => {
    const { editor, key } = setup([box("a", "car", { occluded: true, colour: "blue", doors: 2 })]);
    editor.setSelection(["a"]);
    key("2"); // Tree
    expect(editor.store.get("a")).toMatchObject({ label: "tree", attributes: { occluded: true } });
    expect(documentProblems({ labels: schema.labels, shapes: editor.store.shapes() })).toEqual([]);
    key("3"); // Sign: no attributes at all
    expect(editor.store.get("a")?.attributes).toBeUndefined();
    key("1"); // back to Car: defaults
    expect(editor.store.get("a")?.attributes).toEqual({ occluded: false, colour: "red" });
  });
});
