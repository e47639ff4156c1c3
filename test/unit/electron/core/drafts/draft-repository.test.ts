import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../../../../shared/annotation";
import type { AnnotationDocument } from "../../../../../shared/annotation";
import { DraftRepository } from "../../../../../electron/core/drafts";
import { Store } from "../../../../../electron/core/store";

describe("drafts", () => {
  it("restore exactly what was saved, and replace it on the next save", () => {
    const store = Store.open({ dataDir: mkdtempSync(join(tmpdir(), "amplify-drafts-")) });
    let clock = 1000;
    const repo = new DraftRepository(store, () => clock++);
    const doc: AnnotationDocument = {
      ...emptyDocument("task-1", [{ id: "car", name: "Car", color: "#ff0000", hotkey: "1" }]),
      shapes: [
        { id: "a", kind: "box", x: 1.5, y: 2, w: 30, h: 40, label: "car" },
        {
          id: "b",
          kind: "polygon",
          points: [0, 0, 10, 0, 10, 10],
          label: "car",
          source: { kind: "model", edited: true },
        },
      ],
      classes: ["car"],
      timeSpentMs: 1234,
    };
    expect(repo.save(doc)).toBe(1000);
    expect(repo.load("task-1")).toEqual({ doc, savedAt: 1000 });
    repo.save({ ...doc, shapes: [] });
    expect(repo.load("task-1")?.doc.shapes).toEqual([]);
    expect(repo.discard("task-1")).toBe(true);
    expect(repo.load("task-1")).toBeNull();
  });

  it("keep a draft that no longer validates on disk but do not hand it out", () => {
    const store = Store.open({ dataDir: mkdtempSync(join(tmpdir(), "amplify-drafts-")) });
    store.db
      .prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES ('t', ?, 1)")
      .run(JSON.stringify({ schema: 99 }));
    expect(new DraftRepository(store).load("t")).toBeNull();
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM drafts").get()).toEqual({ n: 1 });
  });
});
