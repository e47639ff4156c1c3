import type { RequesterRent } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { formatDate, formatSol, shortAddress } from "../../ui/format";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { useLiveQuery } from "../../ui/use-live-query";

const CLOSED_COLUMNS: readonly Column<RequesterRent["closed"][number]>[] = [
  { header: "Campaign", cell: (c) => c.title ?? shortAddress(c.campaign) },
  { header: "Closed", cell: (c) => (c.closedAt === null ? "—" : formatDate(c.closedAt)) },
  {
    header: "Rent returned",
    cellProps: (c) => ({ "data-lamports": c.rentLamports }),
    cell: (c) => formatSol(c.rentLamports),
  },
  { header: "Paid back in all", cell: (c) => formatSol(c.refundLamports) },
];

/** Rent this key's campaigns hold now and what closing them gave back, read from the chain. */
export function RentPanel({ version }: { readonly version: number }) {
  const rent = useLiveQuery<RequesterRent>(() => getApi().requester.rent(), {
    refreshOn: ["market:changed"],
    key: String(version),
  });
  const r = rent.value;
  return (
    <section className="panel wide" aria-labelledby="rent-heading">
      <h2 id="rent-heading">Rent</h2>
      {rent.error && !r && <ErrorNotice message={`Rent could not be read. ${rent.error}`} onRetry={rent.reload} />}
      {!r && !rent.error && <p role="status">Reading rent from the chain…</p>}
      {r && (
        <>
          <dl className="facts">
            <dt>Held by open campaigns</dt>
            <dd data-testid="rent-held" data-lamports={r.heldLamports}>
              {formatSol(r.heldLamports)}
            </dd>
            <dt>Returned by closed campaigns</dt>
            <dd data-testid="rent-returned" data-lamports={r.returnedLamports}>
              {formatSol(r.returnedLamports)}
            </dd>
          </dl>
          <p className="muted small">
            A campaign&apos;s accounts (the campaign, its escrow and its task pages) hold rent while it is open. Closing
            it returns every lamport of that rent with the unpaid escrow.
          </p>
          {r.closed.length > 0 && (
            <Table
              label="Closed campaigns"
              columns={CLOSED_COLUMNS}
              rows={r.closed}
              rowKey={(c) => c.campaign}
              rowProps={(c) => ({ "data-testid": "closed-campaign-row", "data-campaign": c.campaign })}
            />
          )}
        </>
      )}
    </section>
  );
}
