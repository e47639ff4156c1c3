import type { Database } from "better-sqlite3";

/** One schema step. Versions are dense and ascending; a step runs once, in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
