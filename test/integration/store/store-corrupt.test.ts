import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATABASE_FILE, Store, StoreCorruptError } from "../../../electron/core/store";

describe("a corrupt database file", () => {
  it.each([
    ["random bytes", () => randomBytes(64 * 1024)],
    [
      "a damaged page of a real database",
      (path: string) => {
        const good = readFileSync(path);
        const damaged = Buffer.from(good);
        damaged.fill(0xa5, 4096, 8192); // overwrite page 2
        return damaged;
      },
    ],
  ])("(%s) gives a clear error with the path and a recovery hint, and is never replaced", (_name, corrupt) => {
    const dataDir = mkdtempSync(join(tmpdir(), "amplify-corrupt-"));
    const path = join(dataDir, DATABASE_FILE);
    const seeded = Store.open({ dataDir });
    seeded.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const insert = seeded.db.prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES (?, ?, 1)");
    for (let i = 0; i < 200; i++) insert.run(`task-${i}`, "x".repeat(200));
    seeded.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    seeded.close();

    const bytes = corrupt(path);
    writeFileSync(path, bytes);

    let error: unknown;
    try {
      Store.open({ dataDir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreCorruptError);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toMatch(/move the file aside/);
    expect(message).toMatch(/\.recover/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
