import { useState } from "react";
import type { OutboxItem, OutboxSummary } from "../../../../shared/api";
import { getApi } from "../../api";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { ProgressBar } from "../../ui/ProgressBar";
import { errorMessage, relativeTime, shortAddress } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";

const STATE_LABEL: Record<OutboxItem["state"], string> = {
  queued: "queued",
  sent: "sent, confirming",
  confirmed: "paid",
  failed: "failed",
};

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
      {items.error && <ErrorNotice message={`The outbox could not be read: ${items.error}`} onRetry={items.reload} />}
      {!items.loading && list.length === 0 && (
        <EmptyState title="No results yet">Submitted results wait here until they are paid.</EmptyState>
      )}
      {list.length > 0 && (
        <table className="data-table" aria-label="Submitted results">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Why</th>
              <th scope="col">Queued</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((item) => (
              <tr key={item.id} data-testid="outbox-row" data-state={item.state}>
                <td>{item.title || shortAddress(item.task)}</td>
                <td>{STATE_LABEL[item.state]}</td>
                <td>{item.attempts}</td>
                <td className="small">{item.error ?? (item.signature ? shortAddress(item.signature) : "")}</td>
                <td>{relativeTime(Math.floor(item.createdAt / 1000))}</td>
                <td className="actions">
                  {item.state === "failed" && (
                    <button onClick={() => void act(() => getApi().outbox.retry({ id: item.id }))}>
                      Retry<span className="visually-hidden"> {item.title || shortAddress(item.task)}</span>
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
                    Export<span className="visually-hidden"> {item.title || shortAddress(item.task)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
