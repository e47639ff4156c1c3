import { describe, expect, it } from "vitest";
import type { ReviewOutcome } from "../../../../shared/api";
import { describeReview } from "../../../../renderer/src/screens/requester/review-summary";

const W = "11111111111111111111111111111111";
const result = (basis: ReviewOutcome["results"][number]["basis"], score: number | null) => ({
  assignment: W,
  worker: W,
  taskIndex: 0,
  score,
  basis,
});

describe("review summary", () => {
  it("says why no score was posted", () => {
    const text = describeReview({
      results: [result("unverifiable", null), result("unverifiable", null)],
      workers: [],
      posted: 0,
    } as ReviewOutcome);
    expect(text).toBe(
      "Posted 0 scores on chain; 2 of 2 results not scored: 2 had nothing to be judged against (no gold answer and no second worker's result for the same image yet).",
    );
  });

  it("says when there was nothing to review, and stays short when all were posted", () => {
    expect(describeReview({ results: [], workers: [], posted: 0 } as ReviewOutcome)).toContain(
      "no submitted results to review yet",
    );
    expect(describeReview({ results: [result("consensus", 80)], workers: [], posted: 1 } as ReviewOutcome)).toBe(
      "Posted 1 score on chain.",
    );
  });
});
