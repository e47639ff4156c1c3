// Market events kept in the local SQLite store: the feed reads pages from here (so it works
// offline), the charts and the price quote read aggregates computed here (so the page never
// holds 100,000 events). An event is stored once: (signature, index) is its identity.
import type { Database, Statement } from "better-sqlite3";
import type {
  FeedFilter,
  FeedFrom,
  FeedPage,
  FeedPageRequest,
  FeedRow,
  MarketCharts,
  MarketEvent,
} from "../../shared/api/market-feed";
import { RATING_BANDS, ratingBand } from "../../shared/api/market-feed";

/** The schema, shared by the app's migration and the CLI's own market file. */
export function createMarketSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS market_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      signature TEXT NOT NULL,
      idx INTEGER NOT NULL,
      slot INTEGER NOT NULL,
      time INTEGER NOT NULL,
      kind TEXT NOT NULL,
      campaign TEXT NOT NULL,
      worker TEXT,
      task TEXT,
      price INTEGER,
      fee INTEGER,
      rating INTEGER,
      band INTEGER,
      score INTEGER,
      body TEXT NOT NULL,
      UNIQUE (signature, idx)
    );
    CREATE INDEX IF NOT EXISTS market_events_order ON market_events (slot DESC, signature, idx);
    CREATE INDEX IF NOT EXISTS market_events_kind_time ON market_events (kind, time);
    CREATE INDEX IF NOT EXISTS market_events_campaign ON market_events (campaign, slot DESC);
    CREATE TABLE IF NOT EXISTS market_campaigns (
      campaign TEXT PRIMARY KEY,
      posted_at INTEGER,
      price INTEGER,
      min_rating INTEGER,
      replication INTEGER,
      deadline INTEGER,
      metadata_uri TEXT,
      metadata_hash TEXT,
      label_kind TEXT,
      task_count INTEGER NOT NULL DEFAULT 0,
      submitted INTEGER NOT NULL DEFAULT 0,
      last_submit_at INTEGER,
      closed_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS market_campaigns_posted ON market_campaigns (posted_at);
    CREATE TABLE IF NOT EXISTS market_cursor (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
}

/**
 * Indexes that hold the feed's whole order (slot, signature, idx) plus the columns its filters
 * test, so a page is found by key and a skip or a count walks the index alone, never the rows.
 * The order index of the first schema is replaced by these.
 */
export function addMarketKeysetIndexes(db: Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS market_events_keyset ON market_events (slot, signature, idx, kind, band, campaign);
    CREATE INDEX IF NOT EXISTS market_events_campaign_keyset ON market_events (campaign, slot, signature, idx, kind, band);
    DROP INDEX IF EXISTS market_events_order;
    DROP INDEX IF EXISTS market_events_campaign;
  `);
}

/** The schema as it is now, for a market file of its own (the CLI's). */
export function openMarketSchema(db: Database): void {
  createMarketSchema(db);
  addMarketKeysetIndexes(db);
}

/** A filled campaign: what it paid and how long every slot took to be submitted. */
export interface FillSample {
  readonly campaign: string;
  readonly postedAt: number;
  readonly priceLamports: number;
  readonly minRating: number;
  readonly replication: number;
  readonly labelKind: string | null;
  /** Seconds from posting to the last result; null while not filled. */
  readonly fillSeconds: number | null;
}

interface EventRow {
  seq: number;
  body: string;
  label_kind: string | null;
}

export class MarketEventStore {
  private readonly insertEvent: Statement;
  private readonly upsertPosted: Statement;
  private readonly addTasks: Statement;
  private readonly addSubmit: Statement;
  private readonly closeCampaign: Statement;
  private readonly touchCampaign: Statement;
  private readonly headStmt: Statement;
  private readonly cursorGet: Statement;
  private readonly cursorSet: Statement;
  private readonly setKind: Statement;
  private readonly unresolvedKinds: Statement;

  constructor(private readonly db: Database) {
    this.insertEvent = db.prepare(
      `INSERT OR IGNORE INTO market_events (signature, idx, slot, time, kind, campaign, worker, task, price, fee, rating, band, score, body)
       VALUES (@signature, @index, @slot, @time, @kind, @campaign, @worker, @task, @price, @fee, @rating, @band, @score, @body)`,
    );
    this.touchCampaign = db.prepare("INSERT OR IGNORE INTO market_campaigns (campaign) VALUES (?)");
    this.upsertPosted = db.prepare(
      `UPDATE market_campaigns SET posted_at = @time, price = @price, min_rating = @minRating, replication = @replication,
         deadline = @deadline, metadata_uri = @metadataUri, metadata_hash = @metadataHash WHERE campaign = @campaign`,
    );
    this.addTasks = db.prepare("UPDATE market_campaigns SET task_count = task_count + ? WHERE campaign = ?");
    this.addSubmit = db.prepare(
      "UPDATE market_campaigns SET submitted = submitted + 1, last_submit_at = MAX(COALESCE(last_submit_at, 0), ?) WHERE campaign = ?",
    );
    this.closeCampaign = db.prepare("UPDATE market_campaigns SET closed_at = ? WHERE campaign = ?");
    this.headStmt = db.prepare("SELECT COALESCE(MAX(seq), 0) AS head, COUNT(*) AS n FROM market_events");
    this.cursorGet = db.prepare("SELECT value FROM market_cursor WHERE name = ?");
    this.cursorSet = db.prepare(
      "INSERT INTO market_cursor (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    );
    this.setKind = db.prepare("UPDATE market_campaigns SET label_kind = ? WHERE campaign = ?");
    this.unresolvedKinds = db.prepare(
      "SELECT campaign, metadata_uri AS uri, metadata_hash AS hash FROM market_campaigns WHERE label_kind IS NULL AND metadata_uri IS NOT NULL LIMIT ?",
    );
  }

  /**
   * Stores what is new and returns it with its sequence numbers (duplicates, from a catch-up
   * overlapping the live stream or a replayed page, are dropped here and only here).
   */
  append(events: readonly MarketEvent[]): FeedRow[] {
    const added: FeedRow[] = [];
    this.db.transaction(() => {
      for (const e of events) {
        const info = this.insertEvent.run({
          signature: e.signature,
          index: e.index,
          slot: e.slot,
          time: e.time,
          kind: e.kind,
          campaign: e.campaign,
          worker: e.worker,
          task: e.task,
          price: e.priceLamports,
          fee: e.feeLamports,
          rating: e.workerRating,
          band: e.workerRating === null ? null : ratingBand(e.workerRating),
          score: e.score,
          body: JSON.stringify(e),
        });
        if (info.changes === 0) continue;
        this.touchCampaign.run(e.campaign);
        // Counters are sums and maxima, so history arriving newest first builds the same rows.
        if (e.kind === "campaign_posted") this.upsertPosted.run({ ...e, time: e.time, price: e.priceLamports });
        else if (e.kind === "tasks_added") this.addTasks.run(e.count ?? 0, e.campaign);
        else if (e.kind === "result_submitted") this.addSubmit.run(e.time, e.campaign);
        else if (e.kind === "campaign_closed") this.closeCampaign.run(e.time, e.campaign);
        added.push({ ...e, seq: Number(info.lastInsertRowid), labelKind: null });
      }
    })();
    return added;
  }

  head(): { head: number; count: number } {
    const row = this.headStmt.get() as { head: number; n: number };
    return { head: row.head, count: row.n };
  }

  cursor(name: string): string | null {
    return (this.cursorGet.get(name) as { value: string } | undefined)?.value ?? null;
  }

  setCursor(name: string, value: string): void {
    this.cursorSet.run(name, value);
  }

  campaignsWithoutKind(limit = 50): { campaign: string; uri: string; hash: string | null }[] {
    return this.unresolvedKinds.all(limit) as { campaign: string; uri: string; hash: string | null }[];
  }

  setLabelKind(campaign: string, kind: string): void {
    this.setKind.run(kind, campaign);
  }

  /**
   * A page of the feed, newest first, found by key: from either end or next to a row the caller
   * holds, after stepping over `skip` rows. The index walk is over (slot, signature, idx, kind,
   * band, campaign) alone; only the page's own rows are read from the table.
   */
  page(request: FeedPageRequest): FeedPage {
    const { where, params } = filterSql(request.filter ?? {}, request.atOrBefore);
    const from: FeedFrom = request.from ?? { kind: "newest" };
    const index = request.filter?.campaign ? "market_events_campaign_keyset" : "market_events_keyset";
    const newestFirst = from.kind === "newest" || from.kind === "after";
    const clauses = [where];
    if (from.kind === "after" || from.kind === "before") {
      clauses.push(
        `(e.slot, e.signature, e.idx) ${from.kind === "after" ? "<" : ">"} (@keySlot, @keySignature, @keyIndex)`,
      );
      Object.assign(params, { keySlot: from.key.slot, keySignature: from.key.signature, keyIndex: from.key.index });
    }
    const direction = newestFirst ? "DESC" : "ASC";
    const rows = this.db
      .prepare(
        `SELECT e.seq, e.body, c.label_kind FROM market_events e LEFT JOIN market_campaigns c ON c.campaign = e.campaign
         WHERE e.seq IN (
           SELECT e.seq FROM market_events e INDEXED BY ${index} WHERE ${clauses.join(" AND ")}
           ORDER BY e.slot ${direction}, e.signature ${direction}, e.idx ${direction} LIMIT @limit OFFSET @skip)
         ORDER BY e.slot DESC, e.signature DESC, e.idx DESC`,
      )
      .all({ ...params, limit: request.limit, skip: request.skip ?? 0 }) as EventRow[];
    const total = request.withTotal
      ? (
          this.db
            .prepare(`SELECT COUNT(*) AS n FROM market_events e INDEXED BY ${index} WHERE ${where}`)
            .get(params) as { n: number }
        ).n
      : null;
    return {
      total,
      head: this.head().head,
      rows: rows.map((r) => ({ ...(JSON.parse(r.body) as MarketEvent), seq: r.seq, labelKind: r.label_kind })),
    };
  }

  /** Bucketed aggregates over a window ending at `now`: a few kilobytes whatever the volume. */
  charts(windowSeconds: number, maxBuckets: number, now: number): MarketCharts {
    const bucketSeconds = niceBucket(windowSeconds / maxBuckets);
    const start = Math.floor((now - windowSeconds) / bucketSeconds) * bucketSeconds;
    const count = Math.floor((now - start) / bucketSeconds) + 1;
    const times = Array.from({ length: count }, (_, i) => start + i * bucketSeconds);
    const priceByBand = RATING_BANDS.map(() => times.map((): number | null => null));
    const resultsByBand = RATING_BANDS.map(() => times.map(() => 0));
    const feeByBucket = times.map(() => 0);
    const rows = this.db
      .prepare(
        `SELECT CAST((time - @start) / @b AS INTEGER) AS i, band, SUM(price) AS price, SUM(fee) AS fee, COUNT(*) AS n
         FROM market_events WHERE kind = 'result_submitted' AND time >= @start GROUP BY i, band`,
      )
      .all({ start, b: bucketSeconds }) as { i: number; band: number | null; price: number; fee: number; n: number }[];
    for (const r of rows) {
      if (r.i < 0 || r.i >= count) continue;
      feeByBucket[r.i]! += r.fee ?? 0;
      const band = r.band ?? ratingBand(2000);
      const n = resultsByBand[band]![r.i]! + r.n;
      const sum = (priceByBand[band]![r.i] ?? 0) * resultsByBand[band]![r.i]! + r.price;
      resultsByBand[band]![r.i] = n;
      priceByBand[band]![r.i] = Math.floor(sum / n);
    }
    const fills = this.fillSamples(0, 500, true).map((f) => ({
      campaign: f.campaign,
      priceLamports: f.priceLamports,
      minRating: f.minRating,
      seconds: f.fillSeconds ?? 0,
      labelKind: f.labelKind,
    }));
    return { bucketSeconds, times, priceByBand, resultsByBand, feeByBucket, fills, totalEvents: this.head().count };
  }

  /** Campaigns posted since `since` (unix seconds), newest first; `filledOnly` keeps filled ones. */
  fillSamples(since: number, limit: number, filledOnly = false): FillSample[] {
    const rows = this.db
      .prepare(
        `SELECT campaign, posted_at, price, min_rating, replication, label_kind, task_count, submitted, last_submit_at
         FROM market_campaigns WHERE posted_at IS NOT NULL AND posted_at >= ? AND price IS NOT NULL
         ${filledOnly ? "AND task_count > 0 AND submitted >= task_count * replication" : ""}
         ORDER BY ${filledOnly ? "last_submit_at" : "posted_at"} DESC LIMIT ?`,
      )
      .all(since, limit) as {
      campaign: string;
      posted_at: number;
      price: number;
      min_rating: number;
      replication: number;
      label_kind: string | null;
      task_count: number;
      submitted: number;
      last_submit_at: number | null;
    }[];
    return rows.map((r) => ({
      campaign: r.campaign,
      postedAt: r.posted_at,
      priceLamports: r.price,
      minRating: r.min_rating,
      replication: r.replication,
      labelKind: r.label_kind,
      fillSeconds:
        r.task_count > 0 && r.submitted >= r.task_count * r.replication && r.last_submit_at !== null
          ? Math.max(0, r.last_submit_at - r.posted_at)
          : null,
    }));
  }
}

function filterSql(
  filter: FeedFilter,
  atOrBefore: number | undefined,
): { where: string; params: Record<string, unknown> } {
  const clauses = ["1 = 1"];
  const params: Record<string, unknown> = {};
  if (atOrBefore !== undefined) {
    clauses.push("e.seq <= @atOrBefore");
    params.atOrBefore = atOrBefore;
  }
  if (filter.kinds?.length) {
    clauses.push(`e.kind IN (${filter.kinds.map((_, i) => `@k${i}`).join(", ")})`);
    filter.kinds.forEach((k, i) => (params[`k${i}`] = k));
  }
  if (filter.bands?.length) {
    clauses.push(`e.band IN (${filter.bands.map((_, i) => `@b${i}`).join(", ")})`);
    filter.bands.forEach((b, i) => (params[`b${i}`] = b));
  }
  if (filter.campaign) {
    clauses.push("e.campaign = @campaign");
    params.campaign = filter.campaign;
  }
  return { where: clauses.join(" AND "), params };
}

const NICE = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 604_800];

/** The smallest readable bucket width at least `seconds` wide. */
export function niceBucket(seconds: number): number {
  return NICE.find((n) => n >= seconds) ?? Math.ceil(seconds / 86_400) * 86_400;
}
