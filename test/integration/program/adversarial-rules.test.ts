// Market rules: replication, share cap, rating gate, overflow, fees, keys, expiry, pause, close.
import { describe, expect, it } from "vitest";
import {
  AssignmentState, decodeAssignment, decodeCampaign, decodeTask, findAssignmentPda, getAcceptTaskInstruction,
  getAddTasksInstruction, getCloseCampaignInstruction, getCreateCampaignInstruction, getGrantKeyInstruction,
  findSharePda, getReleaseExpiredInstruction, getReviewInstruction, getSetFeeInstruction, getSetPausedInstruction, getSubmitResultInstruction,
  PROGRAM_ERROR_CODES as E, RATING_PRIOR,
} from "../../../shared/protocol/index";
import { at, SOL } from "./harness";
import { acceptTask, addTasks, campaignInput, createCampaign, registerWorker, setupMarket } from "./market-fixture";
import type { CampaignFixture, Market } from "./market-fixture";
import type { Address, KeyPairSigner } from "@solana/kit";

async function submit(m: Market, c: CampaignFixture, task: Address, worker: KeyPairSigner) {
  return getSubmitResultInstruction({ worker, campaign: c.campaign, task, treasury: m.treasury.address, resultHash: new Uint8Array(32).fill(3),
    resultUri: "blob://result" });
}

describe("market rules", () => {
  it("pays a submission once: a second submit fails (double submit)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    await m.h.sendOk([await submit(m, c, task, worker)], worker);
    await m.h.expectError([await submit(m, c, task, worker)], worker, E.WrongState);
  });

  it("caps the share of a campaign's tasks one worker may take", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { maxTasks: 10, maxShareBps: 2000, replication: 1 });
    const tasks = await addTasks(m, c, 3);
    const worker = await registerWorker(m);
    await acceptTask(m, c, at(tasks, 0), worker);
    await acceptTask(m, c, at(tasks, 1), worker);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: c.campaign, task: at(tasks, 2) })], worker, E.ShareCap);
  });

  it("gates on min rating; unrated workers count as the prior (2000)", async () => {
    const m = await setupMarket();
    const strict = await createCampaign(m, { minRating: 5000 });
    const atPrior = await createCampaign(m, { minRating: RATING_PRIOR });
    const abovePrior = await createCampaign(m, { minRating: RATING_PRIOR + 1 });
    const strictTask = at(await addTasks(m, strict, 1), 0);
    const priorTask = at(await addTasks(m, atPrior, 1), 0);
    const aboveTask = at(await addTasks(m, abovePrior, 1), 0);
    const almost = await registerWorker(m, 4999);
    await m.h.expectError([await getAcceptTaskInstruction({ worker: almost, campaign: strict.campaign, task: strictTask })], almost, E.RatingTooLow);
    const good = await registerWorker(m, 5000);
    await acceptTask(m, strict, strictTask, good);
    const unrated = await registerWorker(m);
    await acceptTask(m, atPrior, priorTask, unrated);
    await m.h.expectError([await getAcceptTaskInstruction({ worker: unrated, campaign: abovePrior.campaign, task: aboveTask })], unrated, E.RatingTooLow);
  });

  it("refuses a price whose escrow or fee arithmetic would overflow", async () => {
    const m = await setupMarket();
    const requester = await m.h.fundedSigner();
    await m.h.expectError([await getCreateCampaignInstruction(campaignInput(m, requester, 900n, { price: 1n << 62n, maxTasks: 4, replication: 1 }))],
      requester, E.Overflow);
    await m.h.expectError([await getCreateCampaignInstruction(campaignInput(m, requester, 901n, { price: 1n << 61n, maxTasks: 1, replication: 1 }))],
      requester, E.Overflow);
  });

  it("refuses to close a campaign with open assignments", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    await acceptTask(m, c, task, await registerWorker(m));
    await m.h.expectError([await getCloseCampaignInstruction({ requester: c.requester, campaign: c.campaign })], c.requester, E.OpenAssignments);
  });

  it("lets only the governance authority change the fee, and never above 10 %", async () => {
    const m = await setupMarket();
    const stranger = await m.h.fundedSigner();
    await m.h.expectError([await getSetFeeInstruction({ authority: stranger, feeBps: 0 })], stranger, E.Unauthorized);
    await m.h.expectError([await getSetPausedInstruction({ authority: stranger, paused: true })], stranger, E.Unauthorized);
    await m.h.expectError([await getSetFeeInstruction({ authority: m.governance, feeBps: 1001 })], m.governance, E.FeeTooHigh);
    await m.h.sendOk([await getSetFeeInstruction({ authority: m.governance, feeBps: 1000 })], m.governance);
  });

  it("refuses a submit on a private task before its key is granted", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { isPrivate: true });
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    await m.h.expectError([await submit(m, c, task, worker)], worker, E.KeyNotGranted);
  });

  it("refuses keys on public campaigns", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    const assignment = (await findAssignmentPda(task, worker.address))[0];
    await m.h.expectError([await getGrantKeyInstruction({ requester: c.requester, campaign: c.campaign, assignment, wrappedKey: new Uint8Array(104) })],
      c.requester, E.NotPrivate);
  });

  it("never puts one worker twice on a task, and fills at most `replication` distinct workers", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { replication: 2 });
    const task = at(await addTasks(m, c, 1), 0);
    const first = await registerWorker(m);
    await acceptTask(m, c, task, first);
    await m.h.expectError([await getAcceptTaskInstruction({ worker: first, campaign: c.campaign, task })], first, E.AlreadyAssigned);
    await acceptTask(m, c, task, await registerWorker(m));
    const third = await registerWorker(m);
    await m.h.expectError([await getAcceptTaskInstruction({ worker: third, campaign: c.campaign, task })], third, E.TaskFull);
  });

  it("expires assignments: no release before expiry, no submit after, and release reopens the slot", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { replication: 1, assignmentTimeout: 600n });
    const task = at(await addTasks(m, c, 1), 0);
    const slow = await registerWorker(m);
    await acceptTask(m, c, task, slow);
    const cranker = await m.h.fundedSigner(SOL);
    const release = await getReleaseExpiredInstruction({ campaign: c.campaign, task, worker: slow.address });
    await m.h.expectError([release], cranker, E.NotExpired);
    m.h.setTime(m.h.now() + 600n);
    await m.h.expectError([await submit(m, c, task, slow)], slow, E.AssignmentExpired);
    await m.h.sendOk([release], cranker);
    await m.h.expectError([release], cranker, E.WrongState);
    await m.h.expectError([await submit(m, c, task, slow)], slow, E.AssignmentExpired);
    expect(decodeTask(m.h.data(task)).slotsTaken).toBe(0);
    const next = await registerWorker(m);
    await acceptTask(m, c, task, next);
    await m.h.sendOk([await submit(m, c, task, next)], next);
    const assignment = (await findAssignmentPda(task, slow.address))[0];
    expect(decodeAssignment(m.h.data(assignment)).state).toBe(AssignmentState.Expired);
  });

  it("pause stops new work but never traps a submission", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const tasks = await addTasks(m, c, 2);
    const worker = await registerWorker(m);
    await acceptTask(m, c, at(tasks, 0), worker);
    await m.h.sendOk([await getSetPausedInstruction({ authority: m.governance, paused: true })], m.governance);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: c.campaign, task: at(tasks, 1) })], worker, E.Paused);
    const requester = await m.h.fundedSigner();
    await m.h.expectError([await getCreateCampaignInstruction(campaignInput(m, requester, 77n))], requester, E.Paused);
    await m.h.sendOk([await submit(m, c, at(tasks, 0), worker)], worker);
  });

  it("stops accepts at the deadline and after close; caps tasks at the funded count", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { maxTasks: 2, deadline: m.h.now() + 100n });
    const tasks = await addTasks(m, c, 2);
    await m.h.expectError([await getAddTasksInstruction({ requester: c.requester, campaign: c.campaign, firstIndex: 2,
      tasks: [{ dataHash: new Uint8Array(32), uri: "late" }] })], c.requester, E.TooManyTasks);
    const worker = await registerWorker(m);
    m.h.setTime(m.h.now() + 100n);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: c.campaign, task: at(tasks, 0) })], worker, E.DeadlinePassed);
    await m.h.sendOk([await getCloseCampaignInstruction({ requester: c.requester, campaign: c.campaign })], c.requester);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: c.campaign, task: at(tasks, 1) })], worker, E.CampaignClosed);
    expect(decodeCampaign(m.h.data(c.campaign)).isClosed).toBe(true);
  });

  it("reviews once, with a score of 0..100, only after submission", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    const assignment = (await findAssignmentPda(task, worker.address))[0];
    const review = (score: number) => getReviewInstruction({ requester: c.requester, campaign: c.campaign, assignment, worker: worker.address, score });
    await m.h.expectError([await review(50)], c.requester, E.WrongState);
    await m.h.sendOk([await submit(m, c, task, worker)], worker);
    await m.h.expectError([await review(101)], c.requester, E.InvalidScore);
    await m.h.sendOk([await review(100)], c.requester);
    await m.h.expectError([await review(100)], c.requester, E.WrongState);
  });

  it("conserves lamports across a whole campaign with replication, fees and a refund", async () => {
    const m = await setupMarket(1000);
    const requester = await m.h.fundedSigner(1000n * SOL);
    const workers = await Promise.all([registerWorker(m), registerWorker(m), registerWorker(m)]);
    const everyone: Address[] = [requester.address, m.treasury.address, ...workers.map((w) => w.address)];
    let signatures = 0n;
    const before = m.h.total(everyone);
    const c = await createCampaign(m, { requester, maxTasks: 3, replication: 3, price: 999_999n });
    signatures += 1n;
    const tasks = await addTasks(m, c, 3);
    signatures += 1n;
    for (const task of tasks) {
      for (const worker of workers) {
        await acceptTask(m, c, task, worker);
        await m.h.sendOk([await submit(m, c, task, worker)], worker);
        signatures += 2n;
      }
    }
    await m.h.sendOk([await getCloseCampaignInstruction({ requester, campaign: c.campaign })], requester);
    signatures += 1n;
    const programAccounts = [c.campaign, c.escrow, ...tasks];
    for (const task of tasks) {
      for (const w of workers) programAccounts.push((await findAssignmentPda(task, w.address))[0]);
    }
    for (const w of workers) programAccounts.push((await findSharePda(c.campaign, w.address))[0]);
    const after = m.h.total([...everyone, ...programAccounts]);
    expect(after).toBe(before - signatures * 5000n);
    expect(m.h.lamports(m.treasury.address)).toBe(SOL + 9n * 99_999n);
  });
});

