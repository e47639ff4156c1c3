import { useMemo, useState } from "react";
import type { AcceptOutcome, CampaignView, MarketFilter, MarketStats } from "../../../../shared/api";
import { getApi } from "../../api";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { ProgressBar } from "../../ui/ProgressBar";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { TabPanel, Tabs } from "../../ui/Tabs";
import { errorMessage, formatSol, shortAddress } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";
import { summariseAccept } from "./accept-summary";
import { MarketCharts } from "./MarketCharts";
import { MarketFeed } from "./MarketFeed";
import { DeadlineCell, DepositCell, NetCell } from "./MarketMoney";

type Sort = NonNullable<MarketFilter["sort"]>;

const SORTS: ReadonlyArray<{ id: Sort; label: string }> = [
  { id: "pay_desc", label: "Best pay" },
  { id: "newest", label: "Newest" },
  { id: "deadline", label: "Deadline soonest" },
  { id: "tasks_left", label: "Most tasks left" },
];

const COLUMNS: readonly Column<CampaignView>[] = [
  {
    header: "Campaign",
    cell: (c) => (
      <>
        <span className="campaign-title">{c.title ?? shortAddress(c.address)}</span>
        {c.private && (
          <span className="tag" title="Task data is encrypted to you">
            private
          </span>
        )}
        <div className="muted small">
          by {shortAddress(c.requester)} · {Math.round(c.fillRate * 100)} % filled
        </div>
      </>
    ),
  },
  { header: "You net per task", cell: (c) => <NetCell campaign={c} /> },
  { header: "Deposit", cell: (c) => <DepositCell campaign={c} /> },
  { header: "Tasks left", cell: (c) => c.tasksLeft },
  { header: "Kind", cell: (c) => c.labelKind ?? "—" },
  { header: "Min rating", cell: (c) => (c.minRating === 0 ? "anyone" : `${(c.minRating / 2000).toFixed(1)} ★`) },
  { header: "Deadline", cell: (c) => <DeadlineCell campaign={c} /> },
];

export interface MarketScreenProps {
  readonly onAccepted: () => void;
}

/**
 * Open campaigns, why one cannot be taken, and accepting one or many tasks at once; in a second
 * tab, the live market (prices, fills, fees and the event feed).
 */
export function MarketScreen({ onAccepted }: MarketScreenProps) {
  const [sort, setSort] = useState<Sort>("pay_desc");
  const [eligibleOnly, setEligibleOnly] = useState(false);
  const filter = useMemo<MarketFilter>(() => ({ sort, eligibleOnly }), [sort, eligibleOnly]);
  const list = useLiveQuery<CampaignView[]>(() => getApi().market.list(filter), {
    refreshOn: ["market:changed"],
    key: `${sort}|${eligibleOnly}`,
  });
  const stats = useLiveQuery<MarketStats>(() => getApi().market.stats(), { refreshOn: ["market:changed"] });
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<AcceptOutcome[]>([]);
  const [requested, setRequested] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The live market (charts, feed) has its own tab: with many campaigns it would sit far below the table.
  const [tab, setTab] = useState<"campaigns" | "live">("campaigns");

  const accept = async (items: Array<{ campaign: string; count: number }>) => {
    setError(null);
    setOutcomes([]);
    const total = items.reduce((n, i) => n + i.count, 0);
    setRequested(total);
    setProgress({ done: 0, total });
    const all: AcceptOutcome[] = [];
    try {
      // One request per campaign so the bar moves; core packs several accepts per transaction.
      for (const item of items) {
        const result = await getApi().market.accept({ items: [item] });
        all.push(...result);
        setProgress({ done: all.length, total });
        setOutcomes([...all]);
      }
      // Everything taken: straight to the queue. Fewer: stay here, so the worker reads why (most
      // often the balance for deposits) before going to label what was taken.
      if (summariseAccept(total, all).complete) onAccepted();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      list.reload();
    }
  };

  const campaigns = list.value ?? [];
  const summary = summariseAccept(requested, outcomes);
  const campaignsTab = (
    <>
      <section className="panel wide" aria-label="Open campaigns">
        <div className="panel-head">
          <label>
            Sort{" "}
            <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              {SORTS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={eligibleOnly} onChange={(e) => setEligibleOnly(e.target.checked)} /> Only
            what I can take
          </label>
          <button onClick={list.reload}>Refresh</button>
        </div>
        {progress && <ProgressBar label="Accepting tasks" done={progress.done} total={progress.total} />}
        {outcomes.length > 0 && !progress && (
          <div className="accept-result">
            <p role="status" data-testid="accept-result" data-accepted={summary.accepted}>
              {summary.text}
            </p>
            {!summary.complete && summary.accepted > 0 && (
              <button className="primary" onClick={onAccepted}>
                Label the {summary.accepted} accepted
              </button>
            )}
          </div>
        )}
        {error && <ErrorNotice message={error} />}
        {list.error && <ErrorNotice message={`The market could not be read. ${list.error}`} onRetry={list.reload} />}
        {!list.loading && campaigns.length === 0 && !list.error && (
          <EmptyState title="No open campaigns right now">New campaigns appear here by themselves.</EmptyState>
        )}
        {campaigns.length > 0 && (
          <Table
            label="Open campaigns"
            columns={[
              ...COLUMNS,
              {
                header: "Take",
                cell: (c) =>
                  c.eligible ? (
                    <div className="take">
                      <input
                        type="number"
                        min={1}
                        max={Math.max(1, Math.min(c.tasksLeft, c.myRemainingShare, 100))}
                        value={counts[c.address] ?? 1}
                        aria-label={`How many tasks to take from ${c.title ?? c.address}`}
                        onChange={(e) =>
                          setCounts({ ...counts, [c.address]: Math.max(1, Number(e.target.value) || 1) })
                        }
                      />
                      <button
                        disabled={progress !== null}
                        onClick={() => void accept([{ campaign: c.address, count: counts[c.address] ?? 1 }])}
                      >
                        Accept
                        <span className="visually-hidden"> tasks from {c.title ?? shortAddress(c.address)}</span>
                      </button>
                    </div>
                  ) : (
                    <span className="muted" data-testid="ineligible-reason">
                      {c.reasons.map((r) => r.message).join("; ")}
                    </span>
                  ),
              },
            ]}
            rows={campaigns}
            rowKey={(c) => c.address}
            rowProps={(c) => ({ "data-testid": "campaign-row", "data-campaign": c.address })}
          />
        )}
      </section>
      {stats.value && (
        <p className="muted small" data-testid="market-summary">
          {stats.value.openCampaigns} open campaign{stats.value.openCampaigns === 1 ? "" : "s"} · median pay{" "}
          {stats.value.medianPayLamports === null ? "—" : formatSol(stats.value.medianPayLamports)} ·{" "}
          {Math.round(stats.value.fillRate * 100)} % of slots filled
        </p>
      )}
    </>
  );
  return (
    <div className="screen market">
      <div className="market-head">
        <h2 id="market-heading">Market</h2>
        <Tabs
          label="Market views"
          idPrefix="market"
          tabs={[
            { id: "campaigns", title: `Open campaigns${list.value ? ` (${campaigns.length})` : ""}` },
            { id: "live", title: "Prices and live feed" },
          ]}
          selected={tab}
          onSelect={setTab}
        />
      </div>
      <TabPanel idPrefix="market" selected={tab}>
        {tab === "campaigns" ? (
          campaignsTab
        ) : (
          <>
            <MarketCharts />
            <MarketFeed />
          </>
        )}
      </TabPanel>
    </div>
  );
}
