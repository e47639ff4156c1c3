import type { ReviewOutcome } from "../../../../shared/api";

const WHY: Partial<Record<ReviewOutcome["results"][number]["basis"], (n: number) => string>> = {
  unverifiable: (n) =>
    `${n} had nothing to be judged against (no gold answer and no second worker's result for the same image yet)`,
  unreadable: (n) => `${n} could not be read (missing or undecryptable result file)`,
  "already-reviewed": (n) => `${n} ${n === 1 ? "was" : "were"} reviewed before`,
};

/** "Posted 3 scores on chain." and, when fewer than the results, why the others were not. */
export function describeReview(review: ReviewOutcome): string {
  const posted = `Posted ${review.posted} score${review.posted === 1 ? "" : "s"} on chain`;
  if (review.results.length === 0) return `${posted}: there are no submitted results to review yet.`;
  if (review.posted >= review.results.length) return `${posted}.`;
  const counts = new Map<string, number>();
  for (const r of review.results) if (WHY[r.basis]) counts.set(r.basis, (counts.get(r.basis) ?? 0) + 1);
  const reasons = [...counts].map(([basis, n]) => WHY[basis as keyof typeof WHY]!(n));
  const left = review.results.length - review.posted;
  return `${posted}; ${left} of ${review.results.length} result${review.results.length === 1 ? "" : "s"} not scored: ${reasons.join("; ") || "nothing could judge them"}.`;
}
