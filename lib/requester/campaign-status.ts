// `amplify campaign status`: the campaign as the chain sees it: open assignments from accounts,
// paid and reviewed results from the campaign's events.
import type { Address } from "@solana/kit";
import { AssignmentState, findEscrowPda, findTaskPagePda, type CampaignAccount } from "../../shared/protocol";
import type { AmplifyChain } from "../chain";
import { RequesterError } from "../chain";

export interface CampaignStatus {
  address: Address;
  campaign: CampaignAccount;
  tasks: number;
  slots: number;
  assignments: Record<"accepted" | "keyGranted" | "submitted" | "reviewed" | "expired", number>;
  /** Share of task slots (tasks × replication) with a submitted or reviewed result. */
  completion: number;
  meanScore: number | undefined;
  money: CampaignMoney;
}

/** Where the campaign's lamports are now, to the lamport. */
export interface CampaignMoney {
  /** Escrowed pay for slots not yet paid (back to the requester at close). */
  escrowUnpaid: bigint;
  /** The requester's rent in the campaign, its escrow and its task pages (all back at close). */
  rentHeld: bigint;
  /** Paid to workers so far (price − fee per result) and the fees that went to the fee vault. */
  paidToWorkers: bigint;
  fees: bigint;
  /** Workers' deposits held by open assignments (back at submit or release) and by shares (back at share close). */
  assignmentDeposits: { count: number; lamports: bigint };
  shareDeposits: { count: number; lamports: bigint };
}

/** A closed campaign, from its events: what the close and the share closes returned. */
export interface ClosedCampaignSummary {
  address: Address;
  submitted: number;
  reviewed: number;
  /** Lamports the close moved to the requester (unpaid escrow + rent). */
  refund: bigint;
  sharesClosed: number;
  shareDepositsReturned: bigint;
}

export async function campaignStatus(chain: AmplifyChain, address: Address): Promise<CampaignStatus> {
  const campaign = await chain.campaign(address);
  if (!campaign) throw new RequesterError(`No campaign at ${address}.`);
  const [assignments, results, shares] = await Promise.all([
    chain.assignments(address),
    chain.results(address),
    chain.shares(address),
  ]);
  const [escrow] = await findEscrowPda(address);
  const pages = await Promise.all(
    Array.from({ length: campaign.pagesCreated }, async (_, p) => (await findTaskPagePda(address, p))[0]),
  );
  const held = await chain.client.accounts([address, escrow, ...pages, ...assignments.map((a) => a.address)]);
  const lamportsOf = (from: number, to: number): bigint =>
    held.slice(from, to).reduce((sum, a) => sum + (a?.lamports ?? 0n), 0n);
  const requesterHeld = lamportsOf(0, 2 + pages.length);
  const count = (state: number): number => assignments.filter((a) => a.account.state === state).length;
  const reviewed = results.filter((r) => r.account.score !== null);
  const slots = campaign.taskCount * campaign.replication;
  const done = results.length;
  return {
    address,
    campaign,
    tasks: campaign.taskCount,
    slots,
    assignments: {
      accepted: count(AssignmentState.Accepted),
      keyGranted: count(AssignmentState.KeyGranted),
      submitted: results.length - reviewed.length,
      reviewed: reviewed.length,
      expired: (await chain.events(address)).filter((e) => e.event.kind === "assignmentReleased").length,
    },
    completion: slots === 0 ? 0 : done / slots,
    meanScore:
      reviewed.length === 0 ? undefined : reviewed.reduce((s, a) => s + (a.account.score ?? 0), 0) / reviewed.length,
    money: {
      escrowUnpaid: campaign.escrowBalance,
      rentHeld: requesterHeld - campaign.escrowBalance,
      paidToWorkers: results.reduce((s, r) => s + r.account.price - r.account.fee, 0n),
      fees: results.reduce((s, r) => s + r.account.fee, 0n),
      assignmentDeposits: { count: assignments.length, lamports: lamportsOf(2 + pages.length, held.length) },
      shareDeposits: { count: shares.length, lamports: shares.reduce((s, x) => s + x.lamports, 0n) },
    },
  };
}

/** null while the campaign has not been closed. */
export async function closedCampaignSummary(
  chain: AmplifyChain,
  address: Address,
): Promise<ClosedCampaignSummary | null> {
  const events = (await chain.events(address)).map((e) => e.event);
  const closed = events.find((e) => e.kind === "campaignClosed" && e.campaign === address);
  if (closed?.kind !== "campaignClosed") return null;
  let sharesClosed = 0;
  let shareDepositsReturned = 0n;
  for (const e of events) {
    if (e.kind !== "shareClosed" || e.campaign !== address) continue;
    sharesClosed++;
    shareDepositsReturned += e.depositReturned;
  }
  return {
    address,
    submitted: closed.submitted,
    reviewed: closed.reviewed,
    refund: closed.refund,
    sharesClosed,
    shareDepositsReturned,
  };
}
