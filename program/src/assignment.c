/* The life of an assignment: accept (gated), key grant, paid submission, expiry. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

/* A worker may hold at most max_share_bps of the campaign's planned tasks, and at least one. */
static uint32_t share_cap(const Campaign *c) {
  uint64_t cap = ((uint64_t)c->max_tasks * c->max_share_bps) / BPS_DENOMINATOR;
  return cap == 0 ? 1 : (uint32_t)cap;
}

static uint64_t load_or_create_share(Context *ctx, SolAccountInfo *worker, SolAccountInfo *share_info,
                                     const SolAccountInfo *campaign_info, Share **out) {
  if (pubkey_eq(share_info->owner, ctx->program_id)) {
    uint64_t err = require_program_account(ctx, share_info, DISC_SHARE, sizeof(Share));
    if (err) return err;
    Share *share = AS(Share, share_info);
    if (!pubkey_eq(&share->campaign, campaign_info->key) || !pubkey_eq(&share->worker, worker->key)) return ERR_WRONG_PDA;
    SolSignerSeed seeds[3] = {SEED("share"), {campaign_info->key->x, 32}, {worker->key->x, 32}};
    err = verify_pda(ctx, share_info, seeds, 3, share->bump);
    if (err) return err;
    *out = share;
    return require_writable(share_info);
  }
  SolSignerSeed seeds[4] = {SEED("share"), {campaign_info->key->x, 32}, {worker->key->x, 32}};
  uint8_t bump;
  uint64_t err = create_pda(ctx, &(PdaSpec){worker, share_info, seeds, 3, sizeof(Share), 0}, &bump);
  if (err) return err;
  Share *share = AS(Share, share_info);
  share->discriminator = DISC_SHARE;
  share->version = ACCOUNT_VERSION;
  share->bump = bump;
  copy_bytes(share->campaign.x, campaign_info->key->x, 32);
  copy_bytes(share->worker.x, worker->key->x, 32);
  *out = share;
  return OK;
}

/* accounts: worker (signer, writable, pays rent), config, profile (writable), campaign (writable),
 *           task (writable), assignment (writable), share (writable), system program
 * data: none. Bulk accept = several of these in one transaction. */
uint64_t ix_accept_task(Context *ctx) {
  if (ctx->count < 8) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *worker = &ctx->accounts[0];
  SolAccountInfo *profile_info = &ctx->accounts[2];
  SolAccountInfo *campaign_info = &ctx->accounts[3];
  SolAccountInfo *task_info = &ctx->accounts[4];
  SolAccountInfo *assignment_info = &ctx->accounts[5];
  uint64_t err = require_system_program(&ctx->accounts[7]);
  if (err) return err;
  err = require_signer(worker);
  if (err) return err;
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (config->paused) return ERR_PAUSED;
  if (!profile_info->is_writable || !campaign_info->is_writable || !task_info->is_writable) return ERR_NOT_WRITABLE;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, worker->key)) return ERR_WRONG_WORKER;
  Campaign *c;
  err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  if (c->is_closed) return ERR_CAMPAIGN_CLOSED;
  int64_t now = now_unix();
  if (now >= c->deadline) return ERR_DEADLINE_PASSED;
  Task *task;
  err = load_task(ctx, task_info, campaign_info, &task);
  if (err) return err;
  if (task->slots_taken >= c->replication) return ERR_TASK_FULL;
  /* Unrated workers carry rating RATING_PRIOR, so they pass exactly when min_rating <= RATING_PRIOR. */
  if (profile->rating < c->min_rating) return ERR_RATING_TOO_LOW;
  if (pubkey_eq(assignment_info->owner, ctx->program_id)) return ERR_ALREADY_ASSIGNED;

  /* Counters that this accept will bump must have room before any account is created. */
  if (c->open_assignments >= U32_MAX || profile->accepted_count >= U32_MAX) return ERR_OVERFLOW;

  Share *share;
  err = load_or_create_share(ctx, worker, &ctx->accounts[6], campaign_info, &share);
  if (err) return err;
  if (share->taken >= share_cap(c)) return ERR_SHARE_CAP;

  SolSignerSeed seeds[4] = {SEED("assignment"), {task_info->key->x, 32}, {worker->key->x, 32}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){worker, assignment_info, seeds, 3, sizeof(Assignment), 0}, &bump);
  if (err) return err;
  Assignment *a = AS(Assignment, assignment_info);
  a->discriminator = DISC_ASSIGNMENT;
  a->version = ACCOUNT_VERSION;
  a->bump = bump;
  a->state = ASSIGNMENT_ACCEPTED;
  copy_bytes(a->campaign.x, campaign_info->key->x, 32);
  copy_bytes(a->task.x, task_info->key->x, 32);
  copy_bytes(a->worker.x, worker->key->x, 32);
  a->accepted_at = now;
  a->expires_at = now + c->assignment_timeout; /* bounded at create_campaign */
  a->task_index = task->index;

  INCREMENT_OR_FAIL(task->slots_taken, U16_MAX);
  INCREMENT_OR_FAIL(share->taken, U32_MAX);
  INCREMENT_OR_FAIL(c->open_assignments, U32_MAX);
  INCREMENT_OR_FAIL(profile->accepted_count, U32_MAX);
  return OK;
}

/* accounts: requester (signer), campaign, assignment (writable)
 * data: wrapped key [104] = ephemeral X25519 public key [32] + nonce [24] + nacl.box [48] */
uint64_t ix_grant_key(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[1];
  SolAccountInfo *assignment_info = &ctx->accounts[2];
  if (ctx->data_len != 1 + WRAPPED_KEY_SIZE) return ERR_INVALID_INSTRUCTION;
  uint64_t err = require_signer(requester);
  if (err) return err;
  err = require_writable(assignment_info);
  if (err) return err;
  Campaign *c;
  err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  if (!pubkey_eq(&c->requester, requester->key)) return ERR_UNAUTHORIZED;
  if (!c->is_private) return ERR_NOT_PRIVATE;
  Assignment *a;
  err = load_assignment(ctx, assignment_info, campaign_info, &a);
  if (err) return err;
  /* Re-granting before submission lets a requester fix a key wrapped to the wrong X25519 key. */
  if (a->state != ASSIGNMENT_ACCEPTED && a->state != ASSIGNMENT_KEY_GRANTED) return ERR_WRONG_STATE;
  copy_bytes(a->wrapped_key, ctx->data + 1, WRAPPED_KEY_SIZE);
  a->state = ASSIGNMENT_KEY_GRANTED;
  return OK;
}

/* accounts: worker (signer, writable, is paid), config, treasury (writable), campaign (writable),
 *           task (writable), assignment (writable), escrow (writable), profile (writable)
 * data: result_hash [32], uri_len u8, uri [uri_len]
 * Pays price - fee to the worker and fee = price x fee_bps / 10000 to the treasury, from escrow. */
uint64_t ix_submit_result(Context *ctx) {
  if (ctx->count < 8) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *worker = &ctx->accounts[0];
  SolAccountInfo *treasury = &ctx->accounts[2];
  SolAccountInfo *campaign_info = &ctx->accounts[3];
  SolAccountInfo *task_info = &ctx->accounts[4];
  SolAccountInfo *assignment_info = &ctx->accounts[5];
  SolAccountInfo *escrow_info = &ctx->accounts[6];
  SolAccountInfo *profile_info = &ctx->accounts[7];
  Reader r = {ctx->data, ctx->data_len, 1, false};
  const uint8_t *result_hash = read_bytes(&r, 32);
  uint8_t uri_len = read_u8(&r);
  const uint8_t *uri = read_bytes(&r, uri_len);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  if (uri_len > URI_MAX) return ERR_URI_TOO_LONG;
  uint64_t err = require_signer(worker);
  if (err) return err;
  for (int i = 2; i < 8; i++) {
    if (!ctx->accounts[i].is_writable) return ERR_NOT_WRITABLE;
  }
  if (!worker->is_writable) return ERR_NOT_WRITABLE;
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (!pubkey_eq(treasury->key, &config->treasury)) return ERR_WRONG_TREASURY;
  Campaign *c;
  err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  Task *task;
  err = load_task(ctx, task_info, campaign_info, &task);
  if (err) return err;
  Assignment *a;
  err = load_assignment(ctx, assignment_info, campaign_info, &a);
  if (err) return err;
  if (!pubkey_eq(&a->task, task_info->key)) return ERR_WRONG_CAMPAIGN;
  if (!pubkey_eq(&a->worker, worker->key)) return ERR_WRONG_WORKER;
  err = load_escrow(ctx, escrow_info, c, campaign_info);
  if (err) return err;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, worker->key)) return ERR_WRONG_WORKER;

  if (a->state == ASSIGNMENT_EXPIRED) return ERR_ASSIGNMENT_EXPIRED;
  if (a->state != ASSIGNMENT_ACCEPTED && a->state != ASSIGNMENT_KEY_GRANTED) return ERR_WRONG_STATE;
  if (c->is_private && a->state != ASSIGNMENT_KEY_GRANTED) return ERR_KEY_NOT_GRANTED;
  int64_t now = now_unix();
  if (now >= a->expires_at) return ERR_ASSIGNMENT_EXPIRED;

  bool overflow = false;
  uint64_t fee = checked_mul(c->price, config->fee_bps, &overflow) / BPS_DENOMINATOR;
  uint64_t pay = checked_sub(c->price, fee, &overflow);
  uint64_t balance = checked_sub(c->escrow_balance, c->price, &overflow);
  uint64_t escrow_after = checked_sub(*escrow_info->lamports, c->price, &overflow);
  if (overflow) return ERR_INSUFFICIENT_ESCROW;
  if (escrow_after < rent_minimum(sizeof(Escrow), &overflow) || overflow) return ERR_INSUFFICIENT_ESCROW;
  err = move_lamports(escrow_info, worker, pay);
  if (err) return err;
  err = move_lamports(escrow_info, treasury, fee);
  if (err) return err;

  if (c->open_assignments == 0) return ERR_OVERFLOW;
  c->escrow_balance = balance;
  c->open_assignments--;
  INCREMENT_OR_FAIL(c->submitted_count, U32_MAX);
  INCREMENT_OR_FAIL(task->slots_submitted, U16_MAX);
  INCREMENT_OR_FAIL(profile->submitted_count, U32_MAX);
  a->state = ASSIGNMENT_SUBMITTED;
  a->submitted_at = now;
  copy_bytes(a->result_hash, result_hash, 32);
  a->result_uri_len = uri_len;
  copy_bytes(a->result_uri, uri, uri_len);
  return OK;
}

/* accounts: campaign (writable), task (writable), assignment (writable), profile (writable)
 * Anyone may call it once an unsubmitted assignment is past expires_at: the slot reopens. */
uint64_t ix_release_expired(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *campaign_info = &ctx->accounts[0];
  SolAccountInfo *task_info = &ctx->accounts[1];
  SolAccountInfo *assignment_info = &ctx->accounts[2];
  SolAccountInfo *profile_info = &ctx->accounts[3];
  for (int i = 0; i < 4; i++) {
    if (!ctx->accounts[i].is_writable) return ERR_NOT_WRITABLE;
  }
  Campaign *c;
  uint64_t err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  Task *task;
  err = load_task(ctx, task_info, campaign_info, &task);
  if (err) return err;
  Assignment *a;
  err = load_assignment(ctx, assignment_info, campaign_info, &a);
  if (err) return err;
  if (!pubkey_eq(&a->task, task_info->key)) return ERR_WRONG_CAMPAIGN;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, &a->worker)) return ERR_WRONG_WORKER;
  if (a->state != ASSIGNMENT_ACCEPTED && a->state != ASSIGNMENT_KEY_GRANTED) return ERR_WRONG_STATE;
  if (now_unix() < a->expires_at) return ERR_NOT_EXPIRED;
  if (task->slots_taken == 0 || c->open_assignments == 0) return ERR_OVERFLOW;
  a->state = ASSIGNMENT_EXPIRED;
  task->slots_taken--;
  c->open_assignments--;
  INCREMENT_OR_FAIL(profile->expired_count, U32_MAX);
  return OK;
}
