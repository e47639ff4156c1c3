// The rating model's intended behaviour (the chain is held to the same code by the property test).
import { describe, expect, it } from "vitest";
import {
  applyReview, computeCampaignFunding, computeFee, computeShareCap, computeWorkerPay, initialRatingState, RATING_HALF_LIFE_SECONDS,
  RATING_MAX_STEP, RATING_ONE, RATING_PRIOR, ratingDecayFactor,
} from "../../../shared/protocol/index";
import type { RatingState } from "../../../shared/protocol/index";

function run(scores: number[], start = 1_000_000n, gap = 60n, from: RatingState = initialRatingState()): RatingState {
  return scores.reduce((state, score, i) => applyReview(state, score, start + BigInt(i) * gap), from);
}

describe("rating model", () => {
  it("starts unrated at the low prior", () => {
    expect(initialRatingState()).toEqual({ rating: RATING_PRIOR, reviewCount: 0, weight: 0n, weightedSum: 0n, lastReviewAt: 0n });
  });

  it("never moves more than one bounded step per review", () => {
    let state = initialRatingState();
    for (const score of [100, 100, 0, 100, 0, 0, 100, 50]) {
      const next = applyReview(state, score, state.lastReviewAt + 10n);
      expect(Math.abs(next.rating - state.rating)).toBeLessThanOrEqual(RATING_MAX_STEP);
      state = next;
    }
  });

  it("stays biased down until enough reviews: perfect work needs many reviews to reach 90 %", () => {
    const afterFive = run([100, 100, 100, 100, 100]);
    expect(afterFive.rating).toBeLessThan(6000);
    const afterFifty = run(Array.from({ length: 50 }, () => 100));
    expect(afterFifty.rating).toBeGreaterThan(9000);
  });

  it("softens a single bad review for an established worker", () => {
    const established = run(Array.from({ length: 40 }, () => 95));
    const after = applyReview(established, 0, established.lastReviewAt + 60n);
    expect(established.rating - after.rating).toBeLessThanOrEqual(500);
    expect(after.rating).toBeGreaterThan(8000);
  });

  it("weighs recent reviews more: the same scores in the opposite order end differently", () => {
    const improving = run([...Array.from({ length: 10 }, () => 20), ...Array.from({ length: 10 }, () => 100)], 0n, RATING_HALF_LIFE_SECONDS / 4n);
    const declining = run([...Array.from({ length: 10 }, () => 100), ...Array.from({ length: 10 }, () => 20)], 0n, RATING_HALF_LIFE_SECONDS / 4n);
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
    expect(() => applyReview(initialRatingState(), 101, 1n)).toThrow(RangeError);
  });
});

describe("economics helpers", () => {
  it("splits a price into fee and pay, and sizes escrow and share caps like the program", () => {
    expect(computeFee(1_000_000n, 500)).toBe(50_000n);
    expect(computeWorkerPay(1_000_001n, 500)).toBe(950_001n);
    expect(computeCampaignFunding(3n, 4, 5)).toBe(60n);
    expect(computeShareCap(10, 2000)).toBe(2);
    expect(computeShareCap(3, 100)).toBe(1);
  });
});
