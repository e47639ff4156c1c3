import { useState } from "react";
import type { OutboxItem, OutboxSummary } from "../../../../shared/api";
import { getApi } from "../../api";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { ProgressBar } from "../../ui/ProgressBar";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { errorMessage, relativeTime, shortAddress } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";
import { outboxWhy } from "./outbox-why";

const STATE_LABEL: Record<OutboxItem["state"], string> = {
  queued: "queued",
  sent: "sent, confirming",
  confirmed: "paid",
  failed: "failed",
};

const resultName = (item: OutboxItem): string => item.title || shortAddress(item.task);

const COLUMNS: readonly Column<OutboxItem>[] = [
  { header: "Result", cell: resultName },
  { header: "State", cell: (item) => STATE_LABEL[item.state] },
  { header: "Attempts", cell: (item) => item.attempts },
  {
    header: "Why",
    cellProps: () => ({ className: "small" }),
    cell: (item) => (
      <>
        {outboxWhy(item)}
        {item.signature && (
          <span className="muted" title={item.signature}>
            {" "}
            · transaction {shortAddress(item.signature)}
          </span>
        )}
      </>
    ),
  },
  { header: "Queued", cell: (item) => relativeTime(Math.floor(item.createdAt / 1000)) },
];

/** Saves a kept result as a file the labeller can take elsewhere; nothing leaves the machine. */
function download(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Every submitted result and where it is on its way to being paid. */
export function OutboxScreen() {
  const items = useLiveQuery<OutboxItem[]>(() => getApi().outbox.list({ limit: 500 }), {
    refreshOn: ["outbox:changed"],
  });
  const summary = useLiveQuery<OutboxSummary>(() => getApi().outbox.summary(), { refreshOn: ["outbox:changed"] });
  const [error, setError] = useState<string | null>(null);
  const list = items.value ?? [];
  const s = summary.value;
  const total = s ? s.queued + s.confirmed + s.failed : 0;

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
    items.reload();
  };

  return (
    <section className="panel wide" aria-labelledby="outbox-heading">
      <div className="panel-head">
        <h2 id="outbox-heading">Outbox</h2>
        {s && (
          <span className="muted" data-testid="outbox-summary">
            {s.queued} waiting · {s.confirmed} paid · {s.failed} failed
            {s.online === false ? ` · offline: ${s.reason ?? "no network"}` : ""}
          </span>
        )}
        <button onClick={() => void act(() => getApi().outbox.syncNow())}>Sync now</button>
      </div>
      {s && total > 0 && s.queued > 0 && (
        <ProgressBar label="Results paid" done={s.confirmed} total={total - s.failed} />
      )}
      {error && <ErrorNotice message={error} />}
      {items.error && <ErrorNotice message={`The outbox could not be read. ${items.error}`} onRetry={items.reload} />}
      {!items.loading && list.length === 0 && (
        <EmptyState title="No results yet">Submitted results wait here until they are paid.</EmptyState>
      )}
      {list.length > 0 && (
        <Table
          label="Submitted results"
          columns={[
            ...COLUMNS,
            {
              header: "Actions",
              hideHeader: true,
              cellProps: () => ({ className: "actions" }),
              cell: (item) => (
                <>
                  {item.state === "failed" && (
                    <button onClick={() => void act(() => getApi().outbox.retry({ id: item.id }))}>
                      Retry<span className="visually-hidden"> {resultName(item)}</span>
                    </button>
                  )}
                  <button
                    onClick={() =>
                      void act(async () =>
                        download(
                          `amplify-result-${item.task}.json`,
                          (await getApi().outbox.export({ id: item.id })).json,
                        ),
                      )
                    }
                  >
                    Export<span className="visually-hidden"> {resultName(item)}</span>
                  </button>
                </>
              ),
            },
          ]}
          rows={list}
          rowKey={(item) => item.id}
          rowProps={(item) => ({ "data-testid": "outbox-row", "data-state": item.state })}
        />
      )}
    </section>
  );
}
