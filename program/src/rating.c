/* Worker rating, integer only; shared/protocol/rating.ts is the bit-identical TypeScript model.
 *
 *   score s in 0..100 is scaled to 0..10000 (x100)
 *   decay   f = 2^-(dt / H) as 16.16 fixed point: exact halvings per half-life H = 30 days,
 *           linear between them: f = (ONE >> k) - (ONE >> k) x (dt mod H) / (2H), k = dt / H
 *   W' = W x f >> 16 + ONE           S' = S x f >> 16 + 100 s x ONE
 *   target = (S' + PRIOR x PRIOR_W) / (W' + PRIOR_W)   with PRIOR = 2000, PRIOR_W = 5 x ONE
 *   rating' = clamp(target, rating - 500, rating + 500), within 0..10000
 * A new worker starts at rating = PRIOR (20.00 %) with W = S = 0: the prior outweighs the first
 * reviews (biased down until enough reviews), old reviews fade (recency), and no single review
 * moves the shown rating by more than 500 (5 points). */
#include "amplify.h"

/* floor(x * f / 2^16) without a 128-bit product; exact for f <= 2^16. */
static uint64_t mul_shift16(uint64_t x, uint64_t f) { return (x >> 16) * f + (((x & 0xFFFF) * f) >> 16); }

static uint64_t decay_factor(uint64_t dt) {
  uint64_t halvings = dt / RATING_HALF_LIFE_SECONDS;
  if (halvings > 16) return 0;
  uint64_t base = RATING_ONE >> halvings;
  uint64_t rest = dt % RATING_HALF_LIFE_SECONDS;
  return base - (base * rest) / (2 * RATING_HALF_LIFE_SECONDS);
}

uint64_t rating_apply_review(WorkerProfile *p, uint8_t score, int64_t now) {
  if (score > 100) return ERR_INVALID_SCORE;
  uint64_t dt = now > p->last_review_at ? (uint64_t)(now - p->last_review_at) : 0;
  uint64_t f = decay_factor(dt);
  bool overflow = false;
  uint64_t weight = checked_add(mul_shift16(p->weight, f), RATING_ONE, &overflow);
  uint64_t sum = checked_add(mul_shift16(p->weighted_sum, f), (uint64_t)score * 100 * RATING_ONE, &overflow);
  uint64_t numerator = checked_add(sum, RATING_PRIOR * RATING_PRIOR_WEIGHT, &overflow);
  uint64_t denominator = checked_add(weight, RATING_PRIOR_WEIGHT, &overflow);
  uint32_t count = p->review_count + 1;
  if (overflow || count == 0) return ERR_OVERFLOW;
  uint64_t target = numerator / denominator;
  uint64_t previous = p->rating;
  uint64_t low = previous > RATING_MAX_STEP ? previous - RATING_MAX_STEP : 0;
  uint64_t high = previous + RATING_MAX_STEP < RATING_MAX ? previous + RATING_MAX_STEP : RATING_MAX;
  uint64_t next = target < low ? low : (target > high ? high : target);
  p->weight = weight;
  p->weighted_sum = sum;
  p->rating = (uint32_t)next;
  p->review_count = count;
  p->last_review_at = now;
  return OK;
}
