// Market rules: replication, share cap, rating gate, overflow, fees, keys, expiry, pause, end, close.
import { describe, expect, it } from "vitest";
import {
  decodeTaskPage,
  findAssignmentPda,
  findSharePda,
  findTaskPagePda,
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  getCreateCampaignInstruction,
  getEndCampaignInstruction,
  getGrantKeyInstruction,
  getReleaseExpiredInstruction,
  getReviewInstruction,
  getSetFeeInstruction,
  getSetPausedInstruction,
  PROGRAM_ERROR_CODES as E,
} from "../../../shared/protocol/index";
import { SOL } from "../../support/program-harness";
import {
  acceptIx,
  acceptTask,
  campaignInput,
  createCampaign,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../support/program-market-fixture";
import type { Address } from "@solana/kit";

describe("market rules", () => {
  it("pays a submission once: a second submit fails (the assignment is gone)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    await m.h.sendOk([await submitIx(c, 0, worker)], worker);
    await m.h.expectError([await submitIx(c, 0, worker)], worker, E.WrongOwner);
  });

  it("caps the share of a campaign's tasks one worker may take", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { taskCount: 10, maxShareBps: 2000, replication: 1 });
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    await acceptTask(m, c, 1, worker);
    await m.h.expectError([await acceptIx(c, 2, worker)], worker, E.ShareCap);
  });

  it("gates rated workers on min rating, and unrated workers on the campaign's choice", async () => {
    const m = await setupMarket();
    const strict = await createCampaign(m, { minRating: 5000, admitUnrated: false });
    const open = await createCampaign(m, { minRating: 5000, admitUnrated: true });
    const almost = await registerWorker(m, 4999);
    await m.h.expectError([await acceptIx(strict, 0, almost)], almost, E.RatingTooLow);
    await m.h.expectError([await acceptIx(open, 0, almost)], almost, E.RatingTooLow);
    const good = await registerWorker(m, 5000);
    await acceptTask(m, strict, 0, good);
    const unrated = await registerWorker(m);
    await m.h.expectError([await acceptIx(strict, 0, unrated)], unrated, E.Unrated);
    await acceptTask(m, open, 0, unrated);
  });

  it("refuses a price whose escrow or fee arithmetic would overflow, and out-of-range terms", async () => {
    const m = await setupMarket();
    const requester = await m.h.fundedSigner();
    await m.h.expectError(
      [
        await getCreateCampaignInstruction(
          campaignInput(m, requester, 900n, { price: 1n << 62n, taskCount: 4, replication: 1 }),
        ),
      ],
      requester,
      E.Overflow,
    );
    await m.h.expectError(
      [
        await getCreateCampaignInstruction(
          campaignInput(m, requester, 901n, { price: 1n << 61n, taskCount: 1, replication: 1 }),
        ),
      ],
      requester,
      E.Overflow,
    );
    await m.h.expectError(
      [await getCreateCampaignInstruction(campaignInput(m, requester, 902n, { replication: 256 }))],
      requester,
      E.InvalidParameter,
    );
    await m.h.expectError(
      [await getCreateCampaignInstruction(campaignInput(m, requester, 903n, { reviewWindow: 3599n }))],
      requester,
      E.InvalidParameter,
    );
  });

  it("refuses to close a campaign with open assignments, or without all its pages", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    await acceptTask(m, c, 0, await registerWorker(m));
    await m.h.expectError(
      [await getCloseCampaignInstruction({ requester: c.requester, campaign: c.campaign, pagesCreated: 1 })],
      c.requester,
      E.OpenAssignments,
    );
    const d = await createCampaign(m);
    await m.h.expectError(
      [await getCloseCampaignInstruction({ requester: d.requester, campaign: d.campaign, pagesCreated: 0 })],
      d.requester,
      E.NotEnoughAccounts,
    );
  });

  it("lets only the governance authority change the fee, and never above 10 %", async () => {
    const m = await setupMarket();
    const stranger = await m.h.fundedSigner();
    await m.h.expectError([await getSetFeeInstruction({ authority: stranger, feeBps: 0 })], stranger, E.Unauthorized);
    await m.h.expectError(
      [await getSetPausedInstruction({ authority: stranger, paused: true })],
      stranger,
      E.Unauthorized,
    );
    await m.h.expectError(
      [await getSetFeeInstruction({ authority: m.governance, feeBps: 1001 })],
      m.governance,
      E.FeeTooHigh,
    );
    await m.h.sendOk([await getSetFeeInstruction({ authority: m.governance, feeBps: 1000 })], m.governance);
  });

  it("refuses a submit on a private task before its key is granted; keys only on private campaigns", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { isPrivate: true });
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    await m.h.expectError([await submitIx(c, 0, worker)], worker, E.KeyNotGranted);
    const pub = await createCampaign(m);
    await acceptTask(m, pub, 0, worker);
    const assignment = (await findAssignmentPda(pub.campaign, 0, worker.address))[0];
    await m.h.expectError(
      [
        await getGrantKeyInstruction({
          requester: pub.requester,
          campaign: pub.campaign,
          assignment,
          wrappedKey: new Uint8Array(104),
        }),
      ],
      pub.requester,
      E.NotPrivate,
    );
  });

  it("never puts one worker twice on a task (tasks are taken in order), and fills at most `replication` workers", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { replication: 2 });
    const first = await registerWorker(m);
    await acceptTask(m, c, 1, first);
    await m.h.expectError([await acceptIx(c, 1, first)], first, E.AlreadyAssigned);
    await m.h.sendOk([await submitIx(c, 1, first)], first);
    // Submitted, its assignment closed: still never the same task (nor an earlier one) again.
    await m.h.expectError([await acceptIx(c, 1, first)], first, E.AlreadyAssigned);
    await m.h.expectError([await acceptIx(c, 0, first)], first, E.AlreadyAssigned);
    await acceptTask(m, c, 1, await registerWorker(m));
    const third = await registerWorker(m);
    await m.h.expectError([await acceptIx(c, 1, third)], third, E.TaskFull);
  });

  it("expires assignments: no release before expiry, no submit after; release reopens the slot and returns the deposit", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { replication: 1, assignmentTimeout: 600n });
    const slow = await registerWorker(m);
    await acceptTask(m, c, 0, slow);
    const cranker = await m.h.fundedSigner(SOL);
    const release = await getReleaseExpiredInstruction({ campaign: c.campaign, taskIndex: 0, worker: slow.address });
    await m.h.expectError([release], cranker, E.NotExpired);
    m.h.setTime(m.h.now() + 600n);
    await m.h.expectError([await submitIx(c, 0, slow)], slow, E.AssignmentExpired);
    await m.h.sendOk([release], cranker);
    await m.h.expectError([release], cranker, E.WrongOwner);
    const page = (await findTaskPagePda(c.campaign, 0))[0];
    expect(decodeTaskPage(m.h.data(page)).slots[0]).toBe(0);
    const next = await registerWorker(m);
    await acceptTask(m, c, 0, next);
    await m.h.sendOk([await submitIx(c, 0, next)], next);
  });

  it("pause stops new work but never traps a submission", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    await m.h.sendOk([await getSetPausedInstruction({ authority: m.governance, paused: true })], m.governance);
    await m.h.expectError([await acceptIx(c, 1, worker)], worker, E.Paused);
    const requester = await m.h.fundedSigner();
    await m.h.expectError([await getCreateCampaignInstruction(campaignInput(m, requester, 77n))], requester, E.Paused);
    await m.h.sendOk([await submitIx(c, 0, worker)], worker);
  });

  it("stops accepts at the deadline and after end_campaign; work already accepted is still paid", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { deadline: m.h.now() + 100n });
    const worker = await registerWorker(m);
    m.h.setTime(m.h.now() + 100n);
    await m.h.expectError([await acceptIx(c, 0, worker)], worker, E.DeadlinePassed);
    const d = await createCampaign(m);
    await acceptTask(m, d, 0, worker);
    await m.h.sendOk([await getEndCampaignInstruction({ requester: d.requester, campaign: d.campaign })], d.requester);
    await m.h.expectError([await acceptIx(d, 1, worker)], worker, E.CampaignClosed);
    await m.h.expectError(
      [await getEndCampaignInstruction({ requester: d.requester, campaign: d.campaign })],
      d.requester,
      E.CampaignClosed,
    );
    await m.h.sendOk([await submitIx(d, 0, worker)], worker);
  });

  it("reviews at most as many results as were paid, with a score of 0..100", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    const review = (score: number) =>
      getReviewInstruction({
        requester: c.requester,
        campaign: c.campaign,
        worker: worker.address,
        taskIndex: 0,
        score,
      });
    await m.h.expectError([await review(50)], c.requester, E.NoPendingReview);
    await m.h.sendOk([await submitIx(c, 0, worker)], worker);
    await m.h.expectError([await review(101)], c.requester, E.InvalidScore);
    await m.h.sendOk([await review(100)], c.requester);
    await m.h.expectError([await review(100)], c.requester, E.NoPendingReview);
  });

  it("conserves lamports across a whole campaign with replication, fees, a refund and every account closed", async () => {
    const m = await setupMarket(1000);
    const requester = await m.h.fundedSigner(1000n * SOL);
    const workers = await Promise.all([registerWorker(m), registerWorker(m), registerWorker(m)]);
    const everyone: Address[] = [requester.address, m.feeVault, ...workers.map((w) => w.address)];
    let signatures = 0n;
    const before = m.h.total(everyone);
    const c = await createCampaign(m, { requester, taskCount: 3, replication: 3, price: 999_999n });
    signatures += 2n;
    for (const task of [0, 1, 2]) {
      for (const worker of workers) {
        await acceptTask(m, c, task, worker);
        await m.h.sendOk([await submitIx(c, task, worker)], worker);
        signatures += 2n;
      }
    }
    await m.h.sendOk(
      [await getCloseCampaignInstruction({ requester, campaign: c.campaign, pagesCreated: 1 })],
      requester,
    );
    signatures += 1n;
    const cranker = await m.h.fundedSigner(SOL);
    for (const w of workers)
      await m.h.sendOk([await getCloseShareInstruction({ campaign: c.campaign, worker: w.address })], cranker);
    const programAccounts = [c.campaign, c.escrow, (await findTaskPagePda(c.campaign, 0))[0]];
    for (const w of workers) programAccounts.push((await findSharePda(c.campaign, w.address))[0]);
    for (const a of programAccounts) expect(m.h.exists(a)).toBe(false);
    expect(m.h.total(everyone)).toBe(before - signatures * 5000n);
    expect(m.h.lamports(m.feeVault)).toBe(m.h.rent(48) + 9n * 99_999n);
  });
});
