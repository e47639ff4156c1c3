import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FeedFilter, FeedKey, FeedPage, FeedRow, FeedStatus, MarketEventKind } from "../../../../shared/api";
import { anchorsOf, keyOf, nearestRead } from "./feed-window";
import { SnapshotReader } from "./snapshot-reader";
import { MARKET_EVENT_KINDS, RATING_BANDS } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { errorMessage, formatSol, shortAddress } from "../../ui/format";

const ROW_HEIGHT = 28;
const PAGE = 100;
const OVERSCAN = 10;
/** Live refreshes of the visible rows at most this often, however fast events arrive. */
const REFRESH_MS = 300;

export const KIND_LABELS: Record<MarketEventKind, string> = {
  campaign_posted: "Campaign posted",
  tasks_added: "Tasks added",
  task_accepted: "Task accepted",
  result_submitted: "Result paid",
  review_posted: "Review posted",
  campaign_closed: "Campaign closed",
};

/** Rows the list keeps in memory around the view; anchors (page boundaries) are kept for every page read. */
const KEEP_ROWS = 3_000;

/**
 * What the list shows: one read of the store, fixed at a head sequence number, with its length.
 * Positions in it are stable, so rows read later by key land where they belong.
 */
interface Snapshot {
  readonly id: number;
  readonly head: number;
  readonly total: number;
  readonly shown: string;
}

/** What a snapshot read depends on besides the stored events. */
interface SnapshotParams {
  readonly filter: FeedFilter;
  readonly pausedAt: number | null;
}

/** Held rows by position, and the keys of page boundaries (where a later page read can start). */
interface Held {
  rows: Map<number, FeedRow>;
  anchors: Map<number, FeedKey>;
}

/**
 * Every market event as it lands, newest first, in a list that renders only the rows in view.
 * Rows are read from core's store by key (never by offset), so scrolling deep into 100,000
 * events costs what the first page does. Pausing pins the list to the events stored when paused.
 */
export function MarketFeed() {
  const [kind, setKind] = useState<MarketEventKind | "">("");
  const [band, setBand] = useState<number | "">("");
  const [campaign, setCampaign] = useState("");
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [head, setHead] = useState(0);
  const [version, setVersion] = useState(0);
  const [snapshot, setSnapshot] = useState<Snapshot>({ id: 0, head: 0, total: 0, shown: "loading" });
  const held = useRef<Held>({ rows: new Map(), anchors: new Map() });
  const [, setDrawn] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(420);
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const snapshots = useRef(0);

  const campaignOk = campaign.trim() === "" || /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(campaign.trim());
  const filter = useMemo<FeedFilter>(
    () => ({
      ...(kind ? { kinds: [kind] } : {}),
      ...(band !== "" ? { bands: [band] } : {}),
      ...(campaign.trim() && campaignOk ? { campaign: campaign.trim() } : {}),
    }),
    [kind, band, campaign, campaignOk],
  );

  // Live: new events bump the version (coalesced), which reads a new snapshot.
  useEffect(() => {
    const api = getApi();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offAppended = api.events.on("feed:appended", (e) => {
      setHead(e.head);
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, REFRESH_MS);
    });
    const offStatus = api.events.on("feed:statusChanged", setStatus);
    api.feed.status().then(setStatus, () => {});
    return () => {
      offAppended();
      offStatus();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const total = snapshot.total;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(Math.max(total, 1) - 1, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const firstPage = Math.floor(first / PAGE);
  const lastPage = Math.floor(last / PAGE);
  const view = useRef({ firstPage, lastPage });
  view.current = { firstPage, lastPage };
  const liveKey = pausedAt === null ? version : -1;

  // A new snapshot when the filter, the pause or (live) the stored events change: the pages in
  // view, counted, at one head. One read at a time, so a fast stream cannot starve the list.
  const reader = useRef<SnapshotReader<SnapshotParams, { page: FeedPage; start: number }> | null>(null);
  useEffect(() => {
    const created = new SnapshotReader<SnapshotParams, { page: FeedPage; start: number }>(
      { filter: {}, pausedAt: null },
      async ({ filter, pausedAt }) => {
        const start = view.current.firstPage * PAGE;
        const limit = Math.min(500, (view.current.lastPage - view.current.firstPage + 1) * PAGE);
        const page = await getApi().feed.page({
          filter,
          skip: start,
          limit,
          withTotal: true,
          ...(pausedAt !== null ? { atOrBefore: pausedAt } : {}),
        });
        return { page, start };
      },
      ({ page, start }, { pausedAt }) => {
        const rows = new Map<number, FeedRow>();
        page.rows.forEach((row, i) => rows.set(start + i, row));
        held.current = { rows, anchors: anchorsOf(rows) };
        snapshots.current += 1;
        setSnapshot({
          id: snapshots.current,
          head: pausedAt ?? page.head,
          total: page.total ?? 0,
          shown: pausedAt === null ? "live" : `paused:${pausedAt}`,
        });
        setHead((h) => Math.max(h, page.head));
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    reader.current = created;
    return () => created.dispose();
  }, []);
  useEffect(() => {
    reader.current?.reset({ filter, pausedAt });
  }, [filter, pausedAt]);
  useEffect(() => {
    if (liveKey > 0) reader.current?.request();
  }, [liveKey]);

  // Scrolling: read the positions in view that the snapshot does not hold yet, by key.
  useEffect(() => {
    if (snapshot.id === 0) return;
    const end = Math.min(snapshot.total, (lastPage + 1) * PAGE);
    const missing: number[] = [];
    for (let p = firstPage * PAGE; p < end; p++) if (!held.current.rows.has(p)) missing.push(p);
    if (missing.length === 0) return;
    const start = missing[0]!;
    const stop = Math.min(missing.at(-1)! + 1, start + 500);
    const { from, skip } = nearestRead(start, stop, snapshot.total, held.current.anchors);
    let stale = false;
    getApi()
      .feed.page({ filter, from, skip, limit: stop - start, atOrBefore: snapshot.head })
      .then(
        (page) => {
          if (stale) return;
          const { rows, anchors } = held.current;
          page.rows.forEach((row, i) => rows.set(start + i, row));
          const read = page.rows.length;
          if (read) {
            anchors.set(start, keyOf(page.rows[0]!));
            anchors.set(start + read - 1, keyOf(page.rows[read - 1]!));
          }
          // keep memory bounded: forget rows far from the view (their page boundaries stay as anchors)
          if (rows.size > KEEP_ROWS)
            for (const at of rows.keys()) if (Math.abs(at - start) > KEEP_ROWS / 2) rows.delete(at);
          setDrawn((n) => n + 1);
        },
        (e: unknown) => !stale && setError(errorMessage(e)),
      );
    return () => {
      stale = true;
    };
  }, [snapshot, filter, firstPage, lastPage]);

  const onScroll = useCallback(() => {
    const el = list.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const visible: { index: number; row: FeedRow | undefined }[] = [];
  for (let i = first; i <= last && i < total; i++) visible.push({ index: i, row: held.current.rows.get(i) });
  const newWhilePaused = pausedAt === null ? 0 : Math.max(0, head - pausedAt);

  return (
    <section className="panel wide market-feed" aria-labelledby="feed-heading">
      <div className="panel-head">
        <h2 id="feed-heading">Live feed</h2>
        <span className={`tag ${status?.live ? "ok" : ""}`} data-testid="feed-live" title={status?.source ?? ""}>
          {status?.live ? "live" : "offline: showing what was last seen"}
        </span>
        <span className="muted" data-testid="feed-total" data-shown={snapshot.shown}>
          {total.toLocaleString()} event{total === 1 ? "" : "s"}
        </span>
        <button
          onClick={() => setPausedAt(pausedAt === null ? head : null)}
          aria-pressed={pausedAt !== null}
          data-testid="feed-pause"
        >
          {pausedAt === null ? "Pause" : `Resume${newWhilePaused ? ` (${newWhilePaused.toLocaleString()} new)` : ""}`}
        </button>
      </div>
      <div className="feed-filters">
        <label>
          Kind{" "}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as MarketEventKind | "")}
            data-testid="feed-kind"
          >
            <option value="">All</option>
            {MARKET_EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Worker rating{" "}
          <select
            value={band}
            onChange={(e) => setBand(e.target.value === "" ? "" : Number(e.target.value))}
            data-testid="feed-band"
          >
            <option value="">Any</option>
            {RATING_BANDS.map((b, i) => (
              <option key={b} value={i}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          Campaign{" "}
          <input
            value={campaign}
            onChange={(e) => setCampaign(e.target.value)}
            placeholder="address"
            aria-invalid={!campaignOk}
            data-testid="feed-campaign"
          />
        </label>
        {!campaignOk && <span className="field-error">A campaign address is 32–44 base58 characters.</span>}
      </div>
      {error && <ErrorNotice message={`The feed could not be read. ${error}`} />}
      {status?.lastError && !status.live && <p className="muted small">Last problem: {status.lastError}</p>}
      <div className="feed-header feed-grid" aria-hidden="true">
        <span>Time</span>
        <span>Event</span>
        <span>Campaign</span>
        <span>Worker</span>
        <span>Price</span>
        <span>Fee</span>
        <span>Rating</span>
        <span>Detail</span>
      </div>
      <div
        ref={list}
        className="feed-list"
        onScroll={onScroll}
        role="list"
        aria-label="Market events, newest first"
        data-testid="feed-list"
        tabIndex={0}
      >
        <div style={{ height: total * ROW_HEIGHT }} className="feed-spacer">
          {visible.map(({ index, row }) => (
            <div
              key={index}
              role="listitem"
              className="feed-row feed-grid"
              style={{ top: index * ROW_HEIGHT }}
              data-testid="feed-row"
              data-kind={row?.kind}
            >
              {row ? <FeedCells row={row} /> : <span className="muted">…</span>}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

function FeedCells({ row }: { row: FeedRow }) {
  return (
    <>
      <span>{new Date(row.time * 1000).toLocaleTimeString()}</span>
      <span>{KIND_LABELS[row.kind]}</span>
      <span title={row.campaign}>{shortAddress(row.campaign)}</span>
      <span title={row.worker ?? ""}>{row.worker ? shortAddress(row.worker) : "—"}</span>
      <span>{row.priceLamports === null ? "—" : formatSol(row.priceLamports)}</span>
      <span>{row.feeLamports === null ? "—" : formatSol(row.feeLamports)}</span>
      <span>{row.workerRating === null ? "—" : `${(row.workerRating / 2000).toFixed(1)} ★`}</span>
      <span>
        {row.score !== null ? `score ${row.score}` : ""}
        {row.kind === "campaign_posted" && row.minRating !== null
          ? `min ${(row.minRating / 2000).toFixed(1)} ★ · ${row.count ?? 0} tasks × ${row.replication ?? 1}`
          : ""}
        {row.kind === "tasks_added" ? `${row.count ?? 0} tasks` : ""}
        {row.labelKind ? ` ${row.labelKind}` : ""}
      </span>
    </>
  );
}
