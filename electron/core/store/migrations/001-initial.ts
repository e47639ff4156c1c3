import type { Migration } from "../migration";

export const initial: Migration = {
  version: 1,
  name: "settings, drafts and the event log",
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE drafts (
        task_id TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        saved_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_at ON events(at);
    `);
  },
};
