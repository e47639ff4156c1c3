// AMP weighted by independent requesters (program/src/independence.c), on the real program and SPL
// Token in LiteSVM: one person washing results between wallets it controls earns a bounded sliver
// of AMP however much it pays in fees (and the AMP-backed payout it buys is far below those fees),
// while a worker paid by four independent requesters earns the full rate on every review. Every
// AMP figure is predicted by the bit-exact model in shared/protocol/independence.ts and pinned as
// a literal too; fees are checked to the lamport in the fee vault.
import { getAddressEncoder } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SIZES,
  ampForCredited,
  ampForReview,
  claimable,
  creditFee,
  earnedSince,
  stakersPartOf,
  EMPTY_RING,
  getClaimRewardsInstruction,
  getReviewInstruction,
  getStakeInstruction,
  independenceCredit,
  INDEPENDENCE_WINDOW_SECONDS,
  requesterTag,
} from "../../../shared/protocol/index";
import { LAMPORTS_PER_SIGNATURE } from "../../support/program-harness";
import {
  ampBalance,
  governanceOf,
  holder,
  openAmpAccount,
  setupGovernedMarket,
  stake,
  stakeOf,
  TEST_PARAMETERS,
  warp,
} from "../../support/program-governance-fixture";
import { acceptTask, createCampaign, profileOf, registerWorker, submitIx } from "../../support/program-market-fixture";
import type { AccumulatorState, RequesterRing } from "../../../shared/protocol/index";
import type { GovernedMarket } from "../../support/program-governance-fixture";
import type { CampaignFixture } from "../../support/program-market-fixture";
import type { KeyPairSigner } from "@solana/kit";

const PRICE = 10_000_000n;
const FEE = 500_000n; // 5 % of the price
const AMP = 1_000_000_000n;

/** One paid and reviewed result: accept, submit, review at `score`. */
async function paidAndReviewed(
  m: GovernedMarket,
  c: CampaignFixture,
  index: number,
  worker: KeyPairSigner,
  score = 100,
): Promise<void> {
  await acceptTask(m, c, index, worker);
  await m.h.sendOk([await submitIx(c, index, worker)], worker);
  const review = await getReviewInstruction({
    requester: c.requester,
    campaign: c.campaign,
    worker: worker.address,
    taskIndex: index,
    score,
    programAddress: m.h.programId,
  });
  await m.h.sendOk([review], c.requester);
}

/** Runs the model over (campaign, score) reviews in order; returns the AMP each review mints. */
function modelAmp(reviews: { requester: KeyPairSigner; now: bigint; score?: number }[]): bigint[] {
  let ring: RequesterRing = EMPTY_RING;
  return reviews.map(({ requester, now, score = 100 }) => {
    const tag = requesterTag(new Uint8Array(getAddressEncoder().encode(requester.address)));
    const step = independenceCredit(ring, tag, FEE, now);
    ring = step.ring;
    return ampForCredited(step.credited, TEST_PARAMETERS.ampRate, score);
  });
}

const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

describe("AMP weighted by independent requesters", () => {
  it("wash trading from one requester wallet earns AMP on the base allowance only, and the payout it buys is far below the fees", async () => {
    const m = await setupGovernedMarket(500);
    const h = m.h;
    const programAddress = h.programId;
    // An honest holder keeps 1 AMP staked, so the washer's AMP competes for fees like anyone's.
    const honest = await holder(m, AMP);
    await stake(m, honest, AMP);
    // One person: the requester wallet and the worker wallet.
    const c = await createCampaign(m, {
      price: PRICE,
      taskCount: 16,
      replication: 1,
      deadline: m.h.now() + 30n * 86_400n,
    });
    const own = await registerWorker(m);
    await openAmpAccount(m, own);
    const vaultBefore = h.lamports(m.feeVault);
    const timeline: { requester: KeyPairSigner; now: bigint }[] = [];
    for (let i = 0; i < 8; i++) {
      await paidAndReviewed(m, c, i, own);
      timeline.push({ requester: c.requester, now: h.now() });
    }
    // 4,000,000 lamports of fees paid; AMP on the base allowance only: 2,000,000 / 3 = 666,666 of
    // them (500,000 on the first review, 166,666 on the second, nothing after).
    expect(h.lamports(m.feeVault) - vaultBefore).toBe(8n * FEE);
    const expected = modelAmp(timeline);
    expect(expected.slice(0, 3)).toEqual([500_000n, 166_666n, 0n]);
    expect(await ampBalance(m, own.address)).toBe(sum(expected));
    expect(sum(expected)).toBe(666_666n);
    expect(sum(expected) * 6n).toBeLessThan(8n * FEE * TEST_PARAMETERS.ampRate); // under 1/6 of the full rate

    // Waiting out the week halves its fees to this worker, which still exceed the allowance.
    warp(m, INDEPENDENCE_WINDOW_SECONDS);
    await paidAndReviewed(m, c, 8, own);
    timeline.push({ requester: c.requester, now: h.now() });
    expect(modelAmp(timeline)[8]).toBe(0n);
    expect(await ampBalance(m, own.address)).toBe(666_666n);

    // Stake the AMP and keep washing: the fees it pays are credited to everyone's stake, and what the
    // washer's AMP earns back is a tiny part of them (exact by the accumulator model).
    const earned = await ampBalance(m, own.address);
    await h.sendOk([await getStakeInstruction({ owner: own, amount: earned, programAddress })], own);
    const g0 = governanceOf(m);
    let model: AccumulatorState = {
      accumulator: g0.accumulator,
      remainder: g0.accumulatorRemainder,
      totalStaked: AMP + earned,
      distributed: g0.distributed,
    };
    const stakeAt = (await stakeOf(m, own.address)).accumulator;
    const feesBefore = h.lamports(m.feeVault);
    for (let i = 9; i < 13; i++) {
      await paidAndReviewed(m, c, i, own);
      model = creditFee(model, stakersPartOf(FEE, TEST_PARAMETERS.stakerBps));
    }
    const washedFees = h.lamports(m.feeVault) - feesBefore;
    expect(washedFees).toBe(4n * FEE);
    const owed = earnedSince(earned, model.accumulator, stakeAt);
    expect(claimable(await stakeOf(m, own.address), governanceOf(m))).toBe(owed);
    // 80 % of 2,000,000 lamports shared by 1,000,666,666 staked: 1,065 lamports for 666,666 of it.
    expect(owed).toBe(1_065n);
    const before = h.lamports(own.address);
    await h.sendOk([await getClaimRewardsInstruction({ owner: own, programAddress })], own);
    expect(h.lamports(own.address) - before).toBe(owed - LAMPORTS_PER_SIGNATURE);
    expect(owed * 1000n).toBeLessThan(washedFees);
    // The vault keeps its rent, the honest holder's unclaimed part and the 20 % for the treasury.
    const g = governanceOf(m);
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault) + 13n * FEE - g.claimed);
  });

  it("two wallets of equal volume stay capped; the rule holds per requester, not per campaign", async () => {
    const m = await setupGovernedMarket(500);
    const own = await registerWorker(m);
    await openAmpAccount(m, own);
    const wallets = [await m.h.fundedSigner(1000n * AMP), await m.h.fundedSigner(1000n * AMP)];
    // Two campaigns per wallet: a second campaign of the same wallet is the same requester.
    const campaigns = [];
    for (const requester of wallets) {
      for (let k = 0; k < 2; k++) campaigns.push(await createCampaign(m, { requester, price: PRICE, taskCount: 4 }));
    }
    const timeline: { requester: KeyPairSigner; now: bigint }[] = [];
    for (let round = 0; round < 4; round++) {
      for (const c of campaigns) {
        await paidAndReviewed(m, c, round, own);
        timeline.push({ requester: c.requester, now: m.h.now() });
      }
    }
    // 16 results, 8,000,000 lamports of fees; two wallets are credited at most BASE / (4 - 2) each.
    const expected = modelAmp(timeline);
    expect(await ampBalance(m, own.address)).toBe(sum(expected));
    expect(sum(expected)).toBeLessThanOrEqual(2n * 1_000_000n);
    expect(sum(expected.slice(8))).toBe(0n); // the second half of the washing earns nothing
  });

  it("an honest worker paid by four independent requesters earns the full rate on every review", async () => {
    const m = await setupGovernedMarket(500);
    const worker = await registerWorker(m);
    await openAmpAccount(m, worker);
    const campaigns = [];
    for (let k = 0; k < 4; k++) campaigns.push(await createCampaign(m, { price: PRICE, taskCount: 4 }));
    const timeline: { requester: KeyPairSigner; now: bigint; score: number }[] = [];
    const vaultBefore = m.h.lamports(m.feeVault);
    for (let round = 0; round < 3; round++) {
      for (const c of campaigns) {
        await paidAndReviewed(m, c, round, worker, 90);
        timeline.push({ requester: c.requester, now: m.h.now(), score: 90 });
      }
    }
    expect(m.h.lamports(m.feeVault) - vaultBefore).toBe(12n * FEE);
    const full = ampForReview(PRICE, 500, TEST_PARAMETERS.ampRate, 90);
    expect(full).toBe(450_000n);
    expect(modelAmp(timeline)).toEqual(Array.from({ length: 12 }, () => full));
    expect(await ampBalance(m, worker.address)).toBe(12n * full);
    // The profile's ring holds the four requesters with their 1,500,000 lamports of fees each.
    const ring = (await profileOf(m, worker.address)).requesters.filter((s) => s.fees > 0n);
    expect(ring.map((s) => s.fees)).toEqual([3n * FEE, 3n * FEE, 3n * FEE, 3n * FEE]);
  });
});
