// `amplify campaign end`, `amplify campaign close` and the money lines of `campaign status`:
// where a campaign's lamports are, and what ending and closing gave back, to the lamport.
import type { Address } from "@solana/kit";
import {
  closeCampaign,
  closedCampaignSummary,
  endCampaign,
  formatSol,
  RequesterError,
  type AmplifyChain,
  type CampaignStatus,
  type RequesterKeys,
} from "../../lib/requester";

/** "0.0023 SOL (2,338,560 lamports)": the SOL for reading, the lamports for checking. */
export function solAndLamports(lamports: bigint): string {
  return `${formatSol(lamports)} SOL (${lamports.toLocaleString("en-US")} lamports)`;
}

export async function campaignEndCommand(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
  out: (line: string) => void,
): Promise<void> {
  const ended = await endCampaign(chain, keys, campaign);
  out(`campaign ${campaign} stopped accepting at ${new Date(Number(ended.endedAt) * 1000).toISOString()}`);
  out("work already accepted may still be submitted (and is paid) until it expires; then run `amplify campaign close`");
  out(`transaction fee ${solAndLamports(ended.fee)}`);
}

export async function campaignCloseCommand(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
  out: (line: string) => void,
): Promise<void> {
  const closed = await closeCampaign({ chain, keys, campaign });
  if (closed.released.count > 0)
    out(
      `released ${closed.released.count} expired assignment(s): ${solAndLamports(closed.released.depositsReturned)} of deposits back to their workers`,
    );
  if (closed.refund > 0n) {
    out(`closed campaign ${campaign}, its escrow and its task pages`);
    out(`returned to you ${solAndLamports(closed.refund)}`);
    out(`  unpaid escrow  ${solAndLamports(closed.unpaidEscrow)}`);
    out(`  rent           ${solAndLamports(closed.rentReturned)}`);
  } else {
    out(`campaign ${campaign} was already closed`);
  }
  out(
    `closed ${closed.shares.count} worker share(s): ${solAndLamports(closed.shares.depositsReturned)} of deposits back to their workers`,
  );
  out(`transaction fees ${solAndLamports(closed.fees)} in ${closed.signatures.length} transaction(s)`);
  out("nothing of this campaign is left on chain");
}

export function statusMoneyLines(s: CampaignStatus): string[] {
  const m = s.money;
  return [
    `rent held  ${solAndLamports(m.rentHeld)} (campaign, escrow, ${s.campaign.pagesCreated} task page(s)); returned at close`,
    `escrow     ${solAndLamports(m.escrowUnpaid)} unpaid; paid to workers ${solAndLamports(m.paidToWorkers)}, fees ${solAndLamports(m.fees)}`,
    `deposits   workers hold ${solAndLamports(m.assignmentDeposits.lamports)} in ${m.assignmentDeposits.count} open assignment(s) (back at submit or expiry) and ${solAndLamports(m.shareDeposits.lamports)} in ${m.shareDeposits.count} share(s) (back at close)`,
  ];
}

/** `campaign status` of a campaign that is no longer on chain: what its close returned, from its events. */
export async function closedStatusLines(chain: AmplifyChain, campaign: Address): Promise<string[]> {
  const summary = await closedCampaignSummary(chain, campaign);
  if (!summary) throw new RequesterError(`No campaign at ${campaign}.`);
  return [
    `campaign   ${campaign} (closed)`,
    `work       submitted ${summary.submitted}, reviewed ${summary.reviewed}`,
    `rent held  0 SOL; the close returned ${solAndLamports(summary.refund)} to the requester (unpaid escrow + rent)`,
    `deposits   0 SOL held; ${summary.sharesClosed} share(s) closed, ${solAndLamports(summary.shareDepositsReturned)} back to their workers`,
  ];
}
