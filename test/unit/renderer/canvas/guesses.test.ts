import { describe, expect, it } from "vitest";
import type { AnnotationDocument, BoxShape, Shape } from "../../../../shared/annotation";
import { runAction } from "../../../../renderer/src/canvas/editor/commands";
import { Editor } from "../../../../renderer/src/canvas/editor/editor";
import { showGuesses } from "../../../../renderer/src/canvas/editor/guesses";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { quietHost } from "../tools/editor-harness";

const schema: LabelSchema = {
  labels: [{ id: "person", name: "person", color: "#ff0000" }],
  classes: [],
  classification: "none",
  tools: ["box"],
};
const host = quietHost();
const guess = (id: string, x: number, label = "person"): BoxShape => ({
  id,
  kind: "box",
  label,
  x,
  y: 10,
  w: 50,
  h: 50,
  source: { kind: "model", model: "m@1", score: 0.9 },
});

function editorWith(shapes: Shape[] = []) {
  const doc: AnnotationDocument = { schema: 2, taskId: "t", labels: [], shapes, classes: [], timeSpentMs: 0 };
  const editor = new Editor({ taskId: "t", image: { width: 400, height: 300 }, schema, document: doc });
  return {
    editor,
    act: (action: string) => runAction(editor, action, host),
    sources: () => editor.store.shapes().map((s) => s.source),
  };
}

describe("first guesses on the canvas", () => {
  it("arrive as unrecorded pre-labels with fresh ids, dropping labels the campaign lacks; undo does not take them away", () => {
    const { editor } = editorWith([
      { id: "h", kind: "box", label: "person", x: 300, y: 10, w: 20, h: 20, source: { kind: "human" } },
    ]);
    expect(showGuesses(editor, [guess("fg-1", 10), guess("fg-2", 100, "truck")])).toBe(1);
    const added = editor.store.shapes().filter((s) => s.source?.kind === "model");
    expect(added).toHaveLength(1);
    expect(added[0]?.id).toMatch(/^guess-/);
    expect(editor.history.canUndo).toBe(false);
    // A document that already holds model shapes (a draft) does not get them twice.
    expect(showGuesses(editor, [guess("fg-1", 10)])).toBe(0);
  });

  it("accept-all (G) confirms untouched guesses, reject-all (Shift+G) removes them, each one undo step; edited ones stay", () => {
    const { editor, act, sources } = editorWith();
    showGuesses(editor, [guess("a", 10), guess("b", 100), guess("c", 200)]);
    const [first] = editor.store.shapes();
    editor.setSelection([first!.id]);
    expect(act("nudge.right")).toBe(true);
    expect(sources().filter((s) => s?.edited)).toHaveLength(1);

    expect(act("guesses.rejectAll")).toBe(true);
    expect(editor.store.count).toBe(1); // only the edited guess is left
    act("edit.undo");
    expect(editor.store.count).toBe(3);

    expect(act("guesses.acceptAll")).toBe(true);
    expect(sources()).toEqual([
      { kind: "model", model: "m@1", score: 0.9, edited: true },
      { kind: "model", model: "m@1", score: 0.9, accepted: true },
      { kind: "model", model: "m@1", score: 0.9, accepted: true },
    ]);
    // Nothing left to judge: both keys do nothing (and let the key through).
    expect(act("guesses.acceptAll")).toBe(false);
    expect(act("guesses.rejectAll")).toBe(false);
    act("edit.undo");
    expect(sources().filter((s) => s?.accepted)).toHaveLength(0);
  });
});
