/* Campaigns: creation with a fully funded escrow and a committed task list, task pages, ending
 * early, and closing with every lamport back to the requester.
 * Invariant kept by every instruction: escrow lamports == rent minimum + campaign.escrow_balance
 * and escrow_balance == price x (task_count x replication - paid assignments). */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}
#define REVIEW_WINDOW_MAX (366LL * 86400LL)
#define CREATE_FIXED_BYTES (1 + 8 + 8 + 4 + 2 + 2 + 2 + 1 + 8 + 8 + 8 + 32 + 32 + 1)

/* The requester must sign and own the campaign. */
static uint64_t load_own_campaign(Context *ctx, const SolAccountInfo *requester, SolAccountInfo *info, Campaign **out) {
  uint64_t err = require_signer(requester);
  if (err) return err;
  err = require_writable(info);
  if (err) return err;
  err = load_campaign(ctx, info, out);
  if (err) return err;
  return pubkey_eq(&(*out)->requester, requester->key) ? OK : ERR_UNAUTHORIZED;
}

/* accounts: requester (signer, writable), config, campaign (writable), escrow (writable), system
 * data: id u64, price u64, task_count u32, replication u16, min_rating u16, max_share_bps u16,
 *       flags u8 (1 private, 2 admit unrated workers), deadline i64, assignment_timeout i64,
 *       review_window i64, tasks_root [32], label_schema_hash [32], metadata_uri_len u8, uri */
uint64_t ix_create_campaign(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[2];
  SolAccountInfo *escrow_info = &ctx->accounts[3];
  uint64_t err = require_system_program(&ctx->accounts[4]);
  if (err) return err;
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (config->paused) return ERR_PAUSED;

  if (ctx->data_len < CREATE_FIXED_BYTES) return ERR_INVALID_INSTRUCTION;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t id = read_u64(&r);
  uint64_t price = read_u64(&r);
  uint32_t task_count = read_u32(&r);
  uint16_t replication = read_u16(&r);
  uint16_t min_rating = read_u16(&r);
  uint16_t max_share_bps = read_u16(&r);
  uint8_t flags = read_u8(&r);
  int64_t deadline = (int64_t)read_u64(&r);
  int64_t timeout = (int64_t)read_u64(&r);
  int64_t review_window = (int64_t)read_u64(&r);
  const uint8_t *root = read_bytes(&r, 32);
  const uint8_t *schema_hash = read_bytes(&r, 32);
  uint8_t uri_len = read_u8(&r);
  if (ctx->data_len != CREATE_FIXED_BYTES + (uint64_t)uri_len) return ERR_INVALID_INSTRUCTION;
  const uint8_t *uri = read_bytes(&r, uri_len);
  if (r.bad) return ERR_INVALID_INSTRUCTION;
  if (uri_len > URI_MAX) return ERR_URI_TOO_LONG;
  if (price == 0 || task_count == 0 || replication == 0 || replication > REPLICATION_MAX || min_rating > RATING_MAX ||
      max_share_bps == 0 || max_share_bps > BPS_DENOMINATOR || flags > 3 || timeout <= 0 ||
      review_window < REVIEW_WINDOW_MIN || review_window > REVIEW_WINDOW_MAX) {
    return ERR_INVALID_PARAMETER;
  }
  int64_t now = now_unix();
  if (deadline <= now) return ERR_DEADLINE_PASSED;
  bool overflow = false;
  uint64_t funding = checked_mul(checked_mul(price, task_count, &overflow), replication, &overflow);
  checked_mul(price, BPS_DENOMINATOR, &overflow); /* the fee split must never overflow later */
  /* Every expiry is accept time + timeout with accept time < deadline, and reviews close at
   * deadline + timeout + review window: bound that sum once here. */
  if (overflow || timeout > I64_MAX - REVIEW_WINDOW_MAX - deadline) return ERR_OVERFLOW;

  SolSignerSeed seeds[4] = {SEED("campaign"), {requester->key->x, 32}, {(const uint8_t *)&id, 8}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){requester, campaign_info, seeds, 3, sizeof(Campaign), 0, NULL}, &bump);
  if (err) return err;
  SolSignerSeed escrow_seeds[3] = {SEED("escrow"), {campaign_info->key->x, 32}};
  uint8_t escrow_bump;
  err = create_pda(ctx, &(PdaSpec){requester, escrow_info, escrow_seeds, 2, sizeof(Escrow), funding, NULL}, &escrow_bump);
  if (err) return err;

  Escrow *escrow = AS(Escrow, escrow_info);
  SET_RECORD_HEAD(escrow, DISC_ESCROW, escrow_bump);
  copy_bytes(escrow->campaign.x, campaign_info->key->x, 32);

  Campaign *c = AS(Campaign, campaign_info);
  SET_RECORD_HEAD(c, DISC_CAMPAIGN, bump);
  c->escrow_bump = escrow_bump;
  c->is_private = flags & 1;
  c->admit_unrated = (flags >> 1) & 1;
  copy_bytes(c->requester.x, requester->key->x, 32);
  c->id = id;
  c->price = price;
  c->escrow_balance = funding;
  c->deadline = deadline;
  c->assignment_timeout = timeout;
  c->review_window = review_window;
  c->created_at = now;
  c->task_count = task_count;
  c->replication = replication;
  c->min_rating = min_rating;
  c->max_share_bps = max_share_bps;
  c->page_count = (uint16_t)((task_count + PAGE_TASKS - 1) >> PAGE_SHIFT);
  c->metadata_uri_len = uri_len;
  copy_bytes(c->tasks_root, root, 32);
  copy_bytes(c->label_schema_hash, schema_hash, 32);
  copy_bytes(c->metadata_uri, uri, uri_len);

  Event e;
  event_begin(&e, EVENT_CAMPAIGN_POSTED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_bytes(&e, requester->key->x, 32);
  event_u64(&e, price);
  event_u32(&e, task_count);
  event_u16(&e, replication);
  event_u16(&e, min_rating);
  event_u8(&e, flags);
  event_u64(&e, (uint64_t)deadline);
  event_u64(&e, (uint64_t)review_window);
  event_u64(&e, funding);
  event_emit(&e);
  return OK;
}

/* accounts: requester (signer, writable), campaign (writable), page (writable), system program
 * data: page u16. Creates the page's slot counters: one byte per task, PAGE_TASKS per page. */
uint64_t ix_add_task_page(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 2) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[1];
  SolAccountInfo *page_info = &ctx->accounts[2];
  uint64_t err = require_system_program(&ctx->accounts[3]);
  if (err) return err;
  uint16_t index = (uint16_t)(ctx->data[1] | (ctx->data[2] << 8));
  Campaign *c;
  err = load_own_campaign(ctx, requester, campaign_info, &c);
  if (err) return err;
  if (index >= c->page_count) return ERR_TASK_OUT_OF_RANGE;
  uint32_t first = (uint32_t)index << PAGE_SHIFT;
  uint32_t count = c->task_count - first < PAGE_TASKS ? c->task_count - first : PAGE_TASKS;
  SolSignerSeed seeds[4] = {SEED("tasks"), {campaign_info->key->x, 32}, {(const uint8_t *)&index, 2}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){requester, page_info, seeds, 3, sizeof(TaskPage) + count, 0, NULL}, &bump);
  if (err) return err;
  TaskPage *page = AS(TaskPage, page_info);
  SET_RECORD_HEAD(page, DISC_TASK_PAGE, bump);
  page->page = index;
  page->count = count;
  copy_bytes(page->campaign.x, campaign_info->key->x, 32);
  INCREMENT_OR_FAIL(c->pages_created, U16_MAX);

  Event e;
  event_begin(&e, EVENT_TASK_PAGE_ADDED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_u16(&e, index);
  event_u32(&e, count);
  event_u64(&e, *page_info->lamports);
  event_emit(&e);
  return OK;
}

/* accounts: requester (signer), campaign (writable); data: none. Stops accepts now; work already
 * accepted may still be submitted (and is paid) until it expires. */
uint64_t ix_end_campaign(Context *ctx) {
  if (ctx->count < 2) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  Campaign *c;
  uint64_t err = load_own_campaign(ctx, &ctx->accounts[0], &ctx->accounts[1], &c);
  if (err) return err;
  int64_t now = now_unix();
  if (c->ended_at != 0) return ERR_CAMPAIGN_CLOSED;
  c->ended_at = now;
  Event e;
  event_begin(&e, EVENT_CAMPAIGN_ENDED);
  event_bytes(&e, ctx->accounts[1].key->x, 32);
  event_u64(&e, (uint64_t)now);
  event_emit(&e);
  return OK;
}

/* accounts: requester (signer, writable), campaign (writable), escrow (writable), page x pages_created (writable)
 * Once no assignment is open, closes the escrow, every page and the campaign itself: the
 * requester gets back the unpaid slots and every lamport of rent; nothing stays behind. */
uint64_t ix_close_campaign(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[1];
  SolAccountInfo *escrow_info = &ctx->accounts[2];
  Campaign *c;
  uint64_t err = load_own_campaign(ctx, requester, campaign_info, &c);
  if (err) return err;
  err = require_writable(requester);
  if (err) return err;
  err = require_writable(escrow_info);
  if (err) return err;
  err = load_escrow(ctx, escrow_info, c, campaign_info);
  if (err) return err;
  if (c->open_assignments != 0) return ERR_OPEN_ASSIGNMENTS;
  if (ctx->count != 3 + (uint64_t)c->pages_created) return ERR_NOT_ENOUGH_ACCOUNTS;
  uint64_t before = *requester->lamports;
  for (uint64_t i = 3; i < ctx->count; i++) {
    TaskPage *page;
    err = load_task_page(ctx, &ctx->accounts[i], campaign_info, &page);
    if (err) return err;
    err = close_account(&ctx->accounts[i], requester);
    if (err) return err;
  }
  err = close_account(escrow_info, requester);
  if (err) return err;
  Event e;
  event_begin(&e, EVENT_CAMPAIGN_CLOSED);
  event_bytes(&e, campaign_info->key->x, 32);
  event_u32(&e, c->submitted_count);
  event_u32(&e, c->reviewed_count);
  err = close_account(campaign_info, requester);
  if (err) return err;
  event_u64(&e, *requester->lamports - before);
  event_emit(&e);
  return OK;
}
