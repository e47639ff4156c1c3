/* The life of an assignment: accept (gated, takes a task slot and a worker deposit), key grant,
 * paid submission (closes the assignment: deposit back at once), expiry; and the share that
 * remembers what review still owes. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

/* A worker may hold at most max_share_bps of the campaign's tasks, and at least one. */
static uint32_t share_cap(const Campaign *c) {
  uint64_t cap = ((uint64_t)c->task_count * c->max_share_bps) / BPS_DENOMINATOR;
  return cap == 0 ? 1 : (uint32_t)cap;
}

/* When the last review may land: the last possible submission plus the campaign's review window. */
static int64_t review_deadline(const Campaign *c) {
  int64_t stop = c->ended_at != 0 && c->ended_at < c->deadline ? c->ended_at : c->deadline;
  return stop + c->assignment_timeout + c->review_window; /* bounded at create_campaign */
}

static uint64_t load_or_create_share(Context *ctx, SolAccountInfo *worker, SolAccountInfo *share_info,
                                     const SolAccountInfo *campaign_info, Share **out) {
  if (pubkey_eq(share_info->owner, ctx->program_id)) {
    uint64_t err = load_share(ctx, share_info, campaign_info, out);
    if (err) return err;
    if (!pubkey_eq(&(*out)->worker, worker->key)) return ERR_WRONG_PDA;
    return require_writable(share_info);
  }
  SolSignerSeed seeds[4] = {SEED("share"), {campaign_info->key->x, 32}, {worker->key->x, 32}};
  uint8_t bump;
  uint64_t err = create_pda(ctx, &(PdaSpec){worker, share_info, seeds, 3, sizeof(Share), 0, NULL}, &bump);
  if (err) return err;
  Share *share = AS(Share, share_info);
  SET_RECORD_HEAD(share, DISC_SHARE, bump);
  copy_bytes(share->campaign.x, campaign_info->key->x, 32);
  copy_bytes(share->worker.x, worker->key->x, 32);
  *out = share;
  return OK;
}

/* The page holding task `index`, and its slot counter. */
static uint64_t task_slot(Context *ctx, SolAccountInfo *page_info, const SolAccountInfo *campaign_info, uint32_t index,
                          uint8_t **slot) {
  TaskPage *page;
  if (page_info->data_len == 0 && !pubkey_eq(page_info->owner, ctx->program_id)) return ERR_PAGES_MISSING;
  uint64_t err = require_writable(page_info);
  if (err) return err;
  err = load_task_page(ctx, page_info, campaign_info, &page);
  if (err) return err;
  uint32_t offset = index & (PAGE_TASKS - 1);
  if (page->page != (index >> PAGE_SHIFT) || offset >= page->count) return ERR_WRONG_CAMPAIGN;
  *slot = page_info->data + sizeof(TaskPage) + offset;
  return OK;
}

/* accounts: worker (signer, writable, pays the deposits), config, profile (writable), campaign (writable),
 *           task page (writable), assignment (writable), share (writable), system program
 * data: task_index u32 (a task of the committed list). Bulk accept = several in one transaction. */
uint64_t ix_accept_task(Context *ctx) {
  if (ctx->count < 8) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 4) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *worker = &ctx->accounts[0];
  SolAccountInfo *profile_info = &ctx->accounts[2];
  SolAccountInfo *campaign_info = &ctx->accounts[3];
  SolAccountInfo *assignment_info = &ctx->accounts[5];
  uint64_t err = require_system_program(&ctx->accounts[7]);
  if (err) return err;
  err = require_signer(worker);
  if (err) return err;
  uint32_t index;
  copy_bytes(&index, ctx->data + 1, 4);
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (config->paused) return ERR_PAUSED;
  if (!profile_info->is_writable || !campaign_info->is_writable) return ERR_NOT_WRITABLE;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, worker->key)) return ERR_WRONG_WORKER;
  Campaign *c;
  err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  /* A requester rating itself is the cheapest rating purchase: it never gets the work. */
  if (pubkey_eq(&c->requester, worker->key)) return ERR_SELF_DEALING;
  if (c->ended_at != 0) return ERR_CAMPAIGN_CLOSED;
  int64_t now = now_unix();
  if (now >= c->deadline) return ERR_DEADLINE_PASSED;
  if (index >= c->task_count) return ERR_TASK_OUT_OF_RANGE;
  uint8_t *slot;
  err = task_slot(ctx, &ctx->accounts[4], campaign_info, index, &slot);
  if (err) return err;
  if (*slot >= c->replication) return ERR_TASK_FULL;
  /* Unrated is its own state: a fresh wallet passes only where the campaign admits newcomers, so
   * a new wallet never outranks a rated one that was marked down. */
  if (profile->review_count == 0) {
    if (!c->admit_unrated) return ERR_UNRATED;
  } else if (profile->rating < c->min_rating) {
    return ERR_RATING_TOO_LOW;
  }
  if (pubkey_eq(assignment_info->owner, ctx->program_id)) return ERR_ALREADY_ASSIGNED;
  if (c->open_assignments >= U32_MAX || profile->accepted_count >= U32_MAX) return ERR_OVERFLOW;

  Share *share;
  err = load_or_create_share(ctx, worker, &ctx->accounts[6], campaign_info, &share);
  if (err) return err;
  /* Tasks are taken in increasing index order: no worker ever holds one task twice, with no
   * per-task memory of who took it. */
  if (index < share->next_index) return ERR_ALREADY_ASSIGNED;
  if (share->taken >= share_cap(c)) return ERR_SHARE_CAP;

  SolSignerSeed seeds[5] = {SEED("assignment"), {campaign_info->key->x, 32}, {(const uint8_t *)&index, 4}, {worker->key->x, 32}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){worker, assignment_info, seeds, 4, sizeof(Assignment), 0, NULL}, &bump);
  if (err) return err;
  Assignment *a = AS(Assignment, assignment_info);
  SET_RECORD_HEAD(a, DISC_ASSIGNMENT, bump);
  a->state = ASSIGNMENT_ACCEPTED;
  copy_bytes(a->campaign.x, campaign_info->key->x, 32);
  copy_bytes(a->worker.x, worker->key->x, 32);
  a->task_index = index;
  a->accepted_at = now;
  a->expires_at = now + c->assignment_timeout; /* bounded at create_campaign */

  (*slot)++; /* < replication <= 255 */
  share->next_index = index + 1;
  INCREMENT_OR_FAIL(share->taken, U32_MAX);
  INCREMENT_OR_FAIL(share->open, U32_MAX);
  INCREMENT_OR_FAIL(c->open_assignments, U32_MAX);
  INCREMENT_OR_FAIL(profile->accepted_count, U32_MAX);

  Event e;
  event_begin(&e, EVENT_TASK_ACCEPTED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, worker->key->x, 32);
  event_u32(&e, index);
  event_u64(&e, (uint64_t)a->expires_at);
  event_u64(&e, *assignment_info->lamports);
  event_emit(&e);
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
  copy_bytes(a->wrapped_key, ctx->data + 1, WRAPPED_KEY_SIZE);
  a->state = ASSIGNMENT_KEY_GRANTED;
  Event e;
  event_begin(&e, EVENT_KEY_GRANTED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, a->worker.x, 32);
  event_u32(&e, a->task_index);
  event_emit(&e);
  return OK;
}

/* accounts: worker (signer, writable, is paid), config, fee vault (writable), campaign (writable),
 *           escrow (writable), assignment (writable), share (writable), profile (writable),
 *           governance (writable; required once AMP is live: the stakers' part of the fee is credited)
 * data: result_hash [32], uri_len u8, uri [uri_len]
 * Pays price - fee to the worker and fee = price x fee_bps / 10000 to the fee vault, from escrow,
 * and closes the assignment: the worker's deposit comes back in the same instruction. */
uint64_t ix_submit_result(Context *ctx) {
  if (ctx->count < 8) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *worker = &ctx->accounts[0];
  SolAccountInfo *vault_info = &ctx->accounts[2];
  SolAccountInfo *campaign_info = &ctx->accounts[3];
  SolAccountInfo *escrow_info = &ctx->accounts[4];
  SolAccountInfo *assignment_info = &ctx->accounts[5];
  SolAccountInfo *share_info = &ctx->accounts[6];
  SolAccountInfo *profile_info = &ctx->accounts[7];
  if (ctx->data_len < 1 + 32 + 1 || ctx->data_len != 1 + 32 + 1 + (uint64_t)ctx->data[33]) return ERR_INVALID_INSTRUCTION;
  const uint8_t *result_hash = ctx->data + 1;
  uint8_t uri_len = ctx->data[33];
  const uint8_t *uri = ctx->data + 34;
  if (uri_len > URI_MAX) return ERR_URI_TOO_LONG;
  uint64_t err = require_signer(worker);
  if (err) return err;
  if (!worker->is_writable) return ERR_NOT_WRITABLE;
  for (int i = 2; i < 8; i++) {
    if (!ctx->accounts[i].is_writable) return ERR_NOT_WRITABLE;
  }
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  err = load_fee_vault(ctx, vault_info);
  if (err) return err;
  Campaign *c;
  err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  Assignment *a;
  err = load_assignment(ctx, assignment_info, campaign_info, &a);
  if (err) return err;
  if (!pubkey_eq(&a->worker, worker->key)) return ERR_WRONG_WORKER;
  err = load_escrow(ctx, escrow_info, c, campaign_info);
  if (err) return err;
  Share *share;
  err = load_share(ctx, share_info, campaign_info, &share);
  if (err) return err;
  if (!pubkey_eq(&share->worker, worker->key)) return ERR_WRONG_WORKER;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, worker->key)) return ERR_WRONG_WORKER;

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
  if (c->open_assignments == 0 || share->open == 0) return ERR_OVERFLOW;
  if (share->pending_reviews >= U32_MAX || share->submitted >= U32_MAX) return ERR_OVERFLOW;
  uint64_t paid = checked_add(share->paid, pay, &overflow);
  uint64_t earned = checked_add(profile->earned, pay, &overflow);
  if (overflow) return ERR_OVERFLOW;
  err = move_lamports(escrow_info, worker, pay);
  if (err) return err;
  err = move_lamports(escrow_info, vault_info, fee);
  if (err) return err;
  err = governance_account_fee(ctx, config, fee, 8);
  if (err) return err;
  uint32_t index = a->task_index;
  uint64_t deposit = *assignment_info->lamports;
  err = close_account(assignment_info, worker);
  if (err) return err;

  /* What review needs, kept compactly: a count, and a running hash of what was submitted. */
  SolSignerSeed parts[3] = {{share->results_hash, 32}, {(const uint8_t *)&index, 4}, {result_hash, 32}};
  sol_sha256(parts, 3, share->results_hash);
  share->open--;
  share->submitted++;
  share->pending_reviews++;
  share->paid = paid;
  c->escrow_balance = balance;
  c->open_assignments--;
  INCREMENT_OR_FAIL(c->submitted_count, U32_MAX);
  INCREMENT_OR_FAIL(profile->submitted_count, U32_MAX);
  profile->earned = earned;

  Event e;
  event_begin(&e, EVENT_RESULT_SUBMITTED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, worker->key->x, 32);
  event_u32(&e, index);
  event_u64(&e, c->price);
  event_u64(&e, fee);
  event_u64(&e, deposit);
  event_u32(&e, profile->rating);
  event_u32(&e, profile->review_count);
  event_bytes(&e, result_hash, 32);
  event_u8(&e, uri_len);
  event_bytes(&e, uri, uri_len);
  event_emit(&e);
  return OK;
}

/* accounts: campaign (writable), task page (writable), assignment (writable), share (writable),
 *           profile (writable), worker wallet (writable: gets its deposit back)
 * Anyone may call it once an unsubmitted assignment is past expires_at: the slot reopens. */
uint64_t ix_release_expired(Context *ctx) {
  if (ctx->count < 6) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *campaign_info = &ctx->accounts[0];
  SolAccountInfo *assignment_info = &ctx->accounts[2];
  SolAccountInfo *share_info = &ctx->accounts[3];
  SolAccountInfo *profile_info = &ctx->accounts[4];
  SolAccountInfo *worker = &ctx->accounts[5];
  for (int i = 0; i < 6; i++) {
    if (!ctx->accounts[i].is_writable) return ERR_NOT_WRITABLE;
  }
  Campaign *c;
  uint64_t err = load_campaign(ctx, campaign_info, &c);
  if (err) return err;
  Assignment *a;
  err = load_assignment(ctx, assignment_info, campaign_info, &a);
  if (err) return err;
  if (!pubkey_eq(&a->worker, worker->key)) return ERR_WRONG_WORKER;
  uint8_t *slot;
  err = task_slot(ctx, &ctx->accounts[1], campaign_info, a->task_index, &slot);
  if (err) return err;
  Share *share;
  err = load_share(ctx, share_info, campaign_info, &share);
  if (err) return err;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, &a->worker) || !pubkey_eq(&share->worker, &a->worker)) return ERR_WRONG_WORKER;
  if (now_unix() < a->expires_at) return ERR_NOT_EXPIRED;
  if (*slot == 0 || c->open_assignments == 0 || share->open == 0) return ERR_OVERFLOW;
  uint32_t index = a->task_index;
  uint64_t deposit = *assignment_info->lamports;
  err = close_account(assignment_info, worker);
  if (err) return err;
  (*slot)--;
  c->open_assignments--;
  share->open--;
  INCREMENT_OR_FAIL(profile->expired_count, U32_MAX);
  Event e;
  event_begin(&e, EVENT_ASSIGNMENT_RELEASED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, worker->key->x, 32);
  event_u32(&e, index);
  event_u64(&e, deposit);
  event_emit(&e);
  return OK;
}

/* accounts: share (writable), worker wallet (writable: gets the share's rent), campaign
 * Anyone may close a share with no open work once its campaign is closed, or once the campaign
 * stopped accepting and its review window is over (a requester who never reviews cannot keep
 * the worker's deposit), or once it stopped accepting and every result was reviewed. */
uint64_t ix_close_share(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *share_info = &ctx->accounts[0];
  SolAccountInfo *worker = &ctx->accounts[1];
  SolAccountInfo *campaign_info = &ctx->accounts[2];
  Share *share;
  uint64_t err = load_share(ctx, share_info, campaign_info, &share);
  if (err) return err;
  if (!pubkey_eq(&share->worker, worker->key)) return ERR_WRONG_WORKER;
  /* A closed campaign's address is empty again (System Program, no data). */
  bool campaign_closed = !pubkey_eq(campaign_info->owner, ctx->program_id) && campaign_info->data_len == 0;
  if (!campaign_closed) {
    Campaign *c;
    err = load_campaign(ctx, campaign_info, &c);
    if (err) return err;
    int64_t now = now_unix();
    bool accepting = c->ended_at == 0 && now < c->deadline;
    if (accepting) return ERR_REVIEW_WINDOW;
    if (share->pending_reviews != 0 && now < review_deadline(c)) return ERR_REVIEW_WINDOW;
  }
  if (share->open != 0) return ERR_OPEN_ASSIGNMENTS;
  uint32_t lapsed = share->pending_reviews;
  uint64_t deposit = *share_info->lamports;
  Event e;
  event_begin(&e, EVENT_SHARE_CLOSED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, worker->key->x, 32);
  event_u64(&e, deposit);
  event_u32(&e, lapsed);
  err = close_account(share_info, worker);
  if (err) return err;
  event_emit(&e);
  return OK;
}

/* Exposed for review.c: reviews close with the window close_share waits for. */
int64_t campaign_review_deadline(const Campaign *c) { return review_deadline(c); }
