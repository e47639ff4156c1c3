// The worker rating, bit-identical to program/src/rating.c (a property test holds them together).
//
//   score s in 0..100 is scaled to 0..10000 (x100)
//   decay   f = 2^-(dt/H) in 16.16 fixed point: exact halvings per half-life H = 30 days,
//           linear in between: f = (ONE >> k) - (ONE >> k) * (dt mod H) / (2H), k = floor(dt / H)
//   W' = floor(W f / 2^16) + ONE        S' = floor(S f / 2^16) + 100 s ONE
//   target  = floor((S' + PRIOR * PRIOR_W) / (W' + PRIOR_W)),  PRIOR = 2000, PRIOR_W = 5 ONE
//   rating' = clamp(target, rating - 500, rating + 500) within 0..10000
//
// Unrated workers (reviewCount 0) hold rating = PRIOR = 2000 and are gated by min_rating at that
// value: they can take campaigns with minRating <= 2000 only.

export const RATING_MAX = 10_000;
export const RATING_PRIOR = 2_000;
export const RATING_ONE = 65_536n;
export const RATING_PRIOR_WEIGHT = 5n * RATING_ONE;
export const RATING_HALF_LIFE_SECONDS = 2_592_000n;
export const RATING_MAX_STEP = 500;

const U64_MAX = (1n << 64n) - 1n;

export interface RatingState {
  rating: number;
  reviewCount: number;
  weight: bigint;
  weightedSum: bigint;
  lastReviewAt: bigint;
}

export function initialRatingState(): RatingState {
  return { rating: RATING_PRIOR, reviewCount: 0, weight: 0n, weightedSum: 0n, lastReviewAt: 0n };
}

export function ratingDecayFactor(elapsedSeconds: bigint): bigint {
  const halvings = elapsedSeconds / RATING_HALF_LIFE_SECONDS;
  if (halvings > 16n) return 0n;
  const base = RATING_ONE >> halvings;
  const rest = elapsedSeconds % RATING_HALF_LIFE_SECONDS;
  return base - (base * rest) / (2n * RATING_HALF_LIFE_SECONDS);
}

function checked(value: bigint): bigint {
  if (value > U64_MAX) throw new RangeError("rating arithmetic overflow");
  return value;
}

/** The state after one review with score 0..100 at unix time `now`, exactly as the program computes it. */
export function applyReview(state: RatingState, score: number, now: bigint): RatingState {
  if (!Number.isInteger(score) || score < 0 || score > 100) throw new RangeError("score must be an integer 0..100");
  const elapsed = now > state.lastReviewAt ? now - state.lastReviewAt : 0n;
  const f = ratingDecayFactor(elapsed);
  const weight = checked(((state.weight * f) >> 16n) + RATING_ONE);
  const weightedSum = checked(((state.weightedSum * f) >> 16n) + BigInt(score) * 100n * RATING_ONE);
  const target = checked(weightedSum + BigInt(RATING_PRIOR) * RATING_PRIOR_WEIGHT) / checked(weight + RATING_PRIOR_WEIGHT);
  const low = Math.max(state.rating - RATING_MAX_STEP, 0);
  const high = Math.min(state.rating + RATING_MAX_STEP, RATING_MAX);
  const rating = Math.min(Math.max(Number(target), low), high);
  return { rating, reviewCount: state.reviewCount + 1, weight, weightedSum, lastReviewAt: now };
}

/** A rating (0..10000) as stars out of five, for display. */
export function ratingToStars(rating: number): number {
  return (rating / RATING_MAX) * 5;
}
