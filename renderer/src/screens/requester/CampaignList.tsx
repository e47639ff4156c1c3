import { useState } from "react";
import type { RequesterCampaign } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { EmptyState } from "../../ui/EmptyState";
import { ProgressBar } from "../../ui/ProgressBar";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { errorMessage, formatSol, relativeTime, shortAddress } from "../../ui/format";

const COLUMNS: readonly Column<RequesterCampaign>[] = [
  {
    header: "Campaign",
    cell: (c) => (
      <>
        <span className="campaign-title">{c.title}</span>
        {c.private && <span className="tag">private</span>}
        {c.closed && <span className="tag">closed</span>}
        {c.incomplete && (
          <span className="tag" title="Creating it again with the same inputs resumes">
            unfinished
          </span>
        )}
        <div className="muted small">
          {shortAddress(c.address)} · {c.tasks} task{c.tasks === 1 ? "" : "s"} × {c.replication} · {c.labelKind ?? "—"}
        </div>
      </>
    ),
  },
  {
    header: "Progress",
    cellProps: () => ({ className: "campaign-progress" }),
    cell: (c) => (
      <>
        <ProgressBar label="Filled" done={c.filled} total={c.slots} />
        <ProgressBar label="Submitted" done={c.submitted} total={c.slots} />
        <ProgressBar label="Reviewed" done={c.reviewed} total={c.slots} />
      </>
    ),
  },
  { header: "Price", cell: (c) => formatSol(c.priceLamports) },
  { header: "Escrow left", cell: (c) => formatSol(c.escrowLamports) },
  {
    header: "Rent held",
    cellProps: (c) => ({ "data-testid": "campaign-rent", "data-lamports": c.rentHeldLamports }),
    cell: (c) => formatSol(c.rentHeldLamports),
  },
  { header: "Deadline", cell: (c) => relativeTime(c.deadline) },
];

export interface CampaignListProps {
  readonly campaigns: readonly RequesterCampaign[];
  readonly selected: string | null;
  readonly onSelect: (address: string) => void;
  /** After an end or a close: the list and the rent panel read the chain again. */
  readonly onChanged: () => void;
}

/** This key's campaigns: slots filled, results in, results reviewed, escrow left. */
export function CampaignList({ campaigns, selected, onSelect, onChanged }: CampaignListProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (campaigns.length === 0) {
    return <EmptyState title="No campaigns yet">Create one from a folder of images above.</EmptyState>;
  }
  const act = async (c: RequesterCampaign, action: "end" | "close") => {
    setBusy(c.address);
    setOutcome(null);
    try {
      if (action === "end") {
        await getApi().requester.end({ campaign: c.address });
        setOutcome({ ok: true, text: `${c.title} stopped taking work; accepted tasks can still be submitted.` });
      } else {
        const r = await getApi().requester.close({ campaign: c.address });
        setOutcome({
          ok: true,
          text: `${c.title} is closed: ${formatSol(r.refundLamports)} came back (unpaid escrow and rent, before transaction fees).`,
        });
      }
    } catch (e) {
      setOutcome({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(null);
      onChanged();
    }
  };
  return (
    <>
      {outcome?.ok && (
        <p role="status" data-testid="campaign-action-result">
          {outcome.text}
        </p>
      )}
      {outcome && !outcome.ok && <ErrorNotice message={outcome.text} />}
      <Table
        label="My campaigns"
        columns={[
          ...COLUMNS,
          {
            header: "Actions",
            hideHeader: true,
            cell: (c) => (
              <>
                <button onClick={() => onSelect(c.address)} aria-pressed={selected === c.address}>
                  Review &amp; export<span className="visually-hidden"> {c.title}</span>
                </button>
                {!c.ended && (
                  <button disabled={busy !== null} onClick={() => void act(c, "end")}>
                    Stop taking work<span className="visually-hidden"> on {c.title}</span>
                  </button>
                )}
                <button
                  disabled={busy !== null || c.openAssignments > 0}
                  title={
                    c.openAssignments > 0
                      ? `${c.openAssignments} task(s) still being worked on: close once they are submitted or expired`
                      : "Close: the unpaid escrow and all rent come back"
                  }
                  onClick={() => void act(c, "close")}
                >
                  Close and return rent<span className="visually-hidden"> of {c.title}</span>
                </button>
              </>
            ),
          },
        ]}
        rows={campaigns}
        rowKey={(c) => c.address}
        rowProps={(c) => ({
          "data-testid": "my-campaign-row",
          "data-campaign": c.address,
          "data-submitted": c.submitted,
          "data-reviewed": c.reviewed,
          "aria-selected": selected === c.address,
        })}
      />
    </>
  );
}
