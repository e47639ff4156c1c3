// The worker rating, bit-identical to program/src/rating.c (a property test holds them together).
//
//   score s in 0..100 is scaled to 0..10000 (x100)
//   weight  w = ONE min(price, FULL) / FULL   (FULL = 1,000,000 lamports; a 1-lamport task weighs 0)
//   decay   f = 2^-(dt/H) in 16.16 fixed point: exact halvings per half-life H = 30 days,
//           linear in between: f = (ONE >> k) - (ONE >> k) * (dt mod H) / (2H), k = floor(dt / H)
//   W' = floor(W f / 2^16) + w        S' = floor(S f / 2^16) + 100 s w
//   target  = floor((S' + PRIOR * PRIOR_W) / (W' + PRIOR_W)),  PRIOR = 2000, PRIOR_W = 5 ONE
//   window  restarts (anchor = rating) when now >= windowStart + 1 day, or at the first review
//   rating' = clamp(target, anchor - 500, anchor + 500) within 0..10000
//
// A weight-0 review changes nothing. Unrated (reviewCount 0) is its own state: campaigns choose
// whether to admit unrated workers, and never compare them with minRating.

export const RATING_MAX = 10_000;
export const RATING_PRIOR = 2_000;
export const RATING_ONE = 65_536n;
export const RATING_PRIOR_WEIGHT = 5n * RATING_ONE;
export const RATING_HALF_LIFE_SECONDS = 2_592_000n;
export const RATING_MAX_STEP = 500;
export const RATING_WINDOW_SECONDS = 86_400n;
export const RATING_FULL_WEIGHT_PRICE = 1_000_000n;

const U64_MAX = (1n << 64n) - 1n;

export interface RatingState {
  rating: number;
  reviewCount: number;
  weight: bigint;
  weightedSum: bigint;
  lastReviewAt: bigint;
  windowStart: bigint;
  windowAnchor: number;
}

export function initialRatingState(): RatingState {
  return {
    rating: RATING_PRIOR,
    reviewCount: 0,
    weight: 0n,
    weightedSum: 0n,
    lastReviewAt: 0n,
    windowStart: 0n,
    windowAnchor: RATING_PRIOR,
  };
}

export function ratingDecayFactor(elapsedSeconds: bigint): bigint {
  const halvings = elapsedSeconds / RATING_HALF_LIFE_SECONDS;
  if (halvings > 16n) return 0n;
  const base = RATING_ONE >> halvings;
  const rest = elapsedSeconds % RATING_HALF_LIFE_SECONDS;
  return base - (base * rest) / (2n * RATING_HALF_LIFE_SECONDS);
}

/** A review's weight (16.16) for a result paid `price` lamports. */
export function reviewWeight(price: bigint): bigint {
  return price >= RATING_FULL_WEIGHT_PRICE ? RATING_ONE : (price * RATING_ONE) / RATING_FULL_WEIGHT_PRICE;
}

function checked(value: bigint): bigint {
  if (value > U64_MAX) throw new RangeError("rating arithmetic overflow");
  return value;
}

/**
 * The state after one review with score 0..100 of a result paid `price` lamports, at unix time
 * `now`, exactly as the program computes it.
 */
export function applyReview(state: RatingState, score: number, price: bigint, now: bigint): RatingState {
  if (!Number.isInteger(score) || score < 0 || score > 100) throw new RangeError("score must be an integer 0..100");
  const w = reviewWeight(price);
  if (w === 0n) return state;
  const elapsed = now > state.lastReviewAt ? now - state.lastReviewAt : 0n;
  const f = ratingDecayFactor(elapsed);
  const weight = checked(((state.weight * f) >> 16n) + w);
  const weightedSum = checked(((state.weightedSum * f) >> 16n) + BigInt(score) * 100n * w);
  const target =
    checked(weightedSum + BigInt(RATING_PRIOR) * RATING_PRIOR_WEIGHT) / checked(weight + RATING_PRIOR_WEIGHT);
  const sinceWindow = now > state.windowStart ? now - state.windowStart : 0n;
  const restart = state.reviewCount === 0 || sinceWindow >= RATING_WINDOW_SECONDS;
  const windowStart = restart ? now : state.windowStart;
  const windowAnchor = restart ? state.rating : state.windowAnchor;
  const low = Math.max(windowAnchor - RATING_MAX_STEP, 0);
  const high = Math.min(windowAnchor + RATING_MAX_STEP, RATING_MAX);
  const rating = Math.min(Math.max(Number(target), low), high);
  return {
    rating,
    reviewCount: state.reviewCount + 1,
    weight,
    weightedSum,
    lastReviewAt: now,
    windowStart,
    windowAnchor,
  };
}

/** A rating (0..10000) as stars out of five, for display. */
export function ratingToStars(rating: number): number {
  return (rating / RATING_MAX) * 5;
}
