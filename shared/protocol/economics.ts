// The money rules the program enforces, for clients that show or plan amounts.
import { BPS_DENOMINATOR } from "./account-layouts";

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

/** How many of a campaign's tasks one worker may take: floor(maxTasks x maxShareBps / 10000), at least 1. */
export function computeShareCap(maxTasks: number, maxShareBps: number): number {
  return Math.max(1, Math.floor((maxTasks * maxShareBps) / BPS_DENOMINATOR));
}
