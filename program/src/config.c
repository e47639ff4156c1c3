/* Protocol configuration: fee, fee vault, treasury, governance authority (handed over in two
 * steps) and the pause switch. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

void emit_config_event(const Config *config) {
  Event e;
  event_begin(&e, EVENT_CONFIG_UPDATED);
  event_bytes(&e, config->authority.x, 32);
  event_bytes(&e, config->pending_authority.x, 32);
  event_bytes(&e, config->treasury.x, 32);
  event_u16(&e, config->fee_bps);
  event_u8(&e, config->paused);
  event_emit(&e);
}

/* An authority must be able to sign and a treasury to receive: never the zero address, the
 * program, or one of the program's own config / fee vault accounts (nobody signs for those, and
 * a fee vault paying into itself would be a transfer to self). */
static bool usable(const Context *ctx, const SolPubkey *key, const SolPubkey *config, const SolPubkey *vault) {
  return !is_zero_pubkey(key) && !pubkey_eq(key, ctx->program_id) && !pubkey_eq(key, config) && !pubkey_eq(key, vault);
}

/* accounts: payer = the program's upgrade authority (signer, writable), config (writable), fee vault
 * (writable), system program, the program's ProgramData (upgradeable loader)
 * data: fee_bps u16, authority [32], treasury [32] */
uint64_t ix_init_config(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 2 + 32 + 32) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *payer = &ctx->accounts[0];
  SolAccountInfo *config_info = &ctx->accounts[1];
  SolAccountInfo *vault_info = &ctx->accounts[2];
  uint64_t err = require_system_program(&ctx->accounts[3]);
  if (err) return err;
  err = require_upgrade_authority(ctx, payer, &ctx->accounts[4]);
  if (err) return err;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint16_t fee_bps = read_u16(&r);
  /* Copied out: instruction data is unaligned and pubkey_eq compares 8-byte words. */
  SolPubkey authority_key, treasury_key;
  copy_bytes(authority_key.x, read_bytes(&r, 32), 32);
  copy_bytes(treasury_key.x, read_bytes(&r, 32), 32);
  const SolPubkey *authority = &authority_key;
  const SolPubkey *treasury = &treasury_key;
  if (fee_bps > FEE_BPS_MAX) return ERR_FEE_TOO_HIGH;
  if (!usable(ctx, authority, config_info->key, vault_info->key) || !usable(ctx, treasury, config_info->key, vault_info->key)) {
    return ERR_UNUSABLE_ADDRESS;
  }

  SolSignerSeed seeds[2] = {SEED("config")};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){payer, config_info, seeds, 1, sizeof(Config), 0, NULL}, &bump);
  if (err) return err;
  /* The vault is created rent-exempt, so a fee of any size can always be credited to it. */
  SolSignerSeed vault_seeds[2] = {SEED("fee_vault")};
  uint8_t vault_bump;
  err = create_pda(ctx, &(PdaSpec){payer, vault_info, vault_seeds, 1, sizeof(FeeVault), 0, NULL}, &vault_bump);
  if (err) return err;
  FeeVault *vault = AS(FeeVault, vault_info);
  SET_RECORD_HEAD(vault, DISC_FEE_VAULT, vault_bump);
  copy_bytes(vault->config.x, config_info->key->x, 32);

  Config *config = AS(Config, config_info);
  SET_RECORD_HEAD(config, DISC_CONFIG, bump);
  config->vault_bump = vault_bump;
  config->fee_bps = fee_bps;
  copy_bytes(config->authority.x, authority->x, 32);
  copy_bytes(config->treasury.x, treasury->x, 32);
  emit_config_event(config);
  return OK;
}

/* Governance-only edits share one gate: the stored authority must sign. */
static uint64_t load_config_as_authority(Context *ctx, Config **config) {
  if (ctx->count < 2) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *authority = &ctx->accounts[0];
  uint64_t err = require_signer(authority);
  if (err) return err;
  err = require_writable(&ctx->accounts[1]);
  if (err) return err;
  err = load_config(ctx, &ctx->accounts[1], config);
  if (err) return err;
  return pubkey_eq(authority->key, &(*config)->authority) ? OK : ERR_UNAUTHORIZED;
}

/* accounts: authority (signer), config (writable); data: fee_bps u16 (at most FEE_BPS_MAX) */
uint64_t ix_set_fee(Context *ctx) {
  if (ctx->data_len != 1 + 2) return ERR_INVALID_INSTRUCTION;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint16_t fee_bps = read_u16(&r);
  Config *config;
  uint64_t err = load_config_as_authority(ctx, &config);
  if (err) return err;
  if (fee_bps > FEE_BPS_MAX) return ERR_FEE_TOO_HIGH;
  config->fee_bps = fee_bps;
  emit_config_event(config);
  return OK;
}

/* accounts: authority (signer), config (writable); data: paused u8 (0 or 1) */
uint64_t ix_set_paused(Context *ctx) {
  if (ctx->data_len != 1 + 1) return ERR_INVALID_INSTRUCTION;
  uint8_t paused = ctx->data[1];
  if (paused > 1) return ERR_INVALID_INSTRUCTION;
  Config *config;
  uint64_t err = load_config_as_authority(ctx, &config);
  if (err) return err;
  config->paused = paused;
  emit_config_event(config);
  return OK;
}

/* accounts: authority (signer), config (writable), fee vault, new treasury
 * data: proposed authority [32] (zero: none; the proposed key must accept_authority itself),
 *       new treasury [32] (must be the fourth account: a wallet, not a program) */
uint64_t ix_update_config(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 32 + 32) return ERR_INVALID_INSTRUCTION;
  SolPubkey proposed_key, treasury_key;
  copy_bytes(proposed_key.x, ctx->data + 1, 32);
  copy_bytes(treasury_key.x, ctx->data + 33, 32);
  const SolPubkey *proposed = &proposed_key;
  const SolPubkey *treasury = &treasury_key;
  Config *config;
  uint64_t err = load_config_as_authority(ctx, &config);
  if (err) return err;
  SolAccountInfo *vault_info = &ctx->accounts[2];
  err = load_fee_vault(ctx, vault_info);
  if (err) return err;
  SolAccountInfo *treasury_info = &ctx->accounts[3];
  if (!pubkey_eq(treasury_info->key, treasury)) return ERR_WRONG_TREASURY;
  const SolPubkey *config_key = ctx->accounts[1].key;
  if (treasury_info->executable || !usable(ctx, treasury, config_key, vault_info->key)) return ERR_UNUSABLE_ADDRESS;
  if (!is_zero_pubkey(proposed) && !usable(ctx, proposed, config_key, vault_info->key)) return ERR_UNUSABLE_ADDRESS;
  copy_bytes(config->pending_authority.x, proposed->x, 32);
  copy_bytes(config->treasury.x, treasury->x, 32);
  emit_config_event(config);
  return OK;
}

/* accounts: proposed authority (signer), config (writable); data: none.
 * The second step of a handover: only a key that can sign ever becomes the authority. */
uint64_t ix_accept_authority(Context *ctx) {
  if (ctx->count < 2) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *signer = &ctx->accounts[0];
  uint64_t err = require_signer(signer);
  if (err) return err;
  err = require_writable(&ctx->accounts[1]);
  if (err) return err;
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (is_zero_pubkey(&config->pending_authority) || !pubkey_eq(&config->pending_authority, signer->key)) return ERR_UNAUTHORIZED;
  copy_bytes(config->authority.x, signer->key->x, 32);
  zero_bytes(config->pending_authority.x, 32);
  emit_config_event(config);
  return OK;
}

/* accounts: authority (signer), config, fee vault (writable), treasury (writable), governance (once AMP is
 * live: what stakers earned and have not claimed stays in the vault)
 * data: amount u64 (0: everything above the vault's rent minimum and the stakers' reserve) */
uint64_t ix_withdraw_fees(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 8) return ERR_INVALID_INSTRUCTION;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint64_t amount = read_u64(&r);
  SolAccountInfo *authority = &ctx->accounts[0];
  SolAccountInfo *vault_info = &ctx->accounts[2];
  SolAccountInfo *treasury = &ctx->accounts[3];
  uint64_t err = require_signer(authority);
  if (err) return err;
  Config *config;
  err = load_config(ctx, &ctx->accounts[1], &config);
  if (err) return err;
  if (!pubkey_eq(authority->key, &config->authority)) return ERR_UNAUTHORIZED;
  err = load_fee_vault(ctx, vault_info);
  if (err) return err;
  if (!pubkey_eq(treasury->key, &config->treasury)) return ERR_WRONG_TREASURY;
  if (!vault_info->is_writable || !treasury->is_writable) return ERR_NOT_WRITABLE;
  bool overflow = false;
  uint64_t keep = rent_minimum(sizeof(FeeVault), &overflow);
  if (config->amp_live) {
    if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
    Governance *g;
    err = load_governance(ctx, &ctx->accounts[4], &g);
    if (err) return err;
    keep = checked_add(keep, rewards_reserved(g, &overflow), &overflow);
  }
  uint64_t available = checked_sub(*vault_info->lamports, keep, &overflow);
  if (overflow) return ERR_INSUFFICIENT_ESCROW;
  if (amount == 0) amount = available;
  if (amount > available) return ERR_INSUFFICIENT_ESCROW;
  err = move_lamports(vault_info, treasury, amount);
  if (err) return err;
  Event e;
  event_begin(&e, EVENT_FEES_WITHDRAWN);
  event_bytes(&e, treasury->key->x, 32);
  event_u64(&e, amount);
  event_emit(&e);
  return OK;
}

/* accounts: config (writable), governance; data: none.
 * The second step of a handover to the governance account, which cannot sign a transaction: anyone
 * may complete it once the authority proposed the governance account (update_config). */
uint64_t ix_governance_take_authority(Context *ctx) {
  if (ctx->count < 2) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  uint64_t err = require_writable(&ctx->accounts[0]);
  if (err) return err;
  Config *config;
  err = load_config(ctx, &ctx->accounts[0], &config);
  if (err) return err;
  Governance *g;
  err = load_governance(ctx, &ctx->accounts[1], &g);
  if (err) return err;
  const SolPubkey *key = ctx->accounts[1].key;
  if (!pubkey_eq(&config->pending_authority, key)) return ERR_UNAUTHORIZED;
  copy_bytes(config->authority.x, key->x, 32);
  zero_bytes(config->pending_authority.x, 32);
  emit_config_event(config);
  return OK;
}
