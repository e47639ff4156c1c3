import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MigrationOrderError, migrate, migrations } from "../../../../../electron/core/store";
import type { Migration } from "../../../../../electron/core/store";

function tables(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

describe("migrations", () => {
  it("are numbered densely from 1", () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it("are idempotent: a second run changes nothing", () => {
    const db = new Database(":memory:");
    const first = migrate(db, migrations);
    const schema = db.prepare("SELECT sql FROM sqlite_master ORDER BY name").all();
    expect(migrate(db, migrations)).toBe(first);
    expect(db.prepare("SELECT sql FROM sqlite_master ORDER BY name").all()).toEqual(schema);
    expect(first).toBe(migrations.length);
  });

  it("001 creates settings, drafts and events", () => {
    const db = new Database(":memory:");
    migrate(db, migrations.slice(0, 1));
    expect(tables(db)).toEqual(expect.arrayContaining(["drafts", "events", "settings"]));
    db.prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES ('t', '{}', 1)").run();
    // STRICT tables refuse values of the wrong type instead of storing them.
    expect(() => db.prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES ('u', '{}', 'soon')").run()).toThrow();
  });

  it("a failing step rolls back whole and leaves the version where it was", () => {
    const db = new Database(":memory:");
    const broken: Migration = {
      version: migrations.length + 1,
      name: "broken",
      up(d) {
        d.exec("CREATE TABLE half_done (x INTEGER)");
        throw new Error("disk full");
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow("disk full");
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(tables(db)).not.toContain("half_done");
  });

  it("refuses a database newer than the app, and gaps in numbering", () => {
    const db = new Database(":memory:");
    db.pragma(`user_version = ${migrations.length + 5}`);
    expect(() => migrate(db, migrations)).toThrow(MigrationOrderError);
    const gap: Migration = { version: 9, name: "gap", up() {} };
    expect(() => migrate(new Database(":memory:"), [gap])).toThrow(MigrationOrderError);
  });
});
