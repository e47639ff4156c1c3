// The feed's pages are found by key: walking a list of thousands of events page by page (down by
// "after", up by "before", from either end, with jumps) gives exactly the rows of the full order,
// for every filter, and the queries walk an index in order rather than sorting or reading rows.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { getBase58Decoder } from "@solana/kit";
import { beforeAll, describe, expect, it } from "vitest";
import { MarketEventStore, openMarketSchema } from "../../../../lib/market";
import type { FeedFilter, FeedKey, FeedRow, MarketEvent, MarketEventKind } from "../../../../shared/api";
import { ratingBand } from "../../../../shared/api";

const EVENTS = 3_000;
const PAGE = 100;
const b58 = getBase58Decoder();
const KINDS: MarketEventKind[] = ["task_accepted", "result_submitted", "review_posted", "tasks_added"];
const campaigns = Array.from({ length: 7 }, () => b58.decode(randomBytes(32)));
let db: Database.Database;
let store: MarketEventStore;
let all: MarketEvent[];

function event(n: number): MarketEvent {
  return {
    // several events per transaction and several transactions per slot, stored out of order
    signature: b58.decode(randomBytes(64)),
    index: n % 3,
    slot: 5_000 + Math.floor(n / 7),
    time: 1_700_000_000 + n,
    kind: KINDS[n % KINDS.length]!,
    campaign: campaigns[n % campaigns.length]!,
    worker: campaigns[(n + 3) % campaigns.length]!,
    task: null,
    priceLamports: 1_000,
    feeLamports: 50,
    workerRating: (n * 997) % 10_001,
    score: null,
    minRating: null,
    replication: null,
    deadline: null,
    metadataUri: null,
    metadataHash: null,
    count: null,
  };
}

const keyOf = (r: { slot: number; signature: string; index: number }): FeedKey => ({
  slot: r.slot,
  signature: r.signature,
  index: r.index,
});
const id = (r: { signature: string; index: number }) => `${r.signature}/${r.index}`;
/** The feed's order, newest first, computed here without SQL. */
const ordered = (events: MarketEvent[]) =>
  [...events].sort(
    (a, b) =>
      b.slot - a.slot || (a.signature < b.signature ? 1 : a.signature > b.signature ? -1 : 0) || b.index - a.index,
  );
/** Null when the lists are the same, else where they first differ (a diff of thousands of rows would not print). */
function firstDifference(actual: string[], expected: string[]): string | null {
  const at = actual.findIndex((row, i) => row !== expected[i]);
  if (at === -1 && actual.length === expected.length) return null;
  const i = at === -1 ? Math.min(actual.length, expected.length) : at;
  return `at row ${i} of ${expected.length} (got ${actual.length} rows): ${actual[i] ?? "nothing"} instead of ${expected[i] ?? "nothing"}`;
}
const matches = (filter: FeedFilter) => (e: MarketEvent) =>
  (!filter.kinds || filter.kinds.includes(e.kind)) &&
  (!filter.bands || filter.bands.includes(ratingBand(e.workerRating ?? 2000))) &&
  (!filter.campaign || filter.campaign === e.campaign);

beforeAll(() => {
  db = new Database(":memory:");
  openMarketSchema(db);
  store = new MarketEventStore(db);
  all = Array.from({ length: EVENTS }, (_, n) => event(n));
  // history arrives newest first, live events after: insertion order is not the feed's order
  const shuffled = [...all].sort(() => Math.random() - 0.5);
  for (let i = 0; i < shuffled.length; i += 500) store.append(shuffled.slice(i, i + 500));
});

describe("the market feed's keyset pages", () => {
  const filters: [string, FeedFilter][] = [
    ["no filter", {}],
    ["results only", { kinds: ["result_submitted"] }],
    ["results and reviews in band 2", { kinds: ["result_submitted", "review_posted"], bands: [2] }],
    ["one campaign", { campaign: campaigns[2]! }],
    ["one campaign's accepts", { campaign: campaigns[4]!, kinds: ["task_accepted"] }],
  ];

  it.each(filters)("walks %s page by page, down by key and back up by key, as the full order", (_name, filter) => {
    const expected = ordered(all.filter(matches(filter))).map(id);
    const first = store.page({ filter, limit: PAGE, withTotal: true });
    expect(first.total).toBe(expected.length);
    const down: FeedRow[] = [];
    // bounded: a key that does not move the walk on must fail here, not loop
    for (let page = first.rows, n = 0; page.length > 0 && n <= EVENTS / PAGE; n++) {
      down.push(...page);
      page = store.page({ filter, limit: PAGE, from: { kind: "after", key: keyOf(page.at(-1)!) } }).rows;
    }
    expect(firstDifference(down.map(id), expected)).toBeNull();

    // back up from the oldest end, page by page, each page newest first
    const up: FeedRow[][] = [];
    for (
      let page = store.page({ filter, limit: PAGE, from: { kind: "oldest" } }).rows, n = 0;
      page.length > 0 && n <= EVENTS / PAGE;
      n++
    ) {
      up.push(page);
      page = store.page({ filter, limit: PAGE, from: { kind: "before", key: keyOf(page[0]!) } }).rows;
    }
    expect(firstDifference(up.reverse().flat().map(id), expected)).toBeNull();
  });

  it("jumps: a skip from either end or from a held row lands on the same rows as the full order", () => {
    const expected = ordered(all).map(id);
    const at = (start: number, rows: FeedRow[]) => expect(rows.map(id)).toEqual(expected.slice(start, start + PAGE));
    at(1_700, store.page({ limit: PAGE, skip: 1_700 }).rows);
    at(EVENTS - 2 * PAGE, store.page({ limit: PAGE, from: { kind: "oldest" }, skip: PAGE }).rows);
    const held = store.page({ limit: PAGE, skip: 1_000 }).rows;
    // the page starting 3 pages below the held one, and the page ending 2 pages above it
    at(
      1_000 + 4 * PAGE,
      store.page({ limit: PAGE, from: { kind: "after", key: keyOf(held.at(-1)!) }, skip: 3 * PAGE }).rows,
    );
    at(
      1_000 - 3 * PAGE,
      store.page({ limit: PAGE, from: { kind: "before", key: keyOf(held[0]!) }, skip: 2 * PAGE }).rows,
    );
  });

  it("holds a paused view still: rows stored later stay out of every page and the count", () => {
    const head = store.head().head;
    store.append([{ ...event(EVENTS + 1), slot: 99_999 }]);
    const paused = store.page({ limit: PAGE, atOrBefore: head, withTotal: true });
    expect(paused.total).toBe(EVENTS);
    expect(paused.rows.map(id)).toEqual(ordered(all).slice(0, PAGE).map(id));
    expect(store.page({ limit: 1 }).rows[0]!.slot).toBe(99_999);
    expect(store.page({ limit: 1 }).total).toBeNull();
  });

  it("finds a page through an index in the feed's order, never by sorting or reading the rows it steps over", () => {
    // Record what the store asks SQLite, then ask SQLite how it runs each of those queries.
    const asked: { sql: string; args: unknown[] }[] = [];
    const prepare = db.prepare.bind(db);
    const recording = new MarketEventStore(
      new Proxy(db, {
        get(target, property) {
          if (property !== "prepare") return Reflect.get(target, property, target) as unknown;
          return (sql: string) => {
            const statement = prepare(sql);
            return new Proxy(statement, {
              get(st, name) {
                const value = Reflect.get(st, name, st) as unknown;
                if ((name === "all" || name === "get") && typeof value === "function")
                  return (...args: unknown[]) => {
                    asked.push({ sql, args });
                    return (value as (...a: unknown[]) => unknown).apply(st, args);
                  };
                return typeof value === "function" ? (value as () => unknown).bind(st) : value;
              },
            });
          };
        },
      }),
    );
    const held = recording.page({ limit: PAGE, skip: 500 }).rows;
    recording.page({
      limit: PAGE,
      skip: 900,
      withTotal: true,
      filter: { kinds: ["result_submitted"], bands: [1] },
      from: { kind: "after", key: keyOf(held.at(-1)!) },
    });
    recording.page({ limit: PAGE, from: { kind: "before", key: keyOf(held[0]!) } });
    recording.page({ limit: PAGE, from: { kind: "oldest" }, skip: 300, filter: { campaign: campaigns[1]! } });
    const reads = asked.filter((a) => a.sql.includes("market_events e"));
    expect(reads.length).toBeGreaterThanOrEqual(5);
    for (const { sql, args } of reads) {
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const subquery = plan.find((r) => r.detail.startsWith("LIST SUBQUERY"));
      // the walk (the page's subquery, or the count) is over a covering index, in its order
      const walk = plan.filter((r) => (subquery ? r.parent === subquery.id : r.parent === 0));
      expect(walk.map((r) => r.detail).join("; ")).toMatch(
        /^(SEARCH|SCAN) e USING COVERING INDEX market_events_(campaign_)?keyset/,
      );
      expect(walk.some((r) => r.detail.includes("TEMP B-TREE"))).toBe(false);
    }
  });
});
