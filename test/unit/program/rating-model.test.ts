// The rating model's intended behaviour (the chain is held to the same code by the property test).
import { describe, expect, it } from "vitest";
import {
  applyReview,
  computeCampaignFunding,
  computeFee,
  computeRequesterRent,
  computeShareCap,
  computeWorkerPay,
  initialRatingState,
  RATING_FULL_WEIGHT_PRICE,
  RATING_HALF_LIFE_SECONDS,
  RATING_MAX_STEP,
  RATING_ONE,
  RATING_PRIOR,
  RATING_WINDOW_SECONDS,
  ratingDecayFactor,
  reviewWeight,
} from "../../../shared/protocol/index";
import type { RatingState } from "../../../shared/protocol/index";

const FULL = RATING_FULL_WEIGHT_PRICE;

/** One full-weight review a day apart by default: a new clamp window each time. */
function run(
  scores: number[],
  start = 1_000_000n,
  gap = RATING_WINDOW_SECONDS,
  from: RatingState = initialRatingState(),
): RatingState {
  return scores.reduce((state, score, i) => applyReview(state, score, FULL, start + BigInt(i) * gap), from);
}

describe("rating model", () => {
  it("starts unrated at the low prior", () => {
    expect(initialRatingState()).toEqual({
      rating: RATING_PRIOR,
      reviewCount: 0,
      weight: 0n,
      weightedSum: 0n,
      lastReviewAt: 0n,
      windowStart: 0n,
      windowAnchor: RATING_PRIOR,
    });
  });

  it("moves at most one bounded step per window, however many reviews land in it", () => {
    let state = initialRatingState();
    for (let i = 0; i < 20; i++) state = applyReview(state, 100, FULL, 1_000n + BigInt(i));
    expect(state.rating).toBe(RATING_PRIOR + RATING_MAX_STEP);
    state = applyReview(state, 100, FULL, 1_000n + RATING_WINDOW_SECONDS);
    expect(state.rating).toBeGreaterThan(RATING_PRIOR + RATING_MAX_STEP);
    expect(state.rating).toBeLessThanOrEqual(RATING_PRIOR + 2 * RATING_MAX_STEP);
  });

  it("weighs a review by the price paid: 1 lamport moves nothing, half the full price weighs half", () => {
    expect(applyReview(initialRatingState(), 100, 1n, 5n)).toEqual(initialRatingState());
    expect(reviewWeight(FULL / 2n)).toBe(RATING_ONE / 2n);
    expect(reviewWeight(FULL * 10n)).toBe(RATING_ONE);
    const half = applyReview(initialRatingState(), 30, FULL / 2n, 5n);
    const full = applyReview(initialRatingState(), 30, FULL, 5n);
    expect(half.rating).toBeLessThan(full.rating);
    expect(half.rating).toBeGreaterThan(RATING_PRIOR);
  });

  it("stays biased down until enough reviews: perfect work needs many reviews to reach 90 %", () => {
    expect(run([100, 100, 100, 100, 100]).rating).toBeLessThan(6000);
    // Daily reviews, so old ones have started to fade: it takes about 80 to pass 90 %.
    expect(run(Array.from({ length: 80 }, () => 100)).rating).toBeGreaterThan(9000);
  });

  it("softens a single bad review for an established worker", () => {
    const established = run(Array.from({ length: 40 }, () => 95));
    const after = applyReview(established, 0, FULL, established.lastReviewAt + 60n);
    expect(established.rating - after.rating).toBeLessThanOrEqual(500);
    expect(after.rating).toBeGreaterThan(8000);
  });

  it("weighs recent reviews more: the same scores in the opposite order end differently", () => {
    const improving = run(
      [...Array.from({ length: 10 }, () => 20), ...Array.from({ length: 10 }, () => 100)],
      0n,
      RATING_HALF_LIFE_SECONDS / 4n,
    );
    const declining = run(
      [...Array.from({ length: 10 }, () => 100), ...Array.from({ length: 10 }, () => 20)],
      0n,
      RATING_HALF_LIFE_SECONDS / 4n,
    );
    expect(improving.rating).toBeGreaterThan(declining.rating);
  });

  it("halves review weight every half-life, exactly at whole half-lives", () => {
    expect(ratingDecayFactor(0n)).toBe(RATING_ONE);
    expect(ratingDecayFactor(RATING_HALF_LIFE_SECONDS)).toBe(RATING_ONE / 2n);
    expect(ratingDecayFactor(2n * RATING_HALF_LIFE_SECONDS)).toBe(RATING_ONE / 4n);
    expect(ratingDecayFactor(RATING_HALF_LIFE_SECONDS / 2n)).toBe((RATING_ONE * 3n) / 4n);
    expect(ratingDecayFactor(17n * RATING_HALF_LIFE_SECONDS)).toBe(0n);
  });

  it("rejects scores outside 0..100", () => {
    expect(() => applyReview(initialRatingState(), 101, FULL, 1n)).toThrow(RangeError);
  });
});

describe("economics helpers", () => {
  it("splits a price into fee and pay, and sizes escrow, share caps and requester rent like the program", () => {
    expect(computeFee(1_000_000n, 500)).toBe(50_000n);
    expect(computeWorkerPay(1_000_001n, 500)).toBe(950_001n);
    expect(computeCampaignFunding(3n, 4, 5)).toBe(60n);
    expect(computeShareCap(10, 2000)).toBe(2);
    expect(computeShareCap(3, 100)).toBe(1);
    // 10,000 tasks: campaign + escrow + two pages, well under 0.1 SOL.
    expect(computeRequesterRent(10_000)).toBe(BigInt(336 + 128 + 48 + 128 + 8240 + 128 + 1856 + 128) * 6960n);
  });
});
