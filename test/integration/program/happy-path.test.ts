// The happy path of every instruction, with lamports conserved to the lamport at every step.
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SIZES, applyReview, AssignmentState, computeFee, decodeAssignment, decodeCampaign, decodeConfig, decodeEscrow,
  decodeShare, decodeTask, findAssignmentPda, findSharePda, findWorkerProfilePda, getAcceptTaskInstruction,
  getCloseCampaignInstruction, getGrantKeyInstruction, getReleaseExpiredInstruction, getReviewInstruction,
  getSetFeeInstruction, getSetPausedInstruction, getSubmitResultInstruction, getTopUpInstruction, getUpdateConfigInstruction,
  getUpdateWorkerKeyInstruction, initialRatingState, RATING_PRIOR,
} from "../../../shared/protocol/index";
import { at, expectConserved, SOL } from "./harness";
import { addTasks, createCampaign, profileOf, registerWorker, setupMarket } from "./market-fixture";

describe("happy path", () => {
  it("init_config, set_fee, set_paused and update_config by the governance authority", async () => {
    const m = await setupMarket();
    const h = m.h;
    let config = decodeConfig(h.data(m.config));
    expect(config).toMatchObject({ feeBps: 500, paused: false, authority: m.governance.address, treasury: m.treasury.address });
    await expectConserved(h, [m.governance.address, m.config], 3n, async () => {
      await h.sendOk([await getSetFeeInstruction({ authority: m.governance, feeBps: 1000 })], m.governance);
      await h.sendOk([await getSetPausedInstruction({ authority: m.governance, paused: true })], m.governance);
      await h.sendOk([await getSetPausedInstruction({ authority: m.governance, paused: false })], m.governance);
    });
    const next = await h.fundedSigner();
    await h.sendOk([await getUpdateConfigInstruction({ authority: m.governance, newAuthority: next.address, newTreasury: next.address })], m.governance);
    config = decodeConfig(h.data(m.config));
    expect(config).toMatchObject({ feeBps: 1000, paused: false, authority: next.address, treasury: next.address });
  });

  it("register_worker and update_worker_key", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const profileAddress = (await findWorkerProfilePda(worker.address))[0];
    let profile = await profileOf(m, worker.address);
    expect(profile).toMatchObject({ worker: worker.address, rating: RATING_PRIOR, reviewCount: 0, registeredAt: m.h.now() });
    expect(m.h.lamports(profileAddress)).toBe(m.h.rent(ACCOUNT_SIZES.workerProfile));
    await expectConserved(m.h, [worker.address, profileAddress], 1n, async () => {
      await m.h.sendOk([await getUpdateWorkerKeyInstruction({ worker, x25519PublicKey: new Uint8Array(32).fill(9) })], worker);
    });
    profile = await profileOf(m, worker.address);
    expect(profile.x25519PublicKey).toEqual(new Uint8Array(32).fill(9));
  });

  it("create_campaign funds escrow with price x tasks x replication, top_up adds slots, add_tasks numbers tasks", async () => {
    const m = await setupMarket();
    const h = m.h;
    const requester = await h.fundedSigner(100n * SOL);
    const before = h.lamports(requester.address);
    const c = await createCampaign(m, { requester, price: 2_000_000n, maxTasks: 4, replication: 3 });
    const funding = 2_000_000n * 4n * 3n;
    expect(h.lamports(c.escrow)).toBe(h.rent(ACCOUNT_SIZES.escrow) + funding);
    expect(h.lamports(requester.address)).toBe(before - funding - h.rent(ACCOUNT_SIZES.escrow) - h.rent(ACCOUNT_SIZES.campaign) - 5000n);
    const campaign = decodeCampaign(h.data(c.campaign));
    expect(campaign).toMatchObject({ requester: requester.address, price: 2_000_000n, maxTasks: 4, replication: 3, escrowBalance: funding,
      taskCount: 0, isClosed: false, metadataUri: "blob://campaign-metadata" });
    expect(decodeEscrow(h.data(c.escrow)).campaign).toBe(c.campaign);

    await expectConserved(h, [requester.address, c.escrow, c.campaign], 1n, async () => {
      await h.sendOk([await getTopUpInstruction({ requester, campaign: c.campaign, additionalTasks: 2 })], requester);
    });
    expect(decodeCampaign(h.data(c.campaign))).toMatchObject({ maxTasks: 6, escrowBalance: 2_000_000n * 6n * 3n });
    expect(h.lamports(c.escrow)).toBe(h.rent(ACCOUNT_SIZES.escrow) + 2_000_000n * 6n * 3n);

    const total = h.total([requester.address]);
    const tasks = await addTasks(m, c, 4);
    const taskRent = h.rent(ACCOUNT_SIZES.task) * 4n;
    expect(h.lamports(requester.address)).toBe(total - taskRent - 5000n);
    const second = await addTasks(m, c, 2);
    expect(decodeTask(h.data(at(second, 1)))).toMatchObject({ index: 5, campaign: c.campaign, uri: "blob://task/5", slotsTaken: 0 });
    expect(decodeCampaign(h.data(c.campaign)).taskCount).toBe(6);
    expect(tasks).toHaveLength(4);
  });

  it("bulk accept, grant_key, submit_result pays worker and treasury, review rates, close refunds", async () => {
    const m = await setupMarket();
    const h = m.h;
    const c = await createCampaign(m, { isPrivate: true, maxTasks: 6, replication: 1, price: 3_333_333n });
    const tasks = await addTasks(m, c, 6);
    const worker = await registerWorker(m);
    const profile = (await findWorkerProfilePda(worker.address))[0];
    const share = (await findSharePda(c.campaign, worker.address))[0];
    const assignments = await Promise.all(tasks.map(async (t) => (await findAssignmentPda(t, worker.address))[0]));
    const everyone = [worker.address, c.requester.address, m.treasury.address, c.escrow, c.campaign, profile, share, ...tasks, ...assignments];

    // Bulk accept: five in one transaction.
    await expectConserved(h, everyone, 1n, async () => {
      const accepts = await Promise.all(tasks.slice(0, 5).map((task) => getAcceptTaskInstruction({ worker, campaign: c.campaign, task })));
      await h.sendOk(accepts, worker);
    });
    expect(decodeShare(h.data(share)).taken).toBe(5);
    expect(decodeCampaign(h.data(c.campaign)).openAssignments).toBe(5);
    const first = at(assignments, 0);
    expect(decodeAssignment(h.data(first))).toMatchObject({ state: AssignmentState.Accepted, worker: worker.address, taskIndex: 0,
      expiresAt: h.now() + 3600n });
    expect(h.lamports(first)).toBe(h.rent(ACCOUNT_SIZES.assignment));

    const wrappedKey = Uint8Array.from({ length: 104 }, (_, i) => i);
    await expectConserved(h, everyone, 1n, async () => {
      await h.sendOk([await getGrantKeyInstruction({ requester: c.requester, campaign: c.campaign, assignment: first, wrappedKey })], c.requester);
    });
    expect(decodeAssignment(h.data(first))).toMatchObject({ state: AssignmentState.KeyGranted, wrappedKey });

    const workerBefore = h.lamports(worker.address);
    const treasuryBefore = h.lamports(m.treasury.address);
    const escrowBefore = h.lamports(c.escrow);
    await expectConserved(h, everyone, 1n, async () => {
      await h.sendOk([await getSubmitResultInstruction({ worker, campaign: c.campaign, task: at(tasks, 0), treasury: m.treasury.address,
        resultHash: new Uint8Array(32).fill(5), resultUri: "blob://result/0" })], worker);
    });
    const fee = computeFee(3_333_333n, 500);
    expect(fee).toBe(166_666n);
    expect(h.lamports(worker.address)).toBe(workerBefore + 3_333_333n - fee - 5000n);
    expect(h.lamports(m.treasury.address)).toBe(treasuryBefore + fee);
    expect(h.lamports(c.escrow)).toBe(escrowBefore - 3_333_333n);
    expect(decodeAssignment(h.data(first))).toMatchObject({ state: AssignmentState.Submitted, resultUri: "blob://result/0", submittedAt: h.now() });
    expect(decodeCampaign(h.data(c.campaign))).toMatchObject({ openAssignments: 4, submittedCount: 1, escrowBalance: 3_333_333n * 5n });

    h.setTime(h.now() + 100n);
    await expectConserved(h, everyone, 1n, async () => {
      await h.sendOk([await getReviewInstruction({ requester: c.requester, campaign: c.campaign, assignment: first, worker: worker.address, score: 90 })], c.requester);
    });
    const expected = applyReview(initialRatingState(), 90, h.now());
    const rated = await profileOf(m, worker.address);
    expect(rated).toMatchObject({ rating: expected.rating, weight: expected.weight, weightedSum: expected.weightedSum, reviewCount: 1 });
    expect(decodeAssignment(h.data(first))).toMatchObject({ state: AssignmentState.Reviewed, score: 90 });

    // The other four expire; anyone may release them, then the requester closes and is refunded.
    h.setTime(h.now() + 3600n);
    const cranker = await h.fundedSigner(SOL);
    await expectConserved(h, [...everyone, cranker.address], 1n, async () => {
      const releases = await Promise.all(tasks.slice(1, 5).map((task) => getReleaseExpiredInstruction({ campaign: c.campaign, task, worker: worker.address })));
      await h.sendOk(releases, cranker);
    });
    expect(decodeAssignment(h.data(at(assignments, 1))).state).toBe(AssignmentState.Expired);
    expect(decodeTask(h.data(at(tasks, 1))).slotsTaken).toBe(0);
    expect((await profileOf(m, worker.address)).expiredCount).toBe(4);

    const requesterBefore = h.lamports(c.requester.address);
    const escrowLeft = h.lamports(c.escrow);
    expect(escrowLeft).toBe(h.rent(ACCOUNT_SIZES.escrow) + 3_333_333n * 5n);
    await expectConserved(h, everyone, 1n, async () => {
      await h.sendOk([await getCloseCampaignInstruction({ requester: c.requester, campaign: c.campaign })], c.requester);
    });
    expect(h.lamports(c.requester.address)).toBe(requesterBefore + escrowLeft - 5000n);
    expect(h.exists(c.escrow)).toBe(false);
    expect(decodeCampaign(h.data(c.campaign))).toMatchObject({ isClosed: true, escrowBalance: 0n });
  });
});
