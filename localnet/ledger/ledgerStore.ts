// Durable ledger state. Every processed transaction is written — its record, its touched
// accounts and its address index — in one SQLite transaction with synchronous=FULL before
// anyone is told it landed, so a confirmed transaction survives SIGKILL or power loss.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface StoredAccount {
  address: string;
  lamports: bigint;
  owner: string;
  executable: boolean;
  data: Uint8Array;
}

export interface StoredTransaction {
  seq: number;
  signature: string;
  slot: number;
  blockTime: number;
  wire: Uint8Array;
  /** JSON of the validator-shaped `meta` object. */
  meta: string;
  err: string | null;
}

export interface NewTransaction {
  signature: string;
  slot: number;
  blockTime: number;
  wire: Uint8Array;
  meta: string;
  err: string | null;
  addresses: string[];
}

const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE accounts (address TEXT PRIMARY KEY, lamports INTEGER NOT NULL, owner TEXT NOT NULL,
     executable INTEGER NOT NULL, data BLOB NOT NULL);
   CREATE TABLE transactions (seq INTEGER PRIMARY KEY AUTOINCREMENT, signature TEXT NOT NULL UNIQUE,
     slot INTEGER NOT NULL, block_time INTEGER NOT NULL, wire BLOB NOT NULL, meta TEXT NOT NULL, err TEXT);
   CREATE TABLE address_signatures (address TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (address, seq))
     WITHOUT ROWID;`,
];

export class LedgerStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(home: string) {
    fs.mkdirSync(home, { recursive: true });
    this.db = new Database(path.join(home, "ledger.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.defaultSafeIntegers(true);
    this.migrate();
    this.stmts = {
      getMeta: this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      setMeta: this.db.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
      upsertAccount: this.db.prepare(
        `INSERT INTO accounts (address, lamports, owner, executable, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(address) DO UPDATE SET lamports = excluded.lamports, owner = excluded.owner,
         executable = excluded.executable, data = excluded.data`,
      ),
      deleteAccount: this.db.prepare("DELETE FROM accounts WHERE address = ?"),
      insertTx: this.db.prepare(
        "INSERT INTO transactions (signature, slot, block_time, wire, meta, err) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      insertAddressSig: this.db.prepare("INSERT OR IGNORE INTO address_signatures (address, seq) VALUES (?, ?)"),
      txBySig: this.db.prepare<[string], RawTxRow>("SELECT * FROM transactions WHERE signature = ?"),
      seqBySig: this.db.prepare<[string], { seq: bigint }>("SELECT seq FROM transactions WHERE signature = ?"),
      sigsForAddress: this.db.prepare<[string, bigint, bigint, number], RawTxRow>(
        `SELECT t.* FROM address_signatures a JOIN transactions t ON t.seq = a.seq
         WHERE a.address = ? AND a.seq < ? AND a.seq > ? ORDER BY a.seq DESC LIMIT ?`,
      ),
      txCount: this.db.prepare<[], { n: bigint }>("SELECT COUNT(*) AS n FROM transactions"),
      allAccounts: this.db.prepare<[], RawAccountRow>("SELECT * FROM accounts"),
    };
  }

  private migrate(): void {
    const version = Number(this.db.pragma("user_version", { simple: true }));
    for (let v = version; v < MIGRATIONS.length; v++) {
      const sql = MIGRATIONS[v] as string;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  getMeta(key: string): string | undefined {
    return this.stmts.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  loadAccounts(): StoredAccount[] {
    return this.stmts.allAccounts.all().map((r) => ({
      address: r.address,
      lamports: r.lamports,
      owner: r.owner,
      executable: r.executable !== 0n,
      data: new Uint8Array(r.data),
    }));
  }

  /** Persists accounts (null = deleted) and, when given, a transaction, atomically and durably. */
  commit(
    accounts: Array<StoredAccount | { address: string; deleted: true }>,
    tx?: NewTransaction,
    slot?: number,
  ): void {
    this.db.transaction(() => {
      for (const a of accounts) {
        if ("deleted" in a) this.stmts.deleteAccount.run(a.address);
        else this.stmts.upsertAccount.run(a.address, a.lamports, a.owner, a.executable ? 1 : 0, a.data);
      }
      if (tx) {
        const info = this.stmts.insertTx.run(tx.signature, tx.slot, tx.blockTime, tx.wire, tx.meta, tx.err);
        for (const address of new Set(tx.addresses)) this.stmts.insertAddressSig.run(address, info.lastInsertRowid);
      }
      if (slot !== undefined) this.stmts.setMeta.run("slot", String(slot));
    })();
  }

  /** Several transactions' records in one durable SQLite transaction (group commit). */
  commitMany(
    items: Array<{ accounts: Array<StoredAccount | { address: string; deleted: true }>; tx: NewTransaction }>,
    slot: number,
  ): void {
    this.db.transaction(() => {
      for (const item of items) this.commit(item.accounts, item.tx);
      this.stmts.setMeta.run("slot", String(slot));
    })();
  }

  getTransaction(signature: string): StoredTransaction | undefined {
    const row = this.stmts.txBySig.get(signature);
    return row ? toStoredTransaction(row) : undefined;
  }

  hasTransaction(signature: string): boolean {
    return this.stmts.seqBySig.get(signature) !== undefined;
  }

  /** Newest first, strictly between `until` and `before` (signatures), like the validator. */
  signaturesForAddress(address: string, opts: { before?: string; until?: string; limit: number }): StoredTransaction[] {
    const before = opts.before ? (this.stmts.seqBySig.get(opts.before)?.seq ?? 0n) : BigInt(Number.MAX_SAFE_INTEGER);
    const until = opts.until ? (this.stmts.seqBySig.get(opts.until)?.seq ?? 0n) : 0n;
    return this.stmts.sigsForAddress.all(address, before, until, opts.limit).map(toStoredTransaction);
  }

  transactionCount(): number {
    return Number(this.stmts.txCount.get()?.n ?? 0n);
  }

  close(): void {
    this.db.close();
  }
}

interface RawTxRow {
  seq: bigint;
  signature: string;
  slot: bigint;
  block_time: bigint;
  wire: Buffer;
  meta: string;
  err: string | null;
}

interface RawAccountRow {
  address: string;
  lamports: bigint;
  owner: string;
  executable: bigint;
  data: Buffer;
}

function toStoredTransaction(r: RawTxRow): StoredTransaction {
  return {
    seq: Number(r.seq),
    signature: r.signature,
    slot: Number(r.slot),
    blockTime: Number(r.block_time),
    wire: new Uint8Array(r.wire),
    meta: r.meta,
    err: r.err,
  };
}
