import { useState } from "react";
import type { Deposits, DepositMove, HeldDeposit } from "../../../../shared/api";
import { getApi } from "../../api";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { errorMessage, formatDate, formatSol, shortAddress } from "../../ui/format";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { useLiveQuery } from "../../ui/use-live-query";

const VIA: Record<DepositMove["via"], string> = {
  accept: "put up at accept",
  submit: "returned at submit",
  release: "returned: the task expired and was released",
  close_share: "returned: campaign deposit closed",
};

function heldTerms(h: HeldDeposit): string {
  if (h.kind === "task")
    return h.reclaimableNow
      ? "The task expired: reclaim it now."
      : `Returned with the pay when you submit; if you do not, reclaimable from ${formatDate(h.backBy ?? 0)}.`;
  if (h.reclaimableNow) return "Reclaimable now.";
  if (h.campaignClosed) return "The campaign is closed: reclaimable once your open tasks are submitted or expired.";
  return `Returned when the campaign is closed or, after it stops taking work (${formatDate(h.stopsAt ?? 0)}), once your results are reviewed; reclaimable by ${formatDate(h.backBy ?? 0)} at the latest.`;
}

/** "Task 3 of 9xQe…b7Rz" or "Campaign of 9xQe…b7Rz". */
const depositName = (d: HeldDeposit | DepositMove): string =>
  `${d.kind === "task" ? `Task ${d.taskIndex ?? ""}` : "Campaign"} of ${shortAddress(d.campaign)}`;

const HELD_COLUMNS: readonly Column<HeldDeposit>[] = [
  { header: "Deposit", cell: depositName },
  { header: "Amount", cell: (h) => formatSol(h.lamports) },
  { header: "Comes back", cell: heldTerms },
];

const MOVE_COLUMNS: readonly Column<DepositMove>[] = [
  { header: "When", cell: (m) => (m.at === null ? "—" : formatDate(m.at)) },
  { header: "Deposit", cell: depositName },
  { header: "Out", cell: (m) => (m.direction === "out" ? formatSol(m.lamports) : "") },
  { header: "Returned", cell: (m) => (m.direction === "returned" ? formatSol(m.lamports) : "") },
  { header: "How", cell: (m) => VIA[m.via] },
];

/** Refundable deposits: held now (and when each comes back), and every one out and returned. */
export function DepositsPanel() {
  const deposits = useLiveQuery<Deposits>(() => getApi().wallet.deposits(), {
    refreshOn: ["outbox:changed", "keys:changed", "market:changed"],
    intervalMs: 15_000,
  });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const d = deposits.value;
  const reclaim = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const r = await getApi().wallet.reclaim();
      setNote(
        r.reclaimed === 0
          ? "Nothing can be reclaimed yet."
          : `Reclaimed ${formatSol(r.lamports)} from ${r.reclaimed} deposit${r.reclaimed === 1 ? "" : "s"}.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      deposits.reload();
    }
  };
  return (
    <section className="panel" aria-labelledby="deposits-heading">
      <h2 id="deposits-heading">Deposits</h2>
      {deposits.error && !d && (
        <ErrorNotice message={`Your deposits could not be read. ${deposits.error}`} onRetry={deposits.reload} />
      )}
      {!d && !deposits.error && <p role="status">Reading your deposits from the chain…</p>}
      {d && (
        <>
          <dl className="facts">
            <dt>Held now</dt>
            <dd data-testid="deposits-held" data-lamports={d.heldLamports}>
              {formatSol(d.heldLamports)}
            </dd>
            <dt>Put up</dt>
            <dd data-testid="deposits-out" data-lamports={d.outLamports}>
              {formatSol(d.outLamports)}
            </dd>
            <dt>Returned</dt>
            <dd data-testid="deposits-returned" data-lamports={d.returnedLamports}>
              {formatSol(d.returnedLamports)}
            </dd>
          </dl>
          <p className="muted small">
            Accepting a task puts up its account&apos;s rent as a deposit, and the first task of a campaign one more for
            the campaign. They are yours: the program hands them back, never to anyone else.
          </p>
          {d.held.length > 0 && (
            <Table
              label="Deposits held now"
              columns={HELD_COLUMNS}
              rows={d.held}
              rowKey={(h) => h.account}
              rowProps={(h) => ({
                "data-testid": "deposit-held-row",
                "data-kind": h.kind,
                "data-lamports": h.lamports,
              })}
            />
          )}
          {d.held.some((h) => h.reclaimableNow) && (
            <button onClick={() => void reclaim()} disabled={busy}>
              Reclaim what is due
            </button>
          )}
          {note && (
            <p role="status" data-testid="reclaim-result">
              {note}
            </p>
          )}
          {error && <ErrorNotice message={error} />}
          {d.moves.length === 0 ? (
            <EmptyState title="No deposits yet">Your first accepted task puts one up.</EmptyState>
          ) : (
            <Table
              label="Deposits out and returned"
              columns={MOVE_COLUMNS}
              rows={d.moves}
              rowKey={(m, i) => `${m.signature ?? i}-${m.kind}-${m.taskIndex ?? "c"}-${m.direction}`}
              rowProps={(m) => ({
                "data-testid": "deposit-move",
                "data-direction": m.direction,
                "data-kind": m.kind,
                "data-lamports": m.lamports,
              })}
            />
          )}
        </>
      )}
    </section>
  );
}
