/* Reviews: the requester scores a paid result; the worker's rating moves (rating.c) by a weight
 * that scales with the price paid, within the profile's per-window clamp. */
#include "amplify.h"

/* accounts: requester (signer), campaign (writable), share (writable), profile (writable), config,
 *           governance (writable), AMP mint (writable), worker's AMP token account (writable), token program,
 *           [model record (writable), model author's AMP token account (writable)]
 *           (the last five or seven are read only once AMP is live)
 * data: task_index u32 (which result, as the ResultSubmitted event named it), score u8 (0..100),
 *       [model_id [32]: the result's shapes started as this model's accepted first guesses]
 * The chain bounds the reviews of one worker in one campaign by the results it was paid for
 * (share.pending_reviews); which result a review speaks of is the requester's statement. */
uint64_t ix_review(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 4 + 1 && ctx->data_len != 1 + 4 + 1 + 32) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[1];
  SolAccountInfo *share_info = &ctx->accounts[2];
  SolAccountInfo *profile_info = &ctx->accounts[3];
  uint32_t index;
  copy_bytes(&index, ctx->data + 1, 4);
  uint8_t score = ctx->data[5];
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
  Share *share;
  err = load_share(ctx, share_info, campaign_info, &share);
  if (err) return err;
  if (pubkey_eq(&share->worker, requester->key)) return ERR_SELF_DEALING;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, &share->worker)) return ERR_WRONG_WORKER;
  if (share->pending_reviews == 0) return ERR_NO_PENDING_REVIEW;
  int64_t now = now_unix();
  if (now >= campaign_review_deadline(c)) return ERR_REVIEW_WINDOW;
  if (c->reviewed_count >= U32_MAX) return ERR_OVERFLOW;
  Config *config;
  err = load_config(ctx, &ctx->accounts[4], &config);
  if (err) return err;
  uint32_t before = profile->rating;
  uint64_t weight = rating_review_weight(c->price);
  err = rating_apply_review(profile, score, weight, now);
  if (err) return err;
  share->pending_reviews--;
  share->reviewed++;
  c->reviewed_count++;
  AmpReward reward = {5, config, c, campaign_info->key, index, profile, score, ctx->data_len == 38 ? ctx->data + 6 : NULL, requester->key};
  err = governance_reward_review(ctx, &reward);
  if (err) return err;

  Event e;
  event_begin(&e, EVENT_REVIEW_POSTED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, share->worker.x, 32);
  event_u32(&e, index);
  event_u8(&e, score);
  event_u32(&e, (uint32_t)weight);
  event_u32(&e, before);
  event_u32(&e, profile->rating);
  event_u32(&e, profile->review_count);
  event_emit(&e);
  return OK;
}
