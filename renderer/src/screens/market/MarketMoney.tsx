import type { CampaignView } from "../../../../shared/api";
import { formatDate, formatDuration, formatSol, relativeTime } from "../../ui/format";

/** What one task nets this worker: price − protocol fee − transaction fees, every figure exact. */
export function NetCell({ campaign }: { readonly campaign: CampaignView }) {
  const m = campaign.money;
  return (
    <div data-testid="market-net" data-lamports={m.netLamports}>
      <span className="money-net">{formatSol(m.netLamports)}</span>
      <div className="muted small">
        price {formatSol(campaign.priceLamports)} − fee {formatSol(m.feeLamports)} − transaction fees{" "}
        {formatSol(m.networkLamports)}
      </div>
      {m.netBulkLamports !== m.netLamports && (
        <div className="muted small">
          {formatSol(m.netBulkLamports)} each when you take {m.bulkSize} at once
        </div>
      )}
    </div>
  );
}

/** The deposits an accept puts up, and exactly when the program lets each come back. */
export function DepositCell({ campaign }: { readonly campaign: CampaignView }) {
  const m = campaign.money;
  return (
    <div data-testid="market-deposit">
      <div data-testid="market-task-deposit" data-lamports={m.taskDepositLamports}>
        {formatSol(m.taskDepositLamports)} per task: returned with the pay when you submit, or from{" "}
        {formatDate(m.taskDepositReleasableAt)} if you do not.
      </div>
      {m.campaignDepositLamports > 0 && (
        <div data-testid="market-campaign-deposit" data-lamports={m.campaignDepositLamports} className="small">
          + {formatSol(m.campaignDepositLamports)} once for this campaign: returned when it is closed or, after it stops
          taking work ({formatDate(m.campaignStopsAt)}), once your results are reviewed; by{" "}
          {formatDate(m.campaignDepositLatestAt)} at the latest.
        </div>
      )}
    </div>
  );
}

/** The task's own deadline (submit within the timeout of accepting), then the campaign's. */
export function DeadlineCell({ campaign }: { readonly campaign: CampaignView }) {
  return (
    <div data-testid="market-deadline">
      Submit within {formatDuration(campaign.money.submitWithinSeconds * 1000)} of accepting
      <div className="muted small">
        {campaign.deadline * 1000 > Date.now()
          ? `accept by ${formatDate(campaign.deadline)} (${relativeTime(campaign.deadline)})`
          : "no longer taking work"}
      </div>
    </div>
  );
}
