// Shared steps of the reliability tests: queue results through the contract, then check on
// chain that each was paid exactly once and nothing was lost.
import { expect } from "vitest";
import { emptyDocument } from "../../../shared/annotation";
import { decodeWorkerProfile, findWorkerProfilePda } from "../../../shared/protocol";
import { address } from "@solana/kit";
import type { CampaignFixture, Market, WorkerCore } from "../../support/market-harness";

export interface Queued {
  readonly id: string;
  readonly resultHash: string;
}

/** Accepts `count` tasks of a public campaign and lists them; returns the new assignments. */
export async function acceptTasks(worker: WorkerCore, fixture: CampaignFixture, count: number): Promise<string[]> {
  const outcomes = await worker.call("market:accept", { items: [{ campaign: fixture.campaign, count }] });
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length) throw new Error(`accept failed: ${failed.map((f) => f.error).join("; ")}`);
  // The worker lists its tasks before labelling them, as the UI does; the result is only the
  // assignments this call made (a campaign may be accepted from in several calls).
  await worker.call("tasks:list");
  return outcomes.map((o) => o.assignment!);
}

export async function submitAll(worker: WorkerCore, ids: readonly string[]): Promise<Queued[]> {
  const queued: Queued[] = [];
  for (const id of ids) {
    const doc = { ...emptyDocument(id, []), classes: [], timeSpentMs: 1234 };
    const { resultHash } = await worker.call("tasks:submit", { id, doc });
    queued.push({ id, resultHash });
  }
  return queued;
}

export async function expectPaidExactlyOnce(
  market: Market,
  fixture: CampaignFixture,
  queued: readonly Queued[],
  escrowBefore: bigint,
  worker: string,
): Promise<void> {
  expect(escrowBefore - (await market.lamports(fixture.escrow))).toBe(BigInt(queued.length) * fixture.price);
  for (const { id, resultHash } of queued) {
    // Submission closes the assignment; its ResultSubmitted event is the record of what was paid.
    expect(await market.chain.account(id)).toBeNull();
    const paid = (await market.chain.events(id)).filter((e) => e.event.kind === "resultSubmitted");
    expect(paid).toHaveLength(1);
    const [only] = paid;
    expect(only?.event.kind === "resultSubmitted" && Buffer.from(only.event.resultHash).toString("hex")).toBe(
      resultHash,
    );
  }
  const [profile] = await findWorkerProfilePda(address(worker));
  expect(decodeWorkerProfile((await market.chain.account(profile))!.data).submittedCount).toBe(queued.length);
}
