import Database from "better-sqlite3";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { StoreHealth } from "../../../shared/api";
import { migrate } from "./migrate";
import type { Migration } from "./migration";
import { migrations as allMigrations } from "./migrations";
import { StoreCorruptError } from "./store-errors";

export const DATABASE_FILE = "amplify.db";

export interface StoreOptions {
  readonly dataDir: string;
  readonly migrations?: readonly Migration[];
  /** Logs statements slower than this many milliseconds (Signal's slow-query log). */
  readonly slowQueryMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * The one writer connection to the local database. Domain modules get it through this class
 * and keep their own prepared statements; nobody else opens the file.
 */
export class Store {
  readonly path: string;
  readonly db: Database.Database;
  private readonly slowQueryMs: number;
  private readonly log: (line: string) => void;

  private constructor(path: string, db: Database.Database, options: StoreOptions) {
    this.path = path;
    this.db = db;
    this.slowQueryMs = options.slowQueryMs ?? 50;
    this.log = options.log ?? (() => {});
  }

  static open(options: StoreOptions): Store {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const path = join(options.dataDir, DATABASE_FILE);
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: false });
    } catch (error) {
      throw new StoreCorruptError(path, message(error));
    }
    try {
      db.pragma("journal_mode = WAL");
      // NORMAL in WAL mode is durable against process crashes; FULL adds power-loss safety for
      // the commit itself, which the outbox relies on.
      db.pragma("synchronous = FULL");
      db.pragma("foreign_keys = ON");
      db.pragma("busy_timeout = 5000");
      const check = db.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`quick_check: ${String(check)}`);
      migrate(db, options.migrations ?? allMigrations);
    } catch (error) {
      db.close();
      if (error instanceof Error && error.name === "MigrationOrderError") throw error;
      throw new StoreCorruptError(path, message(error));
    }
    return new Store(path, db, options);
  }

  /** Runs fn in one transaction and logs it when slow. */
  transaction<T>(label: string, fn: () => T): T {
    const started = performance.now();
    try {
      return this.db.transaction(fn)();
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > this.slowQueryMs) this.log(`slow transaction ${label}: ${elapsed.toFixed(1)} ms`);
    }
  }

  health(): StoreHealth {
    try {
      const schemaVersion = this.db.pragma("user_version", { simple: true }) as number;
      const journalMode = String(this.db.pragma("journal_mode", { simple: true }));
      let sizeBytes = 0;
      for (const suffix of ["", "-wal"]) {
        try {
          sizeBytes += statSync(this.path + suffix).size;
        } catch {
          // the WAL file may not exist between checkpoints
        }
      }
      return { ok: true, path: this.path, schemaVersion, journalMode, sizeBytes };
    } catch (error) {
      return {
        ok: false,
        path: this.path,
        schemaVersion: 0,
        journalMode: "unknown",
        sizeBytes: 0,
        message: message(error),
      };
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
