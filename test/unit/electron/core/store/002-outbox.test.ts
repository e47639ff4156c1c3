import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, migrations } from "../../../../../electron/core/store";

describe("migration 002 (outbox)", () => {
  it("creates the outbox with a state check and one row per assignment", () => {
    const db = new Database(":memory:");
    migrate(db, migrations.slice(0, 2));
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    const insert = db.prepare(
      "INSERT INTO outbox (id, task, campaign, task_label, doc, blob, result_hash, result_uri, state, created_at, updated_at) VALUES (?, 't', 'c', 'l', '{}', x'00', 'h', 'u', ?, 1, 1)",
    );
    insert.run("a", "queued");
    expect(() => insert.run("a", "queued")).toThrow();
    expect(() => insert.run("b", "lost")).toThrow();
    const row = db.prepare("SELECT uploaded, attempts, prior_signatures, tx FROM outbox WHERE id = 'a'").get();
    expect(row).toEqual({ uploaded: 0, attempts: 0, prior_signatures: "[]", tx: null });
  });

  it("upgrades a version-1 database that already holds drafts", () => {
    const db = new Database(":memory:");
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES ('t', '{}', 1)").run();
    migrate(db, migrations.slice(0, 2));
    expect(db.prepare("SELECT COUNT(*) AS n FROM drafts").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM outbox").get()).toEqual({ n: 0 });
  });
});
