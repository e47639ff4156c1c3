/* Campaigns: creation with a fully funded escrow, top-ups, tasks, and closing with a refund.
 * Invariant kept by every instruction: escrow lamports == rent minimum + campaign.escrow_balance
 * and escrow_balance == price x (max_tasks x replication - paid assignments). */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

static uint64_t load_open_config(Context *ctx, const SolAccountInfo *info) {
  Config *config;
  uint64_t err = load_config(ctx, info, &config);
  if (err) return err;
  return config->paused ? ERR_PAUSED : OK;
}

/* The requester must sign and own the campaign; the campaign must still be open. */
static uint64_t load_own_campaign(Context *ctx, const SolAccountInfo *requester, SolAccountInfo *info, Campaign **out) {
  uint64_t err = require_signer(requester);
  if (err) return err;
  err = require_writable(info);
  if (err) return err;
  err = load_campaign(ctx, info, out);
  if (err) return err;
  if (!pubkey_eq(&(*out)->requester, requester->key)) return ERR_UNAUTHORIZED;
  return (*out)->is_closed ? ERR_CAMPAIGN_CLOSED : OK;
}

/* accounts: requester (signer, writable), config, campaign (writable), escrow (writable), system
 * data: id u64, price u64, max_tasks u32, replication u16, min_rating u16, max_share_bps u16,
 *       is_private u8, deadline i64, assignment_timeout i64, label_schema_hash [32],
 *       metadata_uri_len u8, metadata_uri [len] */
uint64_t ix_create_campaign(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[2];
  SolAccountInfo *escrow_info = &ctx->accounts[3];
  uint64_t err = require_system_program(&ctx->accounts[4]);
  if (err) return err;
  err = load_open_config(ctx, &ctx->accounts[1]);
  if (err) return err;

  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t id = read_u64(&r);
  uint64_t price = read_u64(&r);
  uint32_t max_tasks = read_u32(&r);
  uint16_t replication = read_u16(&r);
  uint16_t min_rating = read_u16(&r);
  uint16_t max_share_bps = read_u16(&r);
  uint8_t is_private = read_u8(&r);
  int64_t deadline = (int64_t)read_u64(&r);
  int64_t timeout = (int64_t)read_u64(&r);
  const uint8_t *schema_hash = read_bytes(&r, 32);
  uint8_t uri_len = read_u8(&r);
  const uint8_t *uri = read_bytes(&r, uri_len);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  if (uri_len > URI_MAX) return ERR_URI_TOO_LONG;
  if (price == 0 || max_tasks == 0 || replication == 0 || min_rating > RATING_MAX || max_share_bps == 0 ||
      max_share_bps > BPS_DENOMINATOR || is_private > 1 || timeout <= 0) {
    return ERR_INVALID_PARAMETER;
  }
  int64_t now = now_unix();
  if (deadline <= now) return ERR_DEADLINE_PASSED;
  bool overflow = false;
  uint64_t funding = checked_mul(checked_mul(price, max_tasks, &overflow), replication, &overflow);
  checked_mul(price, BPS_DENOMINATOR, &overflow); /* the fee split must never overflow later */
  /* Every expiry is accept time + timeout with accept time < deadline: bound it once here. */
  if (overflow || timeout > 0x7FFFFFFFFFFFFFFFLL - deadline) return ERR_OVERFLOW;

  SolSignerSeed seeds[4] = {SEED("campaign"), {requester->key->x, 32}, {(const uint8_t *)&id, 8}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){requester, campaign_info, seeds, 3, sizeof(Campaign), 0}, &bump);
  if (err) return err;
  SolSignerSeed escrow_seeds[3] = {SEED("escrow"), {campaign_info->key->x, 32}};
  uint8_t escrow_bump;
  err = create_pda(ctx, &(PdaSpec){requester, escrow_info, escrow_seeds, 2, sizeof(Escrow), funding}, &escrow_bump);
  if (err) return err;

  Escrow *escrow = AS(Escrow, escrow_info);
  escrow->discriminator = DISC_ESCROW;
  escrow->version = ACCOUNT_VERSION;
  escrow->bump = escrow_bump;
  copy_bytes(escrow->campaign.x, campaign_info->key->x, 32);

  Campaign *c = AS(Campaign, campaign_info);
  c->discriminator = DISC_CAMPAIGN;
  c->version = ACCOUNT_VERSION;
  c->bump = bump;
  c->escrow_bump = escrow_bump;
  c->is_private = is_private;
  copy_bytes(c->requester.x, requester->key->x, 32);
  c->id = id;
  c->price = price;
  c->escrow_balance = funding;
  c->deadline = deadline;
  c->assignment_timeout = timeout;
  c->created_at = now;
  c->max_tasks = max_tasks;
  c->replication = replication;
  c->min_rating = min_rating;
  c->max_share_bps = max_share_bps;
  c->metadata_uri_len = uri_len;
  copy_bytes(c->label_schema_hash, schema_hash, 32);
  copy_bytes(c->metadata_uri, uri, uri_len);
  return OK;
}

/* accounts: requester (signer, writable), config, campaign (writable), escrow (writable), system
 * data: additional_tasks u32 (funded at price x replication each) */
uint64_t ix_top_up(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[2];
  SolAccountInfo *escrow_info = &ctx->accounts[3];
  uint64_t err = require_system_program(&ctx->accounts[4]);
  if (err) return err;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint32_t additional = read_u32(&r);
  if (r.bad || r.at != r.len || additional == 0) return ERR_INVALID_INSTRUCTION;
  err = load_open_config(ctx, &ctx->accounts[1]);
  if (err) return err;
  Campaign *c;
  err = load_own_campaign(ctx, requester, campaign_info, &c);
  if (err) return err;
  err = require_writable(escrow_info);
  if (err) return err;
  err = load_escrow(ctx, escrow_info, c, campaign_info);
  if (err) return err;

  bool overflow = false;
  uint64_t funding = checked_mul(checked_mul(c->price, additional, &overflow), c->replication, &overflow);
  uint64_t max_tasks = checked_add(c->max_tasks, additional, &overflow);
  uint64_t balance = checked_add(c->escrow_balance, funding, &overflow);
  if (overflow || max_tasks > 0xFFFFFFFFULL) return ERR_OVERFLOW;
  err = system_transfer(requester, escrow_info, funding);
  if (err) return err;
  c->max_tasks = (uint32_t)max_tasks;
  c->escrow_balance = balance;
  return OK;
}

/* accounts: requester (signer, writable), config, campaign (writable), system, task x count (writable)
 * data: count u8 (1..MAX_TASKS_PER_ADD), then per task: data_hash [32], uri_len u8, uri [uri_len]
 * Tasks are numbered in order: the first new one is campaign.task_count. */
uint64_t ix_add_tasks(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *requester = &ctx->accounts[0];
  SolAccountInfo *campaign_info = &ctx->accounts[2];
  uint64_t err = require_system_program(&ctx->accounts[3]);
  if (err) return err;
  err = load_open_config(ctx, &ctx->accounts[1]);
  if (err) return err;
  Campaign *c;
  err = load_own_campaign(ctx, requester, campaign_info, &c);
  if (err) return err;

  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint8_t count = read_u8(&r);
  if (r.bad || count == 0 || count > MAX_TASKS_PER_ADD || count != ctx->count - 4) return ERR_INVALID_INSTRUCTION;
  if ((uint64_t)c->task_count + count > c->max_tasks) return ERR_TOO_MANY_TASKS;
  for (uint8_t i = 0; i < count; i++) {
    const uint8_t *hash = read_bytes(&r, 32);
    uint8_t uri_len = read_u8(&r);
    const uint8_t *uri = read_bytes(&r, uri_len);
    if (r.bad) return ERR_INVALID_INSTRUCTION;
    if (uri_len > URI_MAX) return ERR_URI_TOO_LONG;
    uint32_t index = c->task_count;
    SolAccountInfo *task_info = &ctx->accounts[4 + i];
    SolSignerSeed seeds[4] = {SEED("task"), {campaign_info->key->x, 32}, {(const uint8_t *)&index, 4}};
    uint8_t bump;
    err = create_pda(ctx, &(PdaSpec){requester, task_info, seeds, 3, sizeof(Task), 0}, &bump);
    if (err) return err;
    Task *t = AS(Task, task_info);
    t->discriminator = DISC_TASK;
    t->version = ACCOUNT_VERSION;
    t->bump = bump;
    copy_bytes(t->campaign.x, campaign_info->key->x, 32);
    t->index = index;
    t->uri_len = uri_len;
    copy_bytes(t->data_hash, hash, 32);
    copy_bytes(t->uri, uri, uri_len);
    c->task_count = index + 1;
  }
  return r.at == r.len ? OK : ERR_INVALID_INSTRUCTION;
}

/* accounts: requester (signer, writable), campaign (writable), escrow (writable)
 * Refunds the whole escrow (unpaid slots + its rent) once no assignment is open. */
uint64_t ix_close_campaign(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
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
  err = move_lamports(escrow_info, requester, *escrow_info->lamports);
  if (err) return err;
  zero_bytes(escrow_info->data, escrow_info->data_len);
  c->escrow_balance = 0;
  c->is_closed = 1;
  return OK;
}
