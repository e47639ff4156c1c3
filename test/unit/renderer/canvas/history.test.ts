import { describe, expect, it } from "vitest";
import type { Shape } from "../../../../shared/annotation";
import { History } from "../../../../renderer/src/canvas/history/history";
import { DocumentStore } from "../../../../renderer/src/canvas/model/document-store";
import { seededRandom } from "../../../../shared/random";

function setup(shapes: Shape[] = []) {
  const store = new DocumentStore(
    "t",
    [{ id: "a", name: "A", color: "#ff0000" }],
    { width: 1000, height: 1000 },
    {
      schema: 2,
      taskId: "t",
      labels: [],
      shapes,
      classes: [],
      timeSpentMs: 0,
    },
  );
  const history = new History(store);
  store.onChange((diff, recorded) => recorded && history.push(diff));
  return { store, history };
}

const box = (id: string, x: number): Shape => ({ id, kind: "box", label: "a", x, y: 0, w: 10, h: 10 });

describe("history", () => {
  it("merges the moves of one marked gesture into one undo step and bails back to the mark", () => {
    const { store, history } = setup([box("a", 0)]);
    history.mark();
    for (let x = 1; x <= 50; x++) store.update([box("a", x)]);
    history.commit();
    expect((store.get("a") as { x: number }).x).toBe(50);
    history.undo();
    expect((store.get("a") as { x: number }).x).toBe(0);
    history.redo();
    expect((store.get("a") as { x: number }).x).toBe(50);

    history.mark();
    store.update([box("a", 70)]);
    history.bail();
    expect((store.get("a") as { x: number }).x).toBe(50);
    history.undo();
    expect((store.get("a") as { x: number }).x).toBe(0);
  });

  it("restores a deleted shape at its old stacking position", () => {
    const { store, history } = setup([box("a", 0), box("b", 1), box("c", 2)]);
    store.remove(["b"]);
    expect(store.shapes().map((s) => s.id)).toEqual(["a", "c"]);
    history.undo();
    expect(store.shapes().map((s) => s.id)).toEqual(["a", "b", "c"]);
  });

  it("a new edit clears redo", () => {
    const { store, history } = setup([box("a", 0)]);
    store.update([box("a", 5)]);
    history.undo();
    expect(history.canRedo).toBe(true);
    store.update([box("a", 9)]);
    expect(history.canRedo).toBe(false);
  });

  it("fuzz: random edits, undo all, equals the start; redo all, equals the end", () => {
    const start = Array.from({ length: 50 }, (_, i) => box(`s${i}`, i));
    const { store, history } = setup(start);
    const random = seededRandom(42);
    let next = 0;
    for (let step = 0; step < 400; step++) {
      const ids = store.shapes().map((s) => s.id);
      const pick = () => ids[Math.floor(random() * ids.length)] as string;
      const r = random();
      const marked = random() < 0.3;
      if (marked) history.mark();
      if (r < 0.3) store.add([box(`n${next++}`, Math.floor(random() * 900))]);
      else if (r < 0.5 && ids.length > 0) store.remove([pick()]);
      else if (r < 0.9 && ids.length > 0) {
        const id = pick();
        for (let k = 0; k < 3; k++) store.update([box(id, Math.floor(random() * 900))]);
      } else store.setClasses(random() < 0.5 ? ["a"] : []);
      if (marked && random() < 0.2) history.bail();
      else if (marked) history.commit();
    }
    const end = JSON.stringify({ shapes: store.shapes(), classes: store.classes });
    while (history.undo());
    expect(store.shapes()).toEqual(start);
    expect(store.classes).toEqual([]);
    while (history.redo());
    expect(JSON.stringify({ shapes: store.shapes(), classes: store.classes })).toBe(end);
  });

  it("at 10,000 shapes a step holds only what changed, and undo restores the document", () => {
    const shapes = Array.from({ length: 10_000 }, (_, i) => box(`s${i}`, i % 900));
    const { store, history } = setup(shapes);
    store.update([box("s7", 5)]);
    // A snapshot history would hold all 10,000 shapes here; a diff holds the one that moved.
    expect(history.nextUndoSize).toBe(1);
    history.mark();
    for (let i = 0; i < 3; i++) store.update([box(`s${i}`, 6)]);
    store.remove(["s9"]);
    history.commit();
    expect(history.nextUndoSize).toBe(4);
    while (history.undo());
    expect(store.shapes()).toEqual(shapes);
  });
});
