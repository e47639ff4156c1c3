/* Worker rating, integer only; shared/protocol/rating.ts is the bit-identical TypeScript model.
 *
 *   score s in 0..100 is scaled to 0..10000 (x100)
 *   weight  w = ONE x min(price, FULL) / FULL      (FULL = 1,000,000 lamports: a 1-lamport task weighs 0)
 *   decay   f = 2^-(dt / H) as 16.16 fixed point: exact halvings per half-life H = 30 days,
 *           linear between them: f = (ONE >> k) - (ONE >> k) x (dt mod H) / (2H), k = dt / H
 *   W' = W x f >> 16 + w             S' = S x f >> 16 + 100 s x w
 *   target = (S' + PRIOR x PRIOR_W) / (W' + PRIOR_W)   with PRIOR = 2000, PRIOR_W = 5 x ONE
 *   window: when now >= window_start + 1 day, the window restarts at now with anchor = rating
 *   rating' = clamp(target, anchor - 500, anchor + 500), within 0..10000
 * A review of weight 0 changes nothing. The clamp is per window, not per review: however many
 * reviews land in one day (one transaction or many, one requester or all), the shown rating
 * moves at most 500 from where the day began. */
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

uint64_t rating_review_weight(uint64_t price) {
  if (price >= RATING_FULL_WEIGHT_PRICE) return RATING_ONE;
  return (price * RATING_ONE) / RATING_FULL_WEIGHT_PRICE; /* price < 2^20: no overflow */
}

uint64_t rating_apply_review(WorkerProfile *p, uint8_t score, uint64_t w, int64_t now) {
  if (score > 100) return ERR_INVALID_SCORE;
  if (w == 0) return OK;
  uint64_t dt = now > p->last_review_at ? (uint64_t)(now - p->last_review_at) : 0;
  uint64_t f = decay_factor(dt);
  bool overflow = false;
  uint64_t weight = checked_add(mul_shift16(p->weight, f), w, &overflow);
  uint64_t sum = checked_add(mul_shift16(p->weighted_sum, f), (uint64_t)score * 100 * w, &overflow);
  uint64_t numerator = checked_add(sum, RATING_PRIOR * RATING_PRIOR_WEIGHT, &overflow);
  uint64_t denominator = checked_add(weight, RATING_PRIOR_WEIGHT, &overflow);
  uint32_t count = p->review_count + 1;
  if (overflow || count == 0) return ERR_OVERFLOW;
  uint64_t since_window = now > p->window_start ? (uint64_t)(now - p->window_start) : 0;
  if (p->review_count == 0 || since_window >= RATING_WINDOW_SECONDS) {
    p->window_start = now;
    p->window_anchor = p->rating;
  }
  uint64_t target = numerator / denominator;
  uint64_t anchor = p->window_anchor;
  uint64_t low = anchor > RATING_MAX_STEP ? anchor - RATING_MAX_STEP : 0;
  uint64_t high = anchor + RATING_MAX_STEP < RATING_MAX ? anchor + RATING_MAX_STEP : RATING_MAX;
  uint64_t next = target < low ? low : (target > high ? high : target);
  p->weight = weight;
  p->weighted_sum = sum;
  p->rating = (uint32_t)next;
  p->review_count = count;
  p->last_review_at = now;
  return OK;
}
