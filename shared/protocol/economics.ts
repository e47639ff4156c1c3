// The money rules the program enforces, for clients that show or plan amounts.
import { ACCOUNT_SIZES, BPS_DENOMINATOR, PAGE_TASKS, TASK_PAGE_HEADER_BYTES } from "./account-layouts";

/** The treasury's cut of one paid assignment: floor(price x feeBps / 10000). */
export function computeFee(price: bigint, feeBps: number): bigint {
  return (price * BigInt(feeBps)) / BigInt(BPS_DENOMINATOR);
}

/** What the worker receives for one submitted result. */
export function computeWorkerPay(price: bigint, feeBps: number): bigint {
  return price - computeFee(price, feeBps);
}

/** Lamports a requester escrows for tasks x replication assignments (on top of rent). */
export function computeCampaignFunding(price: bigint, tasks: number, replication: number): bigint {
  return price * BigInt(tasks) * BigInt(replication);
}

/** How many of a campaign's tasks one worker may take: floor(taskCount x maxShareBps / 10000), at least 1. */
export function computeShareCap(taskCount: number, maxShareBps: number): number {
  return Math.max(1, Math.floor((taskCount * maxShareBps) / BPS_DENOMINATOR));
}

/** Rent-exempt minimum of an account of `bytes` data bytes at the default rent: (bytes + 128) × 6,960. */
export function rentExemptMinimum(bytes: number): bigint {
  return BigInt(bytes + 128) * 6_960n;
}

/** Byte sizes of the TaskPages a campaign of `taskCount` tasks needs. */
export function taskPageSizes(taskCount: number): number[] {
  const sizes: number[] = [];
  for (let first = 0; first < taskCount; first += PAGE_TASKS)
    sizes.push(TASK_PAGE_HEADER_BYTES + Math.min(PAGE_TASKS, taskCount - first));
  return sizes;
}

/** Rent a requester puts up for a campaign (campaign, escrow, pages); all of it comes back at close. */
export function computeRequesterRent(taskCount: number): bigint {
  return (
    rentExemptMinimum(ACCOUNT_SIZES.campaign) +
    rentExemptMinimum(ACCOUNT_SIZES.escrow) +
    taskPageSizes(taskCount).reduce((sum, size) => sum + rentExemptMinimum(size), 0n)
  );
}

/** A worker's refundable deposit for one open assignment (back at submit or release). */
export function assignmentDeposit(): bigint {
  return rentExemptMinimum(ACCOUNT_SIZES.assignment);
}

/** A worker's refundable deposit per campaign (its Share; back when the share closes). */
export function shareDeposit(): bigint {
  return rentExemptMinimum(ACCOUNT_SIZES.share);
}

/** The base fee of a transaction with one signature (every worker transaction has one). */
export const SIGNATURE_FEE = 5_000n;

/** What a wallet with no data must keep: below this (and above 0) the runtime refuses the transaction. */
export function walletRentFloor(): bigint {
  return rentExemptMinimum(0);
}

/**
 * Lamports set aside per accepted task beyond its deposit: a share of the accept transaction's
 * fee and the whole fee of the submit that returns the deposit (one signature each, at most).
 */
export const FEES_PER_ACCEPT = 2n * SIGNATURE_FEE;

/**
 * How many more tasks a worker's balance can hold open at once: each open accept holds a
 * deposit (returned at submit or release), a first accept in a campaign also funds the worker's
 * Share, an unregistered worker first funds its profile, and the wallet keeps its rent floor.
 */
export function affordableAccepts(
  balance: bigint,
  options: { newShares?: number; registering?: boolean } = {},
): number {
  const fixed =
    walletRentFloor() +
    BigInt(options.newShares ?? 0) * shareDeposit() +
    (options.registering ? rentExemptMinimum(ACCOUNT_SIZES.workerProfile) + SIGNATURE_FEE : 0n);
  if (balance <= fixed) return 0;
  return Number((balance - fixed) / (assignmentDeposit() + FEES_PER_ACCEPT));
}
