// Property: 1,000 random review sequences give bit-identical rating state on chain (rating.c,
// run by the real review instruction in LiteSVM) and in the TypeScript model (shared/protocol),
// across prices that weigh nothing, a fraction, or a full review, and across clamp windows.
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  applyReview,
  decodeWorkerProfile,
  findSharePda,
  findWorkerProfilePda,
  getReviewInstruction,
  initialRatingState,
  RATING_HALF_LIFE_SECONDS,
  RATING_MAX,
  RATING_WINDOW_SECONDS,
  SHARE_OFFSETS,
  WORKER_PROFILE_OFFSETS as W,
} from "../../../shared/protocol/index";
import { at, plantAccount } from "../../support/program-harness";
import {
  acceptTask,
  createCampaign,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../support/program-market-fixture";
import type { AmplifyInstruction, RatingState } from "../../../shared/protocol/index";
import type { Address } from "@solana/kit";
import { seededRandom } from "../../../shared/random";

const SEQUENCES = 1000;
const PRICES = [1n, 15n, 333_333n, 999_999n, 1_000_000n, 7_000_000n];

describe("rating: chain and TypeScript model agree", () => {
  it(`agrees bit for bit on ${SEQUENCES} random review sequences`, { timeout: 120_000 }, async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const campaigns: {
      c: Awaited<ReturnType<typeof createCampaign>>;
      share: Address;
      base: AmplifyInstruction;
      price: bigint;
    }[] = [];
    for (const price of PRICES) {
      const c = await createCampaign(m, { price, deadline: 2_500_000_000n, reviewWindow: 366n * 86_400n });
      await acceptTask(m, c, 0, worker);
      await m.h.sendOk([await submitIx(c, 0, worker)], worker);
      const share = (await findSharePda(c.campaign, worker.address))[0];
      const base = await getReviewInstruction({
        requester: c.requester,
        campaign: c.campaign,
        worker: worker.address,
        taskIndex: 0,
        score: 0,
      });
      campaigns.push({ c, share, base, price });
    }
    const profile = (await findWorkerProfilePda(worker.address))[0];
    const random = seededRandom(0xa11f1e);
    const pick = <T>(items: readonly T[]): T => at(items, Math.floor(random() * items.length));
    const bigRandom = (bits: number): bigint =>
      BigInt(Math.floor(random() * 2 ** Math.min(bits, 52))) << BigInt(Math.max(0, bits - 52));

    const plantProfile = (state: RatingState): void => {
      const data = m.h.data(profile);
      const view = new DataView(data.buffer);
      view.setUint32(W.rating, state.rating, true);
      view.setUint32(W.reviewCount, state.reviewCount, true);
      view.setBigUint64(W.weight, state.weight, true);
      view.setBigUint64(W.weightedSum, state.weightedSum, true);
      view.setBigInt64(W.lastReviewAt, state.lastReviewAt, true);
      view.setBigInt64(W.windowStart, state.windowStart, true);
      view.setUint32(W.windowAnchor, state.windowAnchor, true);
      plantAccount(m.h, profile, data, AMPLIFY_PROGRAM_ADDRESS);
    };
    const owePending = (share: Address): void => {
      const data = m.h.data(share);
      new DataView(data.buffer).setUint32(SHARE_OFFSETS.pendingReviews, 1, true);
      plantAccount(m.h, share, data, AMPLIFY_PROGRAM_ADDRESS);
    };

    let reviews = 0;
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      let now = 1_700_000_000n + BigInt(Math.floor(random() * 1e8));
      // Half start unrated; half from an arbitrary reachable-looking state to stress the arithmetic.
      let model: RatingState = initialRatingState();
      if (sequence % 2 === 1) {
        const rating = Math.floor(random() * (RATING_MAX + 1));
        const weight = bigRandom(pick([17, 24, 36]));
        model = {
          rating,
          reviewCount: 1 + Math.floor(random() * 1000),
          weight,
          weightedSum: weight * BigInt(Math.floor(random() * 10_001)),
          lastReviewAt: now - BigInt(Math.floor(random() * 1e7)),
          windowStart: now - BigInt(Math.floor(random() * 2 * Number(RATING_WINDOW_SECONDS))),
          windowAnchor: Math.max(0, Math.min(RATING_MAX, rating + Math.floor(random() * 1001) - 500)),
        };
      }
      plantProfile(model);
      const length = 1 + Math.floor(random() * 6);
      for (let i = 0; i < length; i++) {
        now += pick([
          0n,
          1n,
          60n,
          3_600n,
          86_400n,
          RATING_WINDOW_SECONDS - 1n,
          RATING_HALF_LIFE_SECONDS / 2n,
          RATING_HALF_LIFE_SECONDS,
          3n * RATING_HALF_LIFE_SECONDS,
          20n * RATING_HALF_LIFE_SECONDS,
          BigInt(Math.floor(random() * 1e7)),
        ]);
        const score = pick([0, 100, 50, Math.floor(random() * 101)]);
        const target = pick(campaigns);
        m.h.setTime(now);
        owePending(target.share);
        const data = Uint8Array.from(target.base.data);
        data[5] = score;
        await m.h.sendOk([{ ...target.base, data }], target.c.requester);
        model = applyReview(model, score, target.price, now);
        reviews++;
        const chain = decodeWorkerProfile(m.h.data(profile));
        expect(
          {
            rating: chain.rating,
            reviewCount: chain.reviewCount,
            weight: chain.weight,
            weightedSum: chain.weightedSum,
            lastReviewAt: chain.lastReviewAt,
            windowStart: chain.windowStart,
            windowAnchor: chain.windowAnchor,
          },
          `sequence ${sequence}, review ${i}`,
        ).toEqual(model);
      }
    }
    expect(reviews).toBeGreaterThan(SEQUENCES);
  });
});
