// The happy path of every instruction, with lamports conserved to the lamport at every step and
// every account a party paid for closed again, its rent back with whoever paid it.
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SIZES,
  AssignmentState,
  applyReview,
  computeFee,
  computeRequesterRent,
  decodeAssignment,
  decodeCampaign,
  decodeConfig,
  decodeEventsFromLogs,
  decodeShare,
  decodeTaskPage,
  findAssignmentPda,
  findSharePda,
  findTaskPagePda,
  findWorkerProfilePda,
  getAcceptAuthorityInstruction,
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  getEndCampaignInstruction,
  getGrantKeyInstruction,
  getReleaseExpiredInstruction,
  getReviewInstruction,
  getSetFeeInstruction,
  getSetPausedInstruction,
  getUpdateConfigInstruction,
  getUpdateWorkerKeyInstruction,
  getWithdrawFeesInstruction,
  initialRatingState,
  RATING_PRIOR,
  TASK_PAGE_HEADER_BYTES,
} from "../../../shared/protocol/index";
import { at, expectConserved, SOL } from "../../support/program-harness";
import {
  acceptIx,
  createCampaign,
  profileOf,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../support/program-market-fixture";

describe("happy path", () => {
  it("init_config creates a rent-exempt fee vault; fee, pause, two-step authority handover and withdrawals", async () => {
    const m = await setupMarket();
    const h = m.h;
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault));
    let config = decodeConfig(h.data(m.config));
    expect(config).toMatchObject({
      feeBps: 500,
      paused: false,
      authority: m.governance.address,
      treasury: m.treasury.address,
      pendingAuthority: null,
    });
    await expectConserved(h, [m.governance.address, m.config], 3n, async () => {
      await h.sendOk([await getSetFeeInstruction({ authority: m.governance, feeBps: 1000 })], m.governance);
      await h.sendOk([await getSetPausedInstruction({ authority: m.governance, paused: true })], m.governance);
      await h.sendOk([await getSetPausedInstruction({ authority: m.governance, paused: false })], m.governance);
    });
    const next = await h.fundedSigner();
    await h.sendOk(
      [
        await getUpdateConfigInstruction({
          authority: m.governance,
          proposedAuthority: next.address,
          treasury: next.address,
        }),
      ],
      m.governance,
    );
    config = decodeConfig(h.data(m.config));
    expect(config).toMatchObject({
      authority: m.governance.address,
      pendingAuthority: next.address,
      treasury: next.address,
    });
    await h.sendOk([await getAcceptAuthorityInstruction({ authority: next })], next);
    expect(decodeConfig(h.data(m.config))).toMatchObject({
      feeBps: 1000,
      authority: next.address,
      pendingAuthority: null,
    });

    // Fees: a 1-lamport-over-rent vault pays out exactly what sits above its rent.
    h.svm.airdrop(m.feeVault, 12_345n as never);
    const before = h.lamports(next.address);
    await h.sendOk([await getWithdrawFeesInstruction({ authority: next, treasury: next.address })], next);
    expect(h.lamports(next.address)).toBe(before + 12_345n - 5000n);
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault));
  });

  it("register_worker starts unrated; update_worker_key", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const profileAddress = (await findWorkerProfilePda(worker.address))[0];
    let profile = await profileOf(m, worker.address);
    expect(profile).toMatchObject({
      worker: worker.address,
      rating: RATING_PRIOR,
      reviewCount: 0,
      rated: false,
      registeredAt: m.h.now(),
    });
    expect(m.h.lamports(profileAddress)).toBe(m.h.rent(ACCOUNT_SIZES.workerProfile));
    await expectConserved(m.h, [worker.address, profileAddress], 1n, async () => {
      await m.h.sendOk(
        [await getUpdateWorkerKeyInstruction({ worker, x25519PublicKey: new Uint8Array(32).fill(9) })],
        worker,
      );
    });
    profile = await profileOf(m, worker.address);
    expect(profile.x25519PublicKey).toEqual(new Uint8Array(32).fill(9));
  });

  it("create_campaign funds escrow with price x tasks x replication; one page of slot counters per 8,192 tasks", async () => {
    const m = await setupMarket();
    const h = m.h;
    const requester = await h.fundedSigner(100n * SOL);
    const before = h.lamports(requester.address);
    const c = await createCampaign(m, { requester, price: 2_000_000n, taskCount: 10_000, replication: 3 });
    const funding = 2_000_000n * 10_000n * 3n;
    expect(h.lamports(c.escrow)).toBe(h.rent(ACCOUNT_SIZES.escrow) + funding);
    const pages = [(await findTaskPagePda(c.campaign, 0))[0], (await findTaskPagePda(c.campaign, 1))[0]];
    const rent =
      h.rent(ACCOUNT_SIZES.campaign) +
      h.rent(ACCOUNT_SIZES.escrow) +
      h.rent(TASK_PAGE_HEADER_BYTES + 8192) +
      h.rent(TASK_PAGE_HEADER_BYTES + 1808);
    expect(rent).toBe(computeRequesterRent(10_000));
    expect(rent).toBeLessThanOrEqual(100_000_000n);
    expect(h.lamports(requester.address)).toBe(before - funding - rent - 2n * 5000n);
    const campaign = decodeCampaign(h.data(c.campaign));
    expect(campaign).toMatchObject({
      requester: requester.address,
      price: 2_000_000n,
      taskCount: 10_000,
      replication: 3,
      escrowBalance: funding,
      pageCount: 2,
      pagesCreated: 2,
      endedAt: 0n,
      admitUnrated: true,
      metadataUri: "blob://campaign-metadata",
    });
    expect(decodeTaskPage(h.data(at(pages, 1)))).toMatchObject({ page: 1, campaign: c.campaign });
    expect(decodeTaskPage(h.data(at(pages, 1))).slots).toHaveLength(1808);
  });

  it("bulk accept, grant_key, paid submit closes the assignment, review rates, release, end, close: nothing stays locked", async () => {
    const m = await setupMarket();
    const h = m.h;
    const price = 3_333_333n;
    const c = await createCampaign(m, { isPrivate: true, taskCount: 6, replication: 1, price });
    const worker = await registerWorker(m);
    const profile = (await findWorkerProfilePda(worker.address))[0];
    const share = (await findSharePda(c.campaign, worker.address))[0];
    const page = (await findTaskPagePda(c.campaign, 0))[0];
    const assignments = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => (await findAssignmentPda(c.campaign, i, worker.address))[0]),
    );
    const everyone = [
      worker.address,
      c.requester.address,
      m.feeVault,
      c.escrow,
      c.campaign,
      profile,
      share,
      page,
      ...assignments,
    ];
    const workerStart = h.lamports(worker.address);

    // Bulk accept: five in one transaction; each takes a refundable deposit (the assignment's rent).
    let logs: string[] = [];
    await expectConserved(h, everyone, 1n, async () => {
      logs = (await h.sendOk(await Promise.all([0, 1, 2, 3, 4].map((i) => acceptIx(c, i, worker))), worker)).logs();
    });
    const deposit = h.rent(ACCOUNT_SIZES.assignment);
    const shareRent = h.rent(ACCOUNT_SIZES.share);
    expect(h.lamports(worker.address)).toBe(workerStart - 5n * deposit - shareRent - 5000n);
    expect(decodeEventsFromLogs(logs).map((e) => e.kind)).toEqual(Array(5).fill("taskAccepted"));
    expect(decodeShare(h.data(share))).toMatchObject({ taken: 5, open: 5, nextIndex: 5 });
    expect(decodeTaskPage(h.data(page)).slots).toEqual(Uint8Array.of(1, 1, 1, 1, 1, 0));
    const first = at(assignments, 0);
    expect(decodeAssignment(h.data(first))).toMatchObject({
      state: AssignmentState.Accepted,
      worker: worker.address,
      taskIndex: 0,
      expiresAt: h.now() + 3600n,
    });

    const wrappedKey = Uint8Array.from({ length: 104 }, (_, i) => i);
    await h.sendOk(
      [await getGrantKeyInstruction({ requester: c.requester, campaign: c.campaign, assignment: first, wrappedKey })],
      c.requester,
    );
    expect(decodeAssignment(h.data(first))).toMatchObject({ state: AssignmentState.KeyGranted, wrappedKey });

    const workerBefore = h.lamports(worker.address);
    const vaultBefore = h.lamports(m.feeVault);
    const escrowBefore = h.lamports(c.escrow);
    await expectConserved(h, everyone, 1n, async () => {
      logs = (await h.sendOk([await submitIx(c, 0, worker)], worker)).logs();
    });
    const fee = computeFee(price, 500);
    expect(fee).toBe(166_666n);
    expect(h.lamports(worker.address)).toBe(workerBefore + price - fee + deposit - 5000n);
    expect(h.lamports(m.feeVault)).toBe(vaultBefore + fee);
    expect(h.lamports(c.escrow)).toBe(escrowBefore - price);
    expect(h.exists(first)).toBe(false);
    const [submitted] = decodeEventsFromLogs(logs);
    expect(submitted).toMatchObject({
      kind: "resultSubmitted",
      campaign: c.campaign,
      worker: worker.address,
      taskIndex: 0,
      price,
      fee,
      depositReturned: deposit,
      rating: RATING_PRIOR,
      reviewCount: 0,
      resultUri: "blob://result/0",
      resultHash: new Uint8Array(32).fill(5),
    });
    expect(decodeShare(h.data(share))).toMatchObject({ open: 4, submitted: 1, pendingReviews: 1, paid: price - fee });
    expect(decodeCampaign(h.data(c.campaign))).toMatchObject({
      openAssignments: 4,
      submittedCount: 1,
      escrowBalance: price * 5n,
    });

    h.setTime(h.now() + 100n);
    await expectConserved(h, everyone, 1n, async () => {
      logs = (
        await h.sendOk(
          [
            await getReviewInstruction({
              requester: c.requester,
              campaign: c.campaign,
              worker: worker.address,
              taskIndex: 0,
              score: 90,
            }),
          ],
          c.requester,
        )
      ).logs();
    });
    const expected = applyReview(initialRatingState(), 90, price, h.now());
    const rated = await profileOf(m, worker.address);
    expect(rated).toMatchObject({
      rating: expected.rating,
      weight: expected.weight,
      weightedSum: expected.weightedSum,
      reviewCount: 1,
      rated: true,
      earned: price - fee,
    });
    expect(decodeEventsFromLogs(logs)[0]).toMatchObject({
      kind: "reviewPosted",
      score: 90,
      ratingBefore: RATING_PRIOR,
      ratingAfter: expected.rating,
    });
    expect(decodeShare(h.data(share))).toMatchObject({ pendingReviews: 0, reviewed: 1 });

    // The other four expire; anyone may release them: each deposit goes back to the worker.
    h.setTime(h.now() + 3600n);
    const cranker = await h.fundedSigner(SOL);
    const workerBeforeRelease = h.lamports(worker.address);
    await expectConserved(h, [...everyone, cranker.address], 1n, async () => {
      const releases = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          getReleaseExpiredInstruction({ campaign: c.campaign, taskIndex: i, worker: worker.address }),
        ),
      );
      await h.sendOk(releases, cranker);
    });
    expect(h.lamports(worker.address)).toBe(workerBeforeRelease + 4n * deposit);
    expect(h.exists(at(assignments, 1))).toBe(false);
    expect(decodeTaskPage(h.data(page)).slots).toEqual(Uint8Array.of(1, 0, 0, 0, 0, 0));
    expect((await profileOf(m, worker.address)).expiredCount).toBe(4);

    await h.sendOk([await getEndCampaignInstruction({ requester: c.requester, campaign: c.campaign })], c.requester);
    const requesterBefore = h.lamports(c.requester.address);
    const held = h.lamports(c.escrow) + h.lamports(c.campaign) + h.lamports(page);
    expect(h.lamports(c.escrow)).toBe(h.rent(ACCOUNT_SIZES.escrow) + price * 5n);
    await expectConserved(h, everyone, 1n, async () => {
      logs = (
        await h.sendOk(
          [await getCloseCampaignInstruction({ requester: c.requester, campaign: c.campaign, pagesCreated: 1 })],
          c.requester,
        )
      ).logs();
    });
    expect(h.lamports(c.requester.address)).toBe(requesterBefore + held - 5000n);
    for (const closed of [c.escrow, c.campaign, page]) expect(h.exists(closed)).toBe(false);
    expect(decodeEventsFromLogs(logs)[0]).toMatchObject({
      kind: "campaignClosed",
      submitted: 1,
      reviewed: 1,
      refund: held,
    });

    // The share's deposit: anyone may return it once the campaign is gone.
    const workerBeforeShare = h.lamports(worker.address);
    await h.sendOk([await getCloseShareInstruction({ campaign: c.campaign, worker: worker.address })], cranker);
    expect(h.lamports(worker.address)).toBe(workerBeforeShare + shareRent);
    expect(h.exists(share)).toBe(false);
    // The worker ends with start + one paid result − its own fees; every deposit came back.
    expect(h.lamports(worker.address)).toBe(workerStart + price - fee - 2n * 5000n);
  });
});
