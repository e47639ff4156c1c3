import type { Database } from "better-sqlite3";
import type { Migration } from "./migration";

export class MigrationOrderError extends Error {
  override name = "MigrationOrderError";
}

/**
 * Brings the schema to the newest version. Each step and its version bump commit together, so
 * a crash leaves the database at a whole version; running it again is a no-op.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new MigrationOrderError(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new MigrationOrderError(
      `the database is at schema ${current}, newer than this app knows (${migrations.length}); update the app`,
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma("user_version", { simple: true }) as number;
}
