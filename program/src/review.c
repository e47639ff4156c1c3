/* Reviews: the requester scores a submitted result; the worker's rating moves (rating.c). */
#include "amplify.h"

/* accounts: requester (signer), campaign (writable), assignment (writable), profile (writable)
 * data: score u8 (0..100) */
uint64_t ix_review(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[1];
  SolAccountInfo *assignment_info = &ctx->accounts[2];
  SolAccountInfo *profile_info = &ctx->accounts[3];
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint8_t score = read_u8(&r);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  if (score > 100) return ERR_INVALID_SCORE;
  uint64_t err = require_signer(requester);
  if (err) return err;
  for (int i = 1; i < 4; i++) {
    if (!ctx->accounts[i].is_writable) return ERR_NOT_WRITABLE;
  }
  Campaign *c;
  err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  if (!pubkey_eq(&c->requester, requester->key)) return ERR_UNAUTHORIZED;
  Assignment *a;
  err = load_assignment(ctx, assignment_info, campaign_info, &a);
  if (err) return err;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, &a->worker)) return ERR_WRONG_WORKER;
  if (a->state != ASSIGNMENT_SUBMITTED) return ERR_WRONG_STATE;
  int64_t now = now_unix();
  if (c->reviewed_count >= U32_MAX) return ERR_OVERFLOW;
  err = rating_apply_review(profile, score, now);
  if (err) return err;
  a->state = ASSIGNMENT_REVIEWED;
  a->score = score;
  a->reviewed_at = now;
  c->reviewed_count++;
  return OK;
}
