import type { Migration } from "../migration";

/**
 * The outbox: one row per submitted result (keyed by assignment address, so one result per
 * assignment), holding everything needed to finish the submit without the user: the document,
 * the blob to upload, the signed transaction, its signature and last valid block height.
 */
export const outbox: Migration = {
  version: 2,
  name: "outbox of results waiting to be uploaded, sent and confirmed",
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        task TEXT NOT NULL,
        campaign TEXT NOT NULL,
        task_label TEXT NOT NULL,
        doc TEXT NOT NULL,
        blob BLOB NOT NULL,
        result_hash TEXT NOT NULL,
        result_uri TEXT NOT NULL,
        uploaded INTEGER NOT NULL DEFAULT 0,
        tx BLOB,
        signature TEXT,
        last_valid_block_height INTEGER,
        prior_signatures TEXT NOT NULL DEFAULT '[]',
        state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'confirmed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        confirmed_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(state, next_attempt_at);
    `);
  },
};
