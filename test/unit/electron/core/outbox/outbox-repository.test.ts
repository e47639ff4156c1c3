import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OutboxRepository } from "../../../../../electron/core/outbox";
import { Store } from "../../../../../electron/core/store";

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-outbox-repo-"));
  store = Store.open({ dataDir: dir });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function queue(repo: OutboxRepository, id: string): void {
  repo.add({
    id,
    task: "t",
    campaign: "c",
    taskLabel: id,
    doc: "{}",
    blob: new Uint8Array(4096),
    resultHash: "00",
    resultUri: "http://blobs/00",
    signed: null,
  });
}

describe("outbox repository", () => {
  it("says whether an assignment's result is queued, in any state", () => {
    const repo = new OutboxRepository(store);
    queue(repo, "a");
    queue(repo, "b");
    repo.markConfirmed("b");
    expect(repo.has("a")).toBe(true);
    expect(repo.has("b")).toBe(true);
    expect(repo.has("never-submitted")).toBe(false);
  });

  it("prepares each query once, however often the queue asks", () => {
    const repo = new OutboxRepository(store);
    queue(repo, "a");
    const prepare = vi.spyOn(store.db, "prepare");
    for (let i = 0; i < 500; i++) {
      repo.has(`task-${i}`);
      repo.get("a");
    }
    // add() already prepared get()'s query; has() prepares its own once.
    expect(prepare).toHaveBeenCalledTimes(1);
  });
});
