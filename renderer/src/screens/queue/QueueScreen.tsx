import type { TaskMeta } from "../../../../shared/api";
import { getApi } from "../../api";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { ProgressBar } from "../../ui/ProgressBar";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { formatSol, relativeTime, shortAddress } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";
import { PREFETCH_LABEL, usePrefetch } from "./use-prefetch";

const STATE_LABEL: Record<TaskMeta["state"], string> = {
  // Only a private task waits for its key; a public one is ready once accepted (see the row).
  accepted: "waiting for key",
  key_granted: "ready to label",
  submitted: "submitted",
  reviewed: "reviewed",
  expired: "expired",
};

/** Ready to label: its key came, or it is public and needs none. */
const isReady = (t: TaskMeta): boolean => t.state === "key_granted" || (t.state === "accepted" && !t.private);

const COLUMNS: readonly Column<TaskMeta>[] = [
  {
    header: "Task",
    cell: (t) => (
      <>
        {t.title ?? shortAddress(t.campaign)} #{t.taskIndex}
        {t.private && <span className="tag">private</span>}
      </>
    ),
  },
  {
    header: "State",
    cell: (t) => (t.state === "accepted" && !t.private ? STATE_LABEL.key_granted : STATE_LABEL[t.state]),
  },
  { header: "Pay", cell: (t) => formatSol(t.payLamports) },
  { header: "Deadline", cell: (t) => relativeTime(t.expiresAt) },
];

export interface QueueScreenProps {
  readonly onOpen: (taskId: string) => void;
  readonly onMarket: () => void;
}

/** The worker's accepted tasks: what is ready, what waits for its key, what is prepared ahead. */
export function QueueScreen({ onOpen, onMarket }: QueueScreenProps) {
  const tasks = useLiveQuery<TaskMeta[]>(() => getApi().tasks.list(), {
    refreshOn: ["market:changed", "outbox:changed", "tasks:failed"],
    intervalMs: 5_000,
  });
  const list = tasks.value ?? [];
  const ready = list.filter(isReady);
  const prefetch = usePrefetch(list.map((t) => `${t.id}:${t.state}`).join(","));
  const prefetchOf = new Map(prefetch?.items.map((i) => [i.id, i]) ?? []);
  const prefetchState = (t: TaskMeta) => prefetchOf.get(t.id)?.state ?? (t.ready ? "ready" : "idle");
  const prepared = list.filter((t) => t.ready || prefetchOf.get(t.id)?.state === "ready").length;
  return (
    <section className="panel wide" aria-labelledby="queue-heading">
      <div className="panel-head">
        <h2 id="queue-heading">My queue</h2>
        <span className="muted" data-testid="queue-summary">
          {list.length} task{list.length === 1 ? "" : "s"} · {prepared} prepared ahead
        </span>
        {ready[0] && (
          <button className="primary" onClick={() => onOpen(ready[0]!.id)}>
            Start labelling
          </button>
        )}
      </div>
      {prefetch && prefetch.total > 0 && (
        <div data-testid="prefetch-bar" data-done={prefetch.done} data-total={prefetch.total}>
          <ProgressBar label="Prepared ahead" done={prefetch.done} total={prefetch.total} />
        </div>
      )}
      {tasks.error && <ErrorNotice message={`Your tasks could not be read. ${tasks.error}`} onRetry={tasks.reload} />}
      {!tasks.loading && list.length === 0 && !tasks.error && (
        <EmptyState title="Nothing in your queue">
          <button onClick={onMarket}>Find tasks in the market</button>
        </EmptyState>
      )}
      {list.length > 0 && (
        <Table
          label="Accepted tasks"
          columns={[
            ...COLUMNS,
            {
              header: "Prepared",
              cellProps: (t) => ({
                "data-testid": "prefetch-state",
                "data-prefetch": prefetchState(t),
                title: prefetchOf.get(t.id)?.message,
              }),
              cell: (t) => PREFETCH_LABEL[prefetchState(t)],
            },
            {
              header: "Actions",
              hideHeader: true,
              cell: (t) => (
                <button onClick={() => onOpen(t.id)} disabled={!isReady(t)}>
                  Open
                  <span className="visually-hidden">
                    {" "}
                    {t.title ?? shortAddress(t.campaign)} #{t.taskIndex}
                  </span>
                </button>
              ),
            },
          ]}
          rows={list}
          rowKey={(t) => t.id}
          rowProps={(t) => ({ "data-testid": "queue-row", "data-state": t.state })}
        />
      )}
    </section>
  );
}
