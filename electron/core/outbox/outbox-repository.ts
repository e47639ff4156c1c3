import type { Statement } from "better-sqlite3";
import type { Store } from "../store";

export type OutboxState = "queued" | "sent" | "confirmed" | "failed";

export interface OutboxRow {
  readonly id: string;
  readonly task: string;
  readonly campaign: string;
  readonly taskLabel: string;
  readonly doc: string;
  readonly blob: Uint8Array;
  readonly resultHash: string;
  readonly resultUri: string;
  readonly uploaded: boolean;
  readonly tx: Uint8Array | null;
  readonly signature: string | null;
  readonly lastValidBlockHeight: number | null;
  readonly priorSignatures: readonly string[];
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly confirmedAt: number | null;
}

export interface NewOutboxItem {
  readonly id: string;
  readonly task: string;
  readonly campaign: string;
  readonly taskLabel: string;
  readonly doc: string;
  readonly blob: Uint8Array;
  readonly resultHash: string;
  readonly resultUri: string;
  readonly signed: { tx: Uint8Array; signature: string; lastValidBlockHeight: number } | null;
}

interface Raw {
  id: string;
  task: string;
  campaign: string;
  task_label: string;
  doc: string;
  blob: Buffer;
  result_hash: string;
  result_uri: string;
  uploaded: number;
  tx: Buffer | null;
  signature: string | null;
  last_valid_block_height: number | null;
  prior_signatures: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  confirmed_at: number | null;
}

const COLUMNS_WITHOUT_BLOB =
  "id, task, campaign, task_label, doc, x'' AS blob, result_hash, result_uri, uploaded, NULL AS tx, signature, last_valid_block_height, prior_signatures, state, attempts, next_attempt_at, last_error, created_at, updated_at, confirmed_at";

export class OutboxConflictError extends Error {
  override name = "OutboxConflictError";
}

/**
 * Rows of the outbox. Every change is its own committed transaction (synchronous FULL), and
 * the sync loop writes a new signed transaction here before it sends it: after a crash the row
 * always names every signature that might have landed.
 */
export class OutboxRepository {
  /**
   * Prepared statements by SQL text. Preparing is the costly part of a query, and the task
   * queue asks "is this one queued?" for every open assignment on each prefetch step: with
   * hundreds accepted, preparing anew each time dominated core's CPU and churned native memory.
   */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.store.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Whether a result for this assignment is in the outbox, in any state (reads no blob). */
  has(id: string): boolean {
    return this.sql("SELECT 1 FROM outbox WHERE id = ?").get(id) !== undefined;
  }

  add(item: NewOutboxItem): OutboxRow {
    const at = this.now();
    return this.store.transaction("outbox:add", () => {
      const existing = this.get(item.id);
      if (existing && existing.state !== "failed") {
        if (existing.resultHash === item.resultHash) return existing;
        throw new OutboxConflictError(
          "a result for this assignment is already queued or paid; each assignment is submitted once",
        );
      }
      // A failed row was refused by the chain, so none of its signatures can land: replace it.
      if (existing) this.sql("DELETE FROM outbox WHERE id = ?").run(item.id);
      this.sql(
        `INSERT INTO outbox (id, task, campaign, task_label, doc, blob, result_hash, result_uri, tx, signature, last_valid_block_height,
             state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
      ).run(
        item.id,
        item.task,
        item.campaign,
        item.taskLabel,
        item.doc,
        Buffer.from(item.blob),
        item.resultHash,
        item.resultUri,
        item.signed ? Buffer.from(item.signed.tx) : null,
        item.signed?.signature ?? null,
        item.signed?.lastValidBlockHeight ?? null,
        at,
        at,
      );
      return this.get(item.id)!;
    });
  }

  /** Runs several changes as one durable commit (one fsync instead of one per row). */
  inTransaction<T>(fn: () => T): T {
    return this.store.transaction("outbox:batch", fn);
  }

  get(id: string): OutboxRow | null {
    const raw = this.sql("SELECT * FROM outbox WHERE id = ?").get(id) as Raw | undefined;
    return raw ? toRow(raw) : null;
  }

  /** Rows the sync loop should look at now, oldest first. */
  due(limit: number): OutboxRow[] {
    const rows = this.sql(
      "SELECT * FROM outbox WHERE state IN ('queued', 'sent') AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?",
    ).all(this.now(), limit) as Raw[];
    return rows.map(toRow);
  }

  nextDueAt(): number | null {
    const row = this.sql("SELECT MIN(next_attempt_at) AS at FROM outbox WHERE state IN ('queued', 'sent')").get() as {
      at: number | null;
    };
    return row.at;
  }

  /** Everything but the blobs and transaction bytes, for the UI. */
  list(limit = 500): OutboxRow[] {
    const rows = this.sql(`SELECT ${COLUMNS_WITHOUT_BLOB} FROM outbox ORDER BY created_at DESC, id LIMIT ?`).all(
      limit,
    ) as Raw[];
    return rows.map(toRow);
  }

  counts(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = { queued: 0, sent: 0, confirmed: 0, failed: 0 };
    for (const row of this.sql("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").all() as {
      state: OutboxState;
      n: number;
    }[]) {
      out[row.state] = row.n;
    }
    return out;
  }

  markUploaded(id: string): void {
    this.update(id, "uploaded = 1, last_error = NULL");
  }

  /** Records a (new) signed transaction before it is sent; the old signature is kept as prior. */
  setSigned(id: string, tx: Uint8Array, signature: string, lastValidBlockHeight: number): void {
    this.store.transaction("outbox:sign", () => {
      const row = this.get(id);
      if (!row) return;
      const prior = row.signature ? [...row.priorSignatures, row.signature] : [...row.priorSignatures];
      this.sql(
        "UPDATE outbox SET tx = ?, signature = ?, last_valid_block_height = ?, prior_signatures = ?, updated_at = ? WHERE id = ?",
      ).run(Buffer.from(tx), signature, lastValidBlockHeight, JSON.stringify(prior), this.now(), id);
    });
  }

  markSent(id: string, recheckAt: number): void {
    this.update(id, "state = 'sent', next_attempt_at = ?, last_error = NULL", recheckAt);
  }

  markConfirmed(id: string): void {
    const at = this.now();
    this.update(id, "state = 'confirmed', confirmed_at = ?, last_error = NULL", at);
  }

  markFailed(id: string, reason: string): void {
    this.update(id, "state = 'failed', last_error = ?", reason);
  }

  /**
   * Puts a failed row back in the queue. Its transaction landed with an error or can no longer
   * land, so it is set aside (kept as prior) and the loop signs afresh after checking the chain.
   */
  resetForRetry(id: string): void {
    this.store.transaction("outbox:retry", () => {
      const row = this.get(id);
      if (!row || row.state !== "failed") return;
      const prior = row.signature ? [...row.priorSignatures, row.signature] : [...row.priorSignatures];
      this.sql(
        "UPDATE outbox SET state = 'queued', tx = NULL, signature = NULL, last_valid_block_height = NULL, prior_signatures = ?, attempts = 0, next_attempt_at = 0, last_error = NULL, updated_at = ? WHERE id = ?",
      ).run(JSON.stringify(prior), this.now(), id);
    });
  }

  /** Rows that only waited for the keystore become due at once (it was just unlocked). */
  wakeWaitingForKey(): void {
    this.sql(
      "UPDATE outbox SET next_attempt_at = 0, last_error = NULL WHERE state IN ('queued', 'sent') AND last_error LIKE 'waiting for the keystore%'",
    ).run();
  }

  /** A transient problem: try again later, keeping whatever progress was made. */
  retryLater(id: string, reason: string, at: number): void {
    this.update(id, "attempts = attempts + 1, next_attempt_at = ?, last_error = ?", at, reason);
  }

  /** Waits without counting an attempt (e.g. waiting for confirmation or for the keystore). */
  waitUntil(id: string, at: number, note: string | null = null): void {
    this.update(id, "next_attempt_at = ?, last_error = ?", at, note);
  }

  private update(id: string, set: string, ...values: (string | number | null)[]): void {
    this.sql(`UPDATE outbox SET ${set}, updated_at = ? WHERE id = ?`).run(...values, this.now(), id);
  }
}

function toRow(raw: Raw): OutboxRow {
  return {
    id: raw.id,
    task: raw.task,
    campaign: raw.campaign,
    taskLabel: raw.task_label,
    doc: raw.doc,
    blob: new Uint8Array(raw.blob),
    resultHash: raw.result_hash,
    resultUri: raw.result_uri,
    uploaded: raw.uploaded === 1,
    tx: raw.tx ? new Uint8Array(raw.tx) : null,
    signature: raw.signature,
    lastValidBlockHeight: raw.last_valid_block_height,
    priorSignatures: JSON.parse(raw.prior_signatures) as string[],
    state: raw.state,
    attempts: raw.attempts,
    nextAttemptAt: raw.next_attempt_at,
    lastError: raw.last_error,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    confirmedAt: raw.confirmed_at,
  };
}
