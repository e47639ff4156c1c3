import type { CampaignView, IneligibleReason } from "../../../shared/api/market";
import type { CampaignAccount, ConfigAccount, WorkerProfileAccount } from "../../../shared/protocol";
import {
  RATING_PRIOR,
  assignmentDeposit,
  computeShareCap,
  computeWorkerPay,
  shareDeposit,
} from "../../../shared/protocol";
import type { CampaignMetadata } from "../../../shared/api/tasks";
import { workerTerms } from "../../../lib/market";

/**
 * Accepts per transaction, all of one campaign: each adds one fresh account (its assignment) and
 * five bytes of data; sixteen stay under 1,232 bytes even with a register_worker in front and a
 * second task page (17 fit on one page: `npx tsx bench/program/compute-units.ts` prints it).
 * A second campaign would add three accounts, hence one campaign per transaction. market-service
 * packs this many; the worker's share of a bulk accept's fee is computed from it.
 */
export const ACCEPTS_PER_TX = 16;

/**
 * Lamports a worker needs for one accept: the fee plus the refundable deposits of an assignment
 * (back at submission) and maybe a share (back when the campaign closes or its review window ends).
 */
export const ACCEPT_COST_LAMPORTS = 5_000 + Number(assignmentDeposit() + shareDeposit());

export interface WorkerSituation {
  readonly hasKey: boolean;
  /** The worker's address: a requester's own campaign is not work for them (the program refuses it). */
  readonly address?: string | null;
  readonly profile: WorkerProfileAccount | null;
  readonly balance: bigint;
  /** Tasks held per campaign (the Share account's `taken`). */
  readonly held: ReadonlyMap<string, number>;
  /** Rent of an Assignment and a Share on this cluster (the default rent when not read). */
  readonly rent?: { readonly assignment: bigint; readonly share: bigint };
  readonly nowSeconds: number;
}

/** Why a requester's own tasks are not offered to them (the program refuses them as self-dealing). */
export const OWN_CAMPAIGN = "this is your own campaign: a requester cannot accept their own tasks";

export function tasksLeft(campaign: CampaignAccount): number {
  const slots = campaign.taskCount * campaign.replication;
  return Math.max(0, slots - campaign.openAssignments - campaign.submittedCount);
}

/** A campaign as the market view shows it, with every reason this worker cannot accept now. */
export function campaignView(
  address: string,
  campaign: CampaignAccount,
  config: ConfigAccount,
  worker: WorkerSituation,
  metadata: CampaignMetadata | null,
): CampaignView {
  const reasons: IneligibleReason[] = [];
  const left = tasksLeft(campaign);
  const cap = computeShareCap(campaign.taskCount, campaign.maxShareBps);
  const held = worker.held.get(address) ?? 0;
  const rating = worker.profile?.rating ?? RATING_PRIOR;
  const pay = computeWorkerPay(campaign.price, config.feeBps);
  if (!worker.hasKey) reasons.push({ code: "no_key", message: "create or import a key to accept tasks" });
  if (worker.address && campaign.requester === worker.address)
    reasons.push({ code: "own_campaign", message: OWN_CAMPAIGN });
  if (config.paused) reasons.push({ code: "paused", message: "the protocol is paused: no acceptances for now" });
  if (campaign.endedAt !== 0n) reasons.push({ code: "closed", message: "the requester has ended the campaign" });
  if (Number(campaign.deadline) <= worker.nowSeconds)
    reasons.push({ code: "deadline", message: "the campaign's deadline has passed" });
  if (left === 0) reasons.push({ code: "no_tasks_left", message: "every task slot is taken" });
  const rated = (worker.profile?.reviewCount ?? 0) > 0;
  if (!rated && !campaign.admitUnrated) {
    reasons.push({ code: "rating", message: "admits rated workers only; you have no reviews yet" });
  } else if (rated && rating < campaign.minRating) {
    reasons.push({
      code: "rating",
      message: `needs a rating of ${stars(campaign.minRating)}; yours is ${stars(rating)}`,
    });
  }
  if (held >= cap)
    reasons.push({
      code: "share_cap",
      message: `you hold ${held} of its tasks, the most one worker may take (${cap})`,
    });
  if (campaign.escrowBalance < campaign.price)
    reasons.push({ code: "escrow_empty", message: "the campaign's escrow cannot pay another result" });
  if (worker.balance < BigInt(ACCEPT_COST_LAMPORTS)) {
    reasons.push({
      code: "worker_funds",
      message: "your balance cannot cover the fee and the refundable deposit of an acceptance",
    });
  }
  const base = {
    campaign,
    feeBps: config.feeBps,
    nowSeconds: worker.nowSeconds,
    holdsShare: worker.held.has(address),
    ...(worker.rent ? { rent: worker.rent } : {}),
  };
  const one = workerTerms(base);
  const bulk = workerTerms({ ...base, acceptsPerTransaction: ACCEPTS_PER_TX });
  return {
    address,
    requester: campaign.requester,
    title: metadata?.title ?? null,
    priceLamports: Number(campaign.price),
    payLamports: Number(pay),
    minRating: campaign.minRating,
    tasksLeft: left,
    taskCount: campaign.taskCount,
    replication: campaign.replication,
    labelKind: metadata?.labelKind ?? null,
    private: campaign.isPrivate,
    deadline: Number(campaign.deadline),
    createdAt: Number(campaign.createdAt),
    fillRate:
      campaign.taskCount === 0
        ? 0
        : Math.min(
            1,
            (campaign.openAssignments + campaign.submittedCount) / (campaign.taskCount * campaign.replication),
          ),
    myRemainingShare: Math.max(0, cap - held),
    eligible: reasons.length === 0,
    reasons,
    money: {
      feeLamports: Number(one.feeLamports),
      networkLamports: Number(one.networkLamports),
      netLamports: Number(one.netLamports),
      netBulkLamports: Number(bulk.netLamports),
      bulkSize: ACCEPTS_PER_TX,
      taskDepositLamports: Number(one.taskDeposit.lamports),
      submitWithinSeconds: Number(campaign.assignmentTimeout),
      taskDepositReleasableAt: one.taskDeposit.releasableAt,
      campaignDepositLamports: Number(one.campaignDeposit.lamports),
      campaignStopsAt: one.campaignDeposit.stopsAt,
      campaignDepositLatestAt: one.campaignDeposit.latestAt,
    },
  };
}

/** Ratings as the app shows them everywhere else: stored 0..10000, read as 0–5 stars. */
function stars(rating: number): string {
  return `${(rating / 2000).toFixed(1)} ★`;
}
