/* AMP: the mint, the genesis allocation, staking with a cool-down, fee claims and AMP claims.
 * The governance account ["governance"] holds the accumulator and the parameters, signs as the
 * mint authority and owns the stake vault's tokens. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

static void emit_stake(const SolPubkey *owner, uint8_t change, uint64_t amount, const Stake *stake, const Governance *g) {
  Event e;
  event_begin(&e, EVENT_STAKE_CHANGED);
  event_bytes(&e, owner->x, 32);
  event_u8(&e, change);
  event_u64(&e, amount);
  event_u64(&e, stake->amount);
  event_u64(&e, stake->unbonding);
  event_u64(&e, (uint64_t)stake->unbonding_ready_at);
  event_u64(&e, g->total_staked);
  event_emit(&e);
}

static bool period_ok(int64_t seconds) { return seconds > 0 && seconds <= GOV_PERIOD_MAX; }

/* accounts: authority (signer, writable, pays), config (writable), governance (writable), mint (writable),
 *           stake vault (writable), system program, token program
 * data: proposal_threshold u64, voting_period i64, timelock i64, cooldown i64, amp_rate u64, genesis_cap u64,
 *       quorum_bps u16, staker_bps u16, author_bps u16 */
uint64_t ix_init_governance(Context *ctx) {
  if (ctx->count < 7) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 6 * 8 + 3 * 2) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *authority = &ctx->accounts[0];
  SolAccountInfo *config_info = &ctx->accounts[1];
  SolAccountInfo *gov_info = &ctx->accounts[2];
  SolAccountInfo *mint = &ctx->accounts[3];
  SolAccountInfo *vault = &ctx->accounts[4];
  uint64_t err = require_system_program(&ctx->accounts[5]);
  if (err) return err;
  err = require_token_program(&ctx->accounts[6]);
  if (err) return err;
  err = require_signer(authority);
  if (err) return err;
  err = require_writable(config_info);
  if (err) return err;
  Config *config;
  err = load_config(ctx, config_info, &config);
  if (err) return err;
  if (!pubkey_eq(authority->key, &config->authority)) return ERR_UNAUTHORIZED;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t threshold = read_u64(&r);
  int64_t voting_period = (int64_t)read_u64(&r);
  int64_t timelock = (int64_t)read_u64(&r);
  int64_t cooldown = (int64_t)read_u64(&r);
  uint64_t amp_rate = read_u64(&r);
  uint64_t genesis_cap = read_u64(&r);
  uint16_t quorum_bps = read_u16(&r);
  uint16_t staker_bps = read_u16(&r);
  uint16_t author_bps = read_u16(&r);
  if (!period_ok(voting_period) || !period_ok(timelock) || !period_ok(cooldown)) return ERR_INVALID_PARAMETER;
  if (amp_rate > AMP_RATE_MAX || quorum_bps > BPS_DENOMINATOR || staker_bps > STAKER_BPS_MAX || author_bps > AUTHOR_BPS_MAX) {
    return ERR_INVALID_PARAMETER;
  }

  SolSignerSeed seeds[2] = {SEED("governance")};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){authority, gov_info, seeds, 1, sizeof(Governance), 0, NULL}, &bump);
  if (err) return err;
  SolSignerSeed mint_seeds[2] = {SEED("amp_mint")};
  uint8_t mint_bump;
  err = create_pda(ctx, &(PdaSpec){authority, mint, mint_seeds, 1, MINT_SIZE, 0, &TOKEN_PROGRAM_ID}, &mint_bump);
  if (err) return err;
  err = token_initialize_mint(mint, gov_info->key);
  if (err) return err;
  SolSignerSeed vault_seeds[2] = {SEED("stake_vault")};
  uint8_t vault_bump;
  err = create_pda(ctx, &(PdaSpec){authority, vault, vault_seeds, 1, TOKEN_ACCOUNT_SIZE, 0, &TOKEN_PROGRAM_ID}, &vault_bump);
  if (err) return err;
  err = token_initialize_account(vault, mint, gov_info->key);
  if (err) return err;

  Governance *g = AS(Governance, gov_info);
  SET_RECORD_HEAD(g, DISC_GOVERNANCE, bump);
  g->mint_bump = mint_bump;
  g->vault_bump = vault_bump;
  copy_bytes(g->mint.x, mint->key->x, 32);
  copy_bytes(g->stake_vault.x, vault->key->x, 32);
  g->proposal_threshold = threshold;
  g->voting_period = voting_period;
  g->timelock = timelock;
  g->cooldown = cooldown;
  g->amp_rate = amp_rate;
  g->genesis_cap = genesis_cap;
  g->quorum_bps = quorum_bps;
  g->staker_bps = staker_bps;
  g->author_bps = author_bps;
  config->amp_live = 1;

  Event e;
  event_begin(&e, EVENT_GOVERNANCE_INITIALIZED);
  event_bytes(&e, mint->key->x, 32);
  event_bytes(&e, vault->key->x, 32);
  event_u64(&e, genesis_cap);
  event_u64(&e, amp_rate);
  event_u16(&e, staker_bps);
  event_emit(&e);
  return OK;
}

/* accounts: authority (signer), config, governance (writable), mint (writable), destination token account
 *           (writable), token program
 * data: amount u64. The config authority distributes at most genesis_cap, and only until governance takes
 * the authority over: after that AMP comes from reviews alone. */
uint64_t ix_mint_genesis(Context *ctx) {
  if (ctx->count < 6) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 8) return ERR_INVALID_INSTRUCTION;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t amount = read_u64(&r);
  SolAccountInfo *authority = &ctx->accounts[0];
  SolAccountInfo *gov_info = &ctx->accounts[2];
  SolAccountInfo *mint = &ctx->accounts[3];
  SolAccountInfo *destination = &ctx->accounts[4];
  uint64_t err = require_token_program(&ctx->accounts[5]);
  if (err) return err;
  err = require_signer(authority);
  if (err) return err;
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (!pubkey_eq(authority->key, &config->authority)) return ERR_UNAUTHORIZED;
  Governance *g;
  err = load_governance(ctx, gov_info, &g);
  if (err) return err;
  if (!gov_info->is_writable || !mint->is_writable || !destination->is_writable) return ERR_NOT_WRITABLE;
  if (!pubkey_eq(mint->key, &g->mint)) return ERR_WRONG_TOKEN_ACCOUNT;
  if (pubkey_eq(destination->key, &g->stake_vault)) return ERR_WRONG_TOKEN_ACCOUNT;
  if (!pubkey_eq(destination->owner, &TOKEN_PROGRAM_ID) || destination->data_len != TOKEN_ACCOUNT_SIZE ||
      !pubkey_eq((const SolPubkey *)destination->data, &g->mint)) {
    return ERR_WRONG_TOKEN_ACCOUNT;
  }
  bool overflow = false;
  uint64_t minted = checked_add(g->genesis_minted, amount, &overflow);
  if (overflow || minted > g->genesis_cap || amount == 0) return ERR_GENESIS_CLOSED;
  err = token_mint_to(mint, destination, gov_info, g, amount);
  if (err) return err;
  g->genesis_minted = minted;
  Event e;
  event_begin(&e, EVENT_GENESIS_MINTED);
  event_bytes(&e, destination->key->x, 32);
  event_u64(&e, amount);
  event_u64(&e, minted);
  event_emit(&e);
  return OK;
}

/* Governance's own accounts are re-derived with the loaders; the stake account is created with
 * the current accumulator, so a new stake is owed only fees that arrive after it. */
static uint64_t load_or_create_stake(Context *ctx, SolAccountInfo *owner, SolAccountInfo *info, const Governance *g,
                                     Stake **out) {
  if (pubkey_eq(info->owner, ctx->program_id)) {
    uint64_t err = load_stake(ctx, info, out);
    if (err) return err;
    return pubkey_eq(&(*out)->owner, owner->key) ? OK : ERR_UNAUTHORIZED;
  }
  SolSignerSeed seeds[3] = {SEED("stake"), {owner->key->x, 32}};
  uint8_t bump;
  uint64_t err = create_pda(ctx, &(PdaSpec){owner, info, seeds, 2, sizeof(Stake), 0, NULL}, &bump);
  if (err) return err;
  Stake *stake = AS(Stake, info);
  SET_RECORD_HEAD(stake, DISC_STAKE, bump);
  copy_bytes(stake->owner.x, owner->key->x, 32);
  stake->acc_lo = g->acc_lo;
  stake->acc_hi = g->acc_hi;
  *out = stake;
  return OK;
}

/* The owner's stake, after the shared checks: signer, writable governance and stake accounts. */
static uint64_t owner_stake(Context *ctx, Governance **g, Stake **stake) {
  SolAccountInfo *owner = &ctx->accounts[0];
  uint64_t err = require_signer(owner);
  if (err) return err;
  if (!ctx->accounts[1].is_writable || !ctx->accounts[2].is_writable) return ERR_NOT_WRITABLE;
  err = load_governance(ctx, &ctx->accounts[1], g);
  if (err) return err;
  err = load_stake(ctx, &ctx->accounts[2], stake);
  if (err) return err;
  return pubkey_eq(&(*stake)->owner, owner->key) ? OK : ERR_UNAUTHORIZED;
}

/* accounts: owner (signer, writable), governance (writable), stake (writable), owner's AMP token account
 *           (writable), stake vault (writable), token program, system program
 * data: amount u64 (> 0) */
uint64_t ix_stake(Context *ctx) {
  if (ctx->count < 7) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 8) return ERR_INVALID_INSTRUCTION;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t amount = read_u64(&r);
  if (amount == 0) return ERR_INVALID_PARAMETER;
  SolAccountInfo *owner = &ctx->accounts[0];
  SolAccountInfo *gov_info = &ctx->accounts[1];
  SolAccountInfo *stake_info = &ctx->accounts[2];
  SolAccountInfo *tokens = &ctx->accounts[3];
  SolAccountInfo *vault = &ctx->accounts[4];
  uint64_t err = require_token_program(&ctx->accounts[5]);
  if (err) return err;
  err = require_system_program(&ctx->accounts[6]);
  if (err) return err;
  err = require_signer(owner);
  if (err) return err;
  if (!gov_info->is_writable || !tokens->is_writable || !vault->is_writable) return ERR_NOT_WRITABLE;
  Governance *g;
  err = load_governance(ctx, gov_info, &g);
  if (err) return err;
  if (!pubkey_eq(vault->key, &g->stake_vault)) return ERR_WRONG_TOKEN_ACCOUNT;
  if (!is_token_account_of(tokens, &g->mint, owner->key)) return ERR_WRONG_TOKEN_ACCOUNT;
  Stake *stake;
  err = load_or_create_stake(ctx, owner, stake_info, g, &stake);
  if (err) return err;
  err = rewards_settle(g, stake);
  if (err) return err;
  bool overflow = false;
  uint64_t staked = checked_add(stake->amount, amount, &overflow);
  uint64_t total = checked_add(g->total_staked, amount, &overflow);
  if (overflow) return ERR_OVERFLOW;
  /* The owner signed the transaction; the token program checks it owns `tokens` and the balance. */
  err = token_transfer(tokens, vault, owner, NULL, amount);
  if (err) return err;
  stake->amount = staked;
  g->total_staked = total;
  stake->changed_slot = now_slot();
  emit_stake(owner->key, STAKE_ADDED, amount, stake, g);
  return OK;
}

/* accounts: owner (signer), governance (writable), stake (writable); data: amount u64 (> 0)
 * The amount stops earning and voting now and can be withdrawn after the cool-down. Refused while
 * the stake backs a vote whose period is still running. */
uint64_t ix_request_unstake(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 8) return ERR_INVALID_INSTRUCTION;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t amount = read_u64(&r);
  Governance *g;
  Stake *stake;
  uint64_t err = owner_stake(ctx, &g, &stake);
  if (err) return err;
  if (amount == 0 || amount > stake->amount) return ERR_INVALID_PARAMETER;
  int64_t now = now_unix();
  if (now < stake->locked_until) return ERR_STAKE_LOCKED;
  err = rewards_settle(g, stake);
  if (err) return err;
  bool overflow = false;
  uint64_t unbonding = checked_add(stake->unbonding, amount, &overflow);
  uint64_t total = checked_sub(g->total_staked, amount, &overflow);
  if (overflow) return ERR_OVERFLOW;
  stake->amount -= amount;
  stake->unbonding = unbonding;
  stake->unbonding_ready_at = now + g->cooldown; /* bounded at init_governance */
  stake->changed_slot = now_slot();
  g->total_staked = total;
  emit_stake(ctx->accounts[0].key, STAKE_UNSTAKE_REQUESTED, amount, stake, g);
  return OK;
}

/* accounts: owner (signer), governance (writable), stake (writable), owner's AMP token account (writable),
 *           stake vault (writable), token program; data: none. Pays out everything unbonded. */
uint64_t ix_withdraw_stake(Context *ctx) {
  if (ctx->count < 6) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *gov_info = &ctx->accounts[1];
  SolAccountInfo *tokens = &ctx->accounts[3];
  SolAccountInfo *vault = &ctx->accounts[4];
  uint64_t err = require_token_program(&ctx->accounts[5]);
  if (err) return err;
  Governance *g;
  Stake *stake;
  err = owner_stake(ctx, &g, &stake);
  if (err) return err;
  if (!tokens->is_writable || !vault->is_writable) return ERR_NOT_WRITABLE;
  if (!pubkey_eq(vault->key, &g->stake_vault)) return ERR_WRONG_TOKEN_ACCOUNT;
  if (!is_token_account_of(tokens, &g->mint, ctx->accounts[0].key)) return ERR_WRONG_TOKEN_ACCOUNT;
  if (stake->unbonding == 0) return ERR_NOTHING_TO_CLAIM;
  if (now_unix() < stake->unbonding_ready_at) return ERR_STAKE_LOCKED;
  uint64_t amount = stake->unbonding;
  err = token_transfer(vault, tokens, gov_info, g, amount);
  if (err) return err;
  stake->unbonding = 0;
  emit_stake(ctx->accounts[0].key, STAKE_WITHDRAWN, amount, stake, g);
  return OK;
}

/* accounts: owner (signer, writable: is paid), governance (writable), stake (writable), fee vault (writable)
 * data: none. Pays every lamport the stake earned so far. */
uint64_t ix_claim_rewards(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *owner = &ctx->accounts[0];
  SolAccountInfo *vault_info = &ctx->accounts[3];
  Governance *g;
  Stake *stake;
  uint64_t err = owner_stake(ctx, &g, &stake);
  if (err) return err;
  if (!owner->is_writable || !vault_info->is_writable) return ERR_NOT_WRITABLE;
  err = load_fee_vault(ctx, vault_info);
  if (err) return err;
  err = rewards_settle(g, stake);
  if (err) return err;
  uint64_t pay = stake->pending;
  if (pay == 0) return ERR_NOTHING_TO_CLAIM;
  bool overflow = false;
  uint64_t above_rent = checked_sub(*vault_info->lamports, rent_minimum(sizeof(FeeVault), &overflow), &overflow);
  uint64_t claimed = checked_add(g->claimed, pay, &overflow);
  uint64_t stake_claimed = checked_add(stake->claimed, pay, &overflow);
  if (overflow || pay > above_rent || claimed > g->distributed) return ERR_INSUFFICIENT_ESCROW;
  err = move_lamports(vault_info, owner, pay);
  if (err) return err;
  stake->pending = 0;
  stake->claimed = stake_claimed;
  g->claimed = claimed;
  Event e;
  event_begin(&e, EVENT_REWARDS_CLAIMED);
  event_bytes(&e, owner->key->x, 32);
  event_u64(&e, pay);
  event_u64(&e, stake_claimed);
  event_emit(&e);
  return OK;
}

/* accounts: worker (signer), profile (writable), governance, mint (writable), worker's AMP token account
 *           (writable), token program; data: none. Mints the AMP reviews credited to the profile. */
uint64_t ix_claim_amp(Context *ctx) {
  if (ctx->count < 6) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *worker = &ctx->accounts[0];
  SolAccountInfo *profile_info = &ctx->accounts[1];
  SolAccountInfo *gov_info = &ctx->accounts[2];
  SolAccountInfo *mint = &ctx->accounts[3];
  SolAccountInfo *tokens = &ctx->accounts[4];
  uint64_t err = require_token_program(&ctx->accounts[5]);
  if (err) return err;
  err = require_signer(worker);
  if (err) return err;
  if (!profile_info->is_writable || !mint->is_writable || !tokens->is_writable) return ERR_NOT_WRITABLE;
  WorkerProfile *profile;
  err = load_worker(ctx, profile_info, &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, worker->key)) return ERR_WRONG_WORKER;
  Governance *g;
  err = load_governance(ctx, gov_info, &g);
  if (err) return err;
  if (!pubkey_eq(mint->key, &g->mint)) return ERR_WRONG_TOKEN_ACCOUNT;
  if (!is_token_account_of(tokens, &g->mint, worker->key)) return ERR_WRONG_TOKEN_ACCOUNT;
  uint64_t amount = profile->amp_pending;
  if (amount == 0) return ERR_NOTHING_TO_CLAIM;
  err = token_mint_to(mint, tokens, gov_info, g, amount);
  if (err) return err;
  profile->amp_pending = 0;
  Event e;
  event_begin(&e, EVENT_AMP_CLAIMED);
  event_bytes(&e, worker->key->x, 32);
  event_u64(&e, amount);
  event_emit(&e);
  return OK;
}
