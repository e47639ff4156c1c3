/* Fees paid out to stakers without a loop over holders: a reward-per-share accumulator.
 *
 * acc is lamports per staked AMP base unit, scaled by 2^64 and kept in 128 bits. A fee part F
 * credited while `total` AMP is staked adds floor((F * 2^64 + rem) / total) to acc and keeps
 * the remainder in rem, so over any sequence of fees total * (sum of increments) never exceeds
 * (sum of F) * 2^64: the accumulator never promises more than was paid in. A stake of `amount`
 * is owed floor(amount * (acc - its snapshot) / 2^64); floors only round down, so the sum of
 * what stakers can claim is at most `distributed`. The fee vault keeps distributed - claimed
 * above its rent (withdraw_fees and treasury spends leave it), and claims never take more. */
#include "amplify.h"

typedef struct {
  uint64_t lo;
  uint64_t hi;
} U128;

/* 64 x 64 -> 128 on 32-bit halves (the BPF backend has no 128-bit multiply). */
static U128 mul_64(uint64_t a, uint64_t b) {
  const uint64_t mask = 0xFFFFFFFFULL;
  uint64_t a0 = a & mask, a1 = a >> 32, b0 = b & mask, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (p01 & mask) + (p10 & mask);
  U128 r = {(mid << 32) | (p00 & mask), p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32)};
  return r;
}

/* (hi * 2^64 + lo) / d for hi < d: the quotient fits 64 bits. Restoring long division. */
static uint64_t div_128_64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem) {
  uint64_t q = 0;
  for (int i = 0; i < 64; i++) {
    uint64_t carry = hi >> 63;
    hi = (hi << 1) | (lo >> 63);
    lo <<= 1;
    q <<= 1;
    if (carry || hi >= d) {
      hi -= d;
      q |= 1;
    }
  }
  *rem = hi;
  return q;
}

uint64_t rewards_credit_fee(Governance *g, uint64_t fee) {
  if (fee == 0 || g->total_staked == 0) return OK;
  bool overflow = false;
  uint64_t distributed = checked_add(g->distributed, fee, &overflow);
  if (overflow) return ERR_OVERFLOW;
  uint64_t s = g->total_staked;
  /* (fee * 2^64 + rem) / s, as q_hi * 2^64 + q_lo. rem may exceed s after the stake shrank;
   * the low word's division only needs its high part (fee % s) below s. */
  uint64_t q_hi = fee / s;
  uint64_t r = fee % s;
  uint64_t rem;
  uint64_t q_lo = div_128_64(r, g->acc_rem, s, &rem);
  uint64_t lo = g->acc_lo + q_lo;
  uint64_t hi = g->acc_hi + q_hi + (lo < q_lo ? 1 : 0);
  if (hi < g->acc_hi) return ERR_OVERFLOW;
  g->acc_lo = lo;
  g->acc_hi = hi;
  g->acc_rem = rem;
  g->distributed = distributed;
  return OK;
}

uint64_t rewards_settle(const Governance *g, Stake *stake) {
  /* diff = acc - snapshot (128-bit; the accumulator only grows) */
  uint64_t borrow = g->acc_lo < stake->acc_lo ? 1 : 0;
  uint64_t d_lo = g->acc_lo - stake->acc_lo;
  uint64_t d_hi = g->acc_hi - stake->acc_hi - borrow;
  /* floor(amount * diff / 2^64) = amount * d_hi + high word of amount * d_lo */
  U128 low = mul_64(stake->amount, d_lo);
  U128 high = mul_64(stake->amount, d_hi);
  if (high.hi != 0) return ERR_OVERFLOW;
  bool overflow = false;
  uint64_t earned = checked_add(high.lo, low.hi, &overflow);
  uint64_t pending = checked_add(stake->pending, earned, &overflow);
  if (overflow) return ERR_OVERFLOW;
  stake->pending = pending;
  stake->acc_lo = g->acc_lo;
  stake->acc_hi = g->acc_hi;
  return OK;
}

uint64_t rewards_reserved(const Governance *g, bool *overflow) { return checked_sub(g->distributed, g->claimed, overflow); }

uint64_t governance_account_fee(Context *ctx, const Config *config, uint64_t fee, uint64_t governance_index) {
  if (!config->amp_live) return OK;
  if (ctx->count <= governance_index) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *info = &ctx->accounts[governance_index];
  uint64_t err = require_writable(info);
  if (err) return err;
  Governance *g;
  err = load_governance(ctx, info, &g);
  if (err) return err;
  bool overflow = false;
  uint64_t part = checked_mul(fee, g->staker_bps, &overflow) / BPS_DENOMINATOR;
  if (overflow) return ERR_OVERFLOW;
  return rewards_credit_fee(g, part);
}

/* AMP for a reviewed result: the credited part of the fee the result pays at today's rate (all of
 * it unless one requester dominates the worker's recent income, independence.c) x amp_rate x
 * score / 100. It is bounded by the fee, never by the price alone, so minting AMP always costs its
 * worker's counterparty a fee that stakers (not the minter) mostly receive: see README "AMP". */
uint64_t governance_reward_review(Context *ctx, const AmpReward *reward) {
  const Config *config = reward->config;
  if (!config->amp_live) return OK;
  uint64_t first = reward->first;
  if (ctx->count < first + 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *gov_info = &ctx->accounts[first];
  SolAccountInfo *mint = &ctx->accounts[first + 1];
  SolAccountInfo *worker_tokens = &ctx->accounts[first + 2];
  uint64_t err = require_token_program(&ctx->accounts[first + 3]);
  if (err) return err;
  Governance *g;
  err = load_governance(ctx, gov_info, &g);
  if (err) return err;
  if (!gov_info->is_writable) return ERR_NOT_WRITABLE;
  if (!pubkey_eq(mint->key, &g->mint)) return ERR_WRONG_TOKEN_ACCOUNT;
  bool overflow = false;
  uint64_t fee = checked_mul(reward->campaign->price, config->fee_bps, &overflow) / BPS_DENOMINATOR;
  if (overflow) return ERR_OVERFLOW;
  /* Only the part of the fee that independent requesters vouch for earns AMP (independence.c). */
  uint64_t credited;
  err = independence_credit(reward->profile, reward->requester, fee, now_unix(), &credited);
  if (err) return err;
  uint64_t amount = checked_mul(checked_mul(credited, g->amp_rate, &overflow), reward->score, &overflow) / 100;
  uint64_t author_part = 0;
  ModelRecord *model = NULL;
  SolAccountInfo *author_tokens = NULL;
  if (reward->model_id != NULL) {
    if (ctx->count < first + 6) return ERR_NOT_ENOUGH_ACCOUNTS;
    SolAccountInfo *model_info = &ctx->accounts[first + 4];
    author_tokens = &ctx->accounts[first + 5];
    err = load_model(ctx, model_info, &model);
    if (err) return err;
    if (!model_info->is_writable) return ERR_NOT_WRITABLE;
    int32_t diff = 0;
    sol_memcmp_(model->model_id, reward->model_id, 32, &diff);
    if (diff != 0) return ERR_WRONG_PDA;
    if (!is_token_account_of(author_tokens, &g->mint, &model->author)) return ERR_WRONG_TOKEN_ACCOUNT;
    author_part = checked_mul(amount, g->author_bps, &overflow) / BPS_DENOMINATOR;
    model->accepted_results++;
  }
  uint64_t worker_part = checked_sub(amount, author_part, &overflow);
  uint64_t earned = checked_add(g->amp_earned, amount, &overflow);
  if (overflow) return ERR_OVERFLOW;
  g->amp_earned = earned;
  /* A worker without an AMP token account yet keeps its AMP on the profile until claim_amp. */
  bool minted = is_token_account_of(worker_tokens, &g->mint, &reward->profile->worker);
  if (minted) {
    if (!mint->is_writable || !worker_tokens->is_writable) return ERR_NOT_WRITABLE;
    err = token_mint_to(mint, worker_tokens, gov_info, g, worker_part);
    if (err) return err;
  } else {
    uint64_t pending = checked_add(reward->profile->amp_pending, worker_part, &overflow);
    if (overflow) return ERR_OVERFLOW;
    reward->profile->amp_pending = pending;
  }
  if (author_part != 0) {
    if (!mint->is_writable || !author_tokens->is_writable) return ERR_NOT_WRITABLE;
    err = token_mint_to(mint, author_tokens, gov_info, g, author_part);
    if (err) return err;
  }
  SolPubkey no_author;
  zero_bytes(no_author.x, 32);
  Event e;
  event_begin(&e, EVENT_AMP_EARNED);
  event_bytes(&e, reward->campaign_key->x, 32);
  event_bytes(&e, reward->profile->worker.x, 32);
  event_u32(&e, reward->task_index);
  event_u64(&e, worker_part);
  event_u8(&e, minted ? 1 : 0);
  event_bytes(&e, model != NULL ? model->author.x : no_author.x, 32);
  event_u64(&e, author_part);
  event_emit(&e);
  return OK;
}
