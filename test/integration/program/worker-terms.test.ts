// The figures the Market, the Wallet and the CLI show (lib/market workerTerms) against what the
// program does: the worker's balance moves by exactly the net, each deposit is exactly the rent
// the program takes, and each "returned by" time is the first second the program lets it back.
import { describe, expect, it } from "vitest";
import {
  decodeCampaign,
  findAssignmentPda,
  findSharePda,
  getCloseShareInstruction,
  getReleaseExpiredInstruction,
  PROGRAM_ERROR_CODES as E,
} from "../../../shared/protocol/index";
import { workerTerms } from "../../../lib/market";
import { LAMPORTS_PER_SIGNATURE } from "../../support/program-harness";
import { acceptIx, createCampaign, registerWorker, setupMarket, submitIx } from "../../support/program-market-fixture";

describe("worker terms against the program", () => {
  it("net, deposits and the times they come back are the program's, to the lamport and the second", async () => {
    const m = await setupMarket(500);
    const c = await createCampaign(m, {
      price: 1_234_567n,
      deadline: m.h.now() + 5_000n,
      assignmentTimeout: 600n,
      reviewWindow: 3_600n,
    });
    const worker = await registerWorker(m);
    const account = () => decodeCampaign(m.h.data(c.campaign));
    const terms = workerTerms({
      campaign: account(),
      feeBps: 500,
      nowSeconds: Number(m.h.now()),
      holdsShare: false,
      rent: { assignment: m.h.rent(208), share: m.h.rent(144) },
    });
    expect(terms.feeLamports).toBe(61_728n);
    expect(terms.networkLamports).toBe(2n * LAMPORTS_PER_SIGNATURE);

    // Task 0: accepted and submitted, one transaction each. The task deposit comes back with
    // the pay; the balance is down only by the campaign deposit.
    const start = m.h.lamports(worker.address);
    await m.h.sendOk([await acceptIx(c, 0, worker)], worker);
    const [assignment0] = await findAssignmentPda(c.campaign, 0, worker.address, c.programAddress);
    const [share] = await findSharePda(c.campaign, worker.address, c.programAddress);
    expect(m.h.lamports(assignment0)).toBe(terms.taskDeposit.lamports);
    expect(m.h.lamports(share)).toBe(terms.campaignDeposit.lamports);
    await m.h.sendOk([await submitIx(c, 0, worker)], worker);
    expect(m.h.lamports(worker.address)).toBe(start + terms.netLamports - terms.campaignDeposit.lamports);

    // Task 1: accepted now, never submitted: release_expired is refused one second before the
    // time the Market names and succeeds at it.
    const again = workerTerms({ campaign: account(), feeBps: 500, nowSeconds: Number(m.h.now()), holdsShare: true });
    expect(again.campaignDeposit.lamports).toBe(0n);
    await m.h.sendOk([await acceptIx(c, 1, worker)], worker);
    const release = await getReleaseExpiredInstruction({
      campaign: c.campaign,
      taskIndex: 1,
      worker: worker.address,
      programAddress: c.programAddress,
    });
    const cranker = await m.h.fundedSigner();
    m.h.setTime(BigInt(again.taskDeposit.releasableAt) - 1n);
    await m.h.expectError([release], cranker, E.NotExpired);
    m.h.setTime(BigInt(again.taskDeposit.releasableAt));
    const beforeRelease = m.h.lamports(worker.address);
    await m.h.sendOk([release], cranker);
    expect(m.h.lamports(worker.address)).toBe(beforeRelease + again.taskDeposit.lamports);

    // The requester never reviews task 0: the share closes exactly at the latest time named.
    const close = await getCloseShareInstruction({
      campaign: c.campaign,
      worker: worker.address,
      programAddress: c.programAddress,
    });
    m.h.setTime(BigInt(terms.campaignDeposit.stopsAt) - 1n);
    await m.h.expectError([close], cranker, E.ReviewWindow);
    m.h.setTime(BigInt(terms.campaignDeposit.latestAt) - 1n);
    await m.h.expectError([close], cranker, E.ReviewWindow);
    m.h.setTime(BigInt(terms.campaignDeposit.latestAt));
    const beforeClose = m.h.lamports(worker.address);
    await m.h.sendOk([close], cranker);
    expect(m.h.lamports(worker.address)).toBe(beforeClose + terms.campaignDeposit.lamports);
  });

  it("a shared accept transaction splits its signature fee, rounded up", () => {
    const campaign = { price: 1_000_000n, deadline: 100n, endedAt: 0n, assignmentTimeout: 10n, reviewWindow: 20n };
    const eight = workerTerms({ campaign, feeBps: 500, nowSeconds: 0, holdsShare: true, acceptsPerTransaction: 8 });
    expect(eight.acceptFeeLamports).toBe(625n);
    const three = workerTerms({ campaign, feeBps: 500, nowSeconds: 0, holdsShare: true, acceptsPerTransaction: 3 });
    expect(three.acceptFeeLamports).toBe(1_667n);
    expect(three.netLamports).toBe(1_000_000n - 50_000n - 1_667n - 5_000n);
    // Ended early: the clock starts at ended_at, not the deadline.
    const ended = workerTerms({ campaign: { ...campaign, endedAt: 40n }, feeBps: 0, nowSeconds: 0, holdsShare: false });
    expect(ended.campaignDeposit.stopsAt).toBe(40);
    expect(ended.campaignDeposit.latestAt).toBe(70);
  });
});
