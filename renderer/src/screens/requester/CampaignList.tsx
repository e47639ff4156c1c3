import type { RequesterCampaign } from "../../../../shared/api";
import { EmptyState } from "../../ui/EmptyState";
import { ProgressBar } from "../../ui/ProgressBar";
import { formatSol, relativeTime, shortAddress } from "../../ui/format";

export interface CampaignListProps {
  readonly campaigns: readonly RequesterCampaign[];
  readonly selected: string | null;
  readonly onSelect: (address: string) => void;
}

/** This key's campaigns: slots filled, results in, results reviewed, escrow left. */
export function CampaignList({ campaigns, selected, onSelect }: CampaignListProps) {
  if (campaigns.length === 0) {
    return <EmptyState title="No campaigns yet">Create one from a folder of images above.</EmptyState>;
  }
  return (
    <table className="data-table" aria-label="My campaigns">
      <thead>
        <tr>
          <th scope="col">Campaign</th>
          <th scope="col">Progress</th>
          <th scope="col">Price</th>
          <th scope="col">Escrow left</th>
          <th scope="col">Deadline</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((c) => (
          <tr
            key={c.address}
            data-testid="my-campaign-row"
            data-campaign={c.address}
            data-submitted={c.submitted}
            data-reviewed={c.reviewed}
            aria-selected={selected === c.address}
          >
            <td>
              <span className="campaign-title">{c.title}</span>
              {c.private && <span className="tag">private</span>}
              {c.closed && <span className="tag">closed</span>}
              {c.incomplete && (
                <span className="tag" title="Creating it again with the same inputs resumes">
                  unfinished
                </span>
              )}
              <div className="muted small">
                {shortAddress(c.address)} · {c.tasks} task{c.tasks === 1 ? "" : "s"} × {c.replication} ·{" "}
                {c.labelKind ?? "—"}
              </div>
            </td>
            <td className="campaign-progress">
              <ProgressBar label="Filled" done={c.filled} total={c.slots} />
              <ProgressBar label="Submitted" done={c.submitted} total={c.slots} />
              <ProgressBar label="Reviewed" done={c.reviewed} total={c.slots} />
            </td>
            <td>{formatSol(c.priceLamports)}</td>
            <td>{formatSol(c.escrowLamports)}</td>
            <td>{relativeTime(c.deadline)}</td>
            <td>
              <button onClick={() => onSelect(c.address)} aria-pressed={selected === c.address}>
                Review &amp; export<span className="visually-hidden"> {c.title}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
