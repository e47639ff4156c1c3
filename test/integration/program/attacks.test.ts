// Attacks on the incentives, not only on accounts: each test tries one and checks, to the
// lamport, that it is refused or buys nothing.
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  CONFIG_OFFSETS,
  decodeEventsFromLogs,
  decodeShare,
  findAssignmentPda,
  findSharePda,
  findTaskPagePda,
  getAcceptAuthorityInstruction,
  getAcceptTaskInstruction,
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  getCreateCampaignInstruction,
  getEndCampaignInstruction,
  getGrantKeyInstruction,
  getInitConfigInstruction,
  getReleaseExpiredInstruction,
  getReviewInstruction,
  getSetFeeInstruction,
  getUpdateConfigInstruction,
  getWithdrawFeesInstruction,
  PROGRAM_ERROR_CODES as E,
  RATING_MAX_STEP,
  RATING_PRIOR,
  SYSTEM_PROGRAM_ADDRESS,
} from "../../../shared/protocol/index";
import { addressBytes } from "../../../shared/bytes";
import { LAMPORTS_PER_SIGNATURE, plantAccount, ProgramHarness, SOL } from "../../support/program-harness";
import {
  acceptIx,
  acceptTask,
  campaignInput,
  createCampaign,
  profileOf,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../support/program-market-fixture";
import type { AmplifyInstruction } from "../../../shared/protocol/index";
import type { CampaignFixture, Market } from "../../support/program-market-fixture";
import type { KeyPairSigner } from "@solana/kit";

async function reviewIx(
  c: CampaignFixture,
  worker: KeyPairSigner,
  taskIndex: number,
  score: number,
): Promise<AmplifyInstruction> {
  return getReviewInstruction({
    requester: c.requester,
    campaign: c.campaign,
    worker: worker.address,
    taskIndex,
    score,
  });
}

/** Accepts and submits tasks 0..n-1 of `c` as `worker`, all in one transaction each way. */
async function work(m: Market, c: CampaignFixture, worker: KeyPairSigner, n: number): Promise<void> {
  const indices = Array.from({ length: n }, (_, i) => i);
  await m.h.sendOk(await Promise.all(indices.map((i) => acceptIx(c, i, worker))), worker);
  await m.h.sendOk(await Promise.all(indices.map((i) => submitIx(c, i, worker))), worker);
}

describe("attacks on ratings", () => {
  it("self-review: a requester cannot take (and so rate) work on its own campaign", async () => {
    const m = await setupMarket();
    const self = await registerWorker(m);
    const c = await createCampaign(m, { requester: self });
    await m.h.expectError([await acceptIx(c, 0, self)], self, E.SelfDealing);
  });

  it("rating purchase with a second wallet and 1-lamport tasks: reviews weigh nothing, the rating does not move", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const sybil = await m.h.fundedSigner(10n * SOL);
    const c = await createCampaign(m, { requester: sybil, price: 1n, taskCount: 5, replication: 1 });
    await work(m, c, worker, 5);
    await m.h.sendOk(await Promise.all([0, 1, 2, 3, 4].map((i) => reviewIx(c, worker, i, 100))), sybil);
    expect(await profileOf(m, worker.address)).toMatchObject({ rating: RATING_PRIOR, reviewCount: 0, rated: false });
  });

  it("rating purchase at full price: a day of 100-score reviews from a sybil requester moves it one step, at a cost of every fee", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const sybil = await m.h.fundedSigner(10n * SOL);
    const price = 1_000_000n;
    const wallets = [worker.address, sybil.address];
    const before = m.h.total(wallets);
    const c = await createCampaign(m, { requester: sybil, price, taskCount: 8, replication: 1 });
    await work(m, c, worker, 8);
    await m.h.sendOk(await Promise.all(Array.from({ length: 8 }, (_, i) => reviewIx(c, worker, i, 100))), sybil);
    expect((await profileOf(m, worker.address)).rating).toBe(RATING_PRIOR + RATING_MAX_STEP);
    await m.h.sendOk([await getEndCampaignInstruction({ requester: sybil, campaign: c.campaign })], sybil);
    await m.h.sendOk(
      [await getCloseCampaignInstruction({ requester: sybil, campaign: c.campaign, pagesCreated: 1 })],
      sybil,
    );
    await m.h.sendOk([await getCloseShareInstruction({ campaign: c.campaign, worker: worker.address })], worker);
    // What the pair lost is exactly the protocol fee on every result plus transaction fees: rent all came back.
    const signatures =
      2n /* create + page */ + 2n /* accept, submit */ + 1n /* reviews */ + 2n /* end, close */ + 1n; /* close share */
    expect(m.h.total(wallets)).toBe(before - 8n * (price / 20n) - signatures * LAMPORTS_PER_SIGNATURE);
  });

  it("batch reviews: five 100-score reviews in one transaction, from two requesters, move the rating by at most the clamp", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const a = await createCampaign(m, { price: 5_000_000n, replication: 1 });
    const b = await createCampaign(m, { price: 5_000_000n, replication: 1 });
    await work(m, a, worker, 3);
    await work(m, b, worker, 2);
    const start = (await profileOf(m, worker.address)).rating;
    await m.h.sendOk(
      [
        await reviewIx(a, worker, 0, 100),
        await reviewIx(a, worker, 1, 100),
        await reviewIx(a, worker, 2, 100),
        await reviewIx(b, worker, 0, 100),
        await reviewIx(b, worker, 1, 100),
      ],
      a.requester,
    );
    expect((await profileOf(m, worker.address)).rating - start).toBe(RATING_MAX_STEP);
  });

  it("laundering: a fresh wallet cannot outrank a penalised one on a campaign that admits rated workers only", async () => {
    const m = await setupMarket();
    const penalised = await registerWorker(m, 1000);
    const fresh = await registerWorker(m);
    const gated = await createCampaign(m, { minRating: 500, admitUnrated: false });
    await acceptTask(m, gated, 0, penalised);
    await m.h.expectError([await acceptIx(gated, 0, fresh)], fresh, E.Unrated);
    const stricter = await createCampaign(m, { minRating: 1500, admitUnrated: false });
    await m.h.expectError([await acceptIx(stricter, 0, penalised)], penalised, E.RatingTooLow);
    await m.h.expectError([await acceptIx(stricter, 0, fresh)], fresh, E.Unrated);
  });
});

describe("attacks on money and control", () => {
  it("an emptied treasury cannot block payments: fees of any size land in the rent-exempt fee vault", async () => {
    const m = await setupMarket();
    m.h.svm.setAccount({
      address: m.treasury.address,
      data: new Uint8Array(),
      executable: false,
      lamports: 0n as never,
      programAddress: SYSTEM_PROGRAM_ADDRESS,
      space: 0n,
    });
    const c = await createCampaign(m, { price: 21n, replication: 1 });
    const worker = await registerWorker(m);
    const vault = m.h.lamports(m.feeVault);
    await acceptTask(m, c, 0, worker);
    await m.h.sendOk([await submitIx(c, 0, worker)], worker);
    expect(m.h.lamports(m.feeVault)).toBe(vault + 1n);
  });

  it("update_config and init_config refuse authorities and treasuries that could never sign or receive", async () => {
    const m = await setupMarket();
    const unusable = [SYSTEM_PROGRAM_ADDRESS, AMPLIFY_PROGRAM_ADDRESS, m.config, m.feeVault];
    for (const bad of unusable) {
      await m.h.expectError(
        [await getUpdateConfigInstruction({ authority: m.governance, proposedAuthority: null, treasury: bad })],
        m.governance,
        E.UnusableAddress,
      );
      // A zero proposal means "no handover": the other three are refused.
      if (bad === SYSTEM_PROGRAM_ADDRESS) continue;
      await m.h.expectError(
        [
          await getUpdateConfigInstruction({
            authority: m.governance,
            proposedAuthority: bad,
            treasury: m.treasury.address,
          }),
        ],
        m.governance,
        E.UnusableAddress,
      );
    }
    const fresh = await ProgramHarness.deploy();
    const payer = fresh.deployer;
    for (const bad of unusable) {
      await fresh.expectError(
        [await getInitConfigInstruction({ payer, authority: payer.address, treasury: bad })],
        payer,
        E.UnusableAddress,
      );
    }
  });

  it("authority handover takes two steps: a proposed key that never signs never governs", async () => {
    const m = await setupMarket();
    const next = await m.h.fundedSigner();
    const stranger = await m.h.fundedSigner();
    await m.h.sendOk(
      [
        await getUpdateConfigInstruction({
          authority: m.governance,
          proposedAuthority: next.address,
          treasury: m.treasury.address,
        }),
      ],
      m.governance,
    );
    await m.h.expectError([await getAcceptAuthorityInstruction({ authority: stranger })], stranger, E.Unauthorized);
    await m.h.expectError([await getSetFeeInstruction({ authority: next, feeBps: 0 })], next, E.Unauthorized);
    await m.h.sendOk([await getSetFeeInstruction({ authority: m.governance, feeBps: 0 })], m.governance);
    await m.h.sendOk([await getAcceptAuthorityInstruction({ authority: next })], next);
    await m.h.expectError(
      [await getSetFeeInstruction({ authority: m.governance, feeBps: 100 })],
      m.governance,
      E.Unauthorized,
    );
  });

  it("a transfer from an account to itself is refused (a config whose treasury is the fee vault)", async () => {
    const m = await setupMarket();
    const data = m.h.data(m.config);
    data.set(addressBytes(m.feeVault), CONFIG_OFFSETS.treasury);
    plantAccount(m.h, m.config, data, AMPLIFY_PROGRAM_ADDRESS);
    m.h.svm.airdrop(m.feeVault, 1000n as never);
    await m.h.expectError(
      [await getWithdrawFeesInstruction({ authority: m.governance, treasury: m.feeVault })],
      m.governance,
      E.SelfTransfer,
    );
  });

  it("governance cannot withdraw the fee vault below its rent", async () => {
    const m = await setupMarket();
    m.h.svm.airdrop(m.feeVault, 1000n as never);
    await m.h.expectError(
      [await getWithdrawFeesInstruction({ authority: m.governance, treasury: m.treasury.address, amount: 1001n })],
      m.governance,
      E.InsufficientEscrow,
    );
    await m.h.sendOk(
      [await getWithdrawFeesInstruction({ authority: m.governance, treasury: m.treasury.address, amount: 1000n })],
      m.governance,
    );
  });

  it("a requester who never reviews cannot keep a worker's deposits: back at submit, and the share's after the review window", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { deadline: m.h.now() + 1000n, assignmentTimeout: 600n, reviewWindow: 3600n });
    const worker = await registerWorker(m);
    const start = m.h.lamports(worker.address);
    await work(m, c, worker, 2);
    const pay = 2n * (c.price - c.price / 20n);
    const shareRent = m.h.rent(144);
    expect(m.h.lamports(worker.address)).toBe(start + pay - shareRent - 2n * LAMPORTS_PER_SIGNATURE);
    const cranker = await m.h.fundedSigner(SOL);
    const close = await getCloseShareInstruction({ campaign: c.campaign, worker: worker.address });
    await m.h.expectError([close], cranker, E.ReviewWindow);
    m.h.setTime(m.h.now() + 1000n + 600n + 3599n);
    await m.h.expectError([close], cranker, E.ReviewWindow);
    m.h.setTime(m.h.now() + 1n);
    await m.h.expectError([await reviewIx(c, worker, 0, 0)], c.requester, E.ReviewWindow);
    const logs = (await m.h.sendOk([close], cranker)).logs();
    expect(decodeEventsFromLogs(logs)[0]).toMatchObject({
      kind: "shareClosed",
      depositReturned: shareRent,
      lapsedReviews: 2,
    });
    expect(m.h.lamports(worker.address)).toBe(start + pay - 2n * LAMPORTS_PER_SIGNATURE);
  });

  it("a griefer holding tasks delays a close by one timeout at most; its stuck work is released and its deposit returned", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { assignmentTimeout: 600n, replication: 1 });
    const griefer = await registerWorker(m);
    await m.h.sendOk([await acceptIx(c, 0, griefer), await acceptIx(c, 1, griefer)], griefer);
    const page = (await findTaskPagePda(c.campaign, 0))[0];
    m.h.svm.airdrop(c.campaign, 777n as never);
    m.h.svm.airdrop(page, 5n as never);
    await m.h.sendOk([await getEndCampaignInstruction({ requester: c.requester, campaign: c.campaign })], c.requester);
    const close = await getCloseCampaignInstruction({ requester: c.requester, campaign: c.campaign, pagesCreated: 1 });
    await m.h.expectError([close], c.requester, E.OpenAssignments);
    m.h.setTime(m.h.now() + 600n);
    const griefBefore = m.h.lamports(griefer.address);
    await m.h.sendOk(
      await Promise.all(
        [0, 1].map((i) =>
          getReleaseExpiredInstruction({ campaign: c.campaign, taskIndex: i, worker: griefer.address }),
        ),
      ),
      c.requester,
    );
    expect(m.h.lamports(griefer.address)).toBe(griefBefore + 2n * m.h.rent(208));
    const before = m.h.lamports(c.requester.address);
    const held = m.h.lamports(c.campaign) + m.h.lamports(c.escrow) + m.h.lamports(page);
    await m.h.sendOk([close], c.requester);
    expect(m.h.lamports(c.requester.address)).toBe(before + held - LAMPORTS_PER_SIGNATURE);
    // The griefer's share: anyone returns it to the griefer once the campaign is gone.
    const share = (await findSharePda(c.campaign, griefer.address))[0];
    expect(decodeShare(m.h.data(share)).open).toBe(0);
    await m.h.sendOk([await getCloseShareInstruction({ campaign: c.campaign, worker: griefer.address })], c.requester);
    expect(m.h.exists(share)).toBe(false);
  });

  it("every instruction refuses data one byte too long or too short", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { isPrivate: true });
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    const fresh = await m.h.fundedSigner();
    const assignment = (await findAssignmentPda(c.campaign, 0, worker.address))[0];
    const cases: [string, AmplifyInstruction, KeyPairSigner][] = [
      [
        "init_config",
        await getInitConfigInstruction({ payer: fresh, authority: fresh.address, treasury: worker.address }),
        fresh,
      ],
      ["set_fee", await getSetFeeInstruction({ authority: m.governance, feeBps: 100 }), m.governance],
      [
        "update_config",
        await getUpdateConfigInstruction({
          authority: m.governance,
          proposedAuthority: null,
          treasury: m.treasury.address,
        }),
        m.governance,
      ],
      ["accept_authority", await getAcceptAuthorityInstruction({ authority: m.governance }), m.governance],
      [
        "withdraw_fees",
        await getWithdrawFeesInstruction({ authority: m.governance, treasury: m.treasury.address }),
        m.governance,
      ],
      ["create_campaign", await getCreateCampaignInstruction(campaignInput(m, fresh, 4242n)), fresh],
      ["accept_task", await getAcceptTaskInstruction({ worker, campaign: c.campaign, taskIndex: 1 }), worker],
      [
        "grant_key",
        await getGrantKeyInstruction({
          requester: c.requester,
          campaign: c.campaign,
          assignment,
          wrappedKey: new Uint8Array(104),
        }),
        c.requester,
      ],
      ["submit_result", await submitIx(c, 0, worker), worker],
      ["review", await reviewIx(c, worker, 0, 50), c.requester],
      ["end_campaign", await getEndCampaignInstruction({ requester: c.requester, campaign: c.campaign }), c.requester],
      ["close_share", await getCloseShareInstruction({ campaign: c.campaign, worker: worker.address }), c.requester],
    ];
    for (const [name, ix, payer] of cases) {
      for (const data of [Uint8Array.from([...ix.data, 0]), ix.data.subarray(0, ix.data.length - 1)]) {
        await m.h.expectError([{ ...ix, data }], payer, E.InvalidInstruction).catch((error: unknown) => {
          throw new Error(`${name}, ${data.length} bytes: ${String(error)}`);
        });
      }
    }
  });
});
