/* Protocol configuration: fee, treasury, governance authority and the pause switch. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

/* accounts: payer = the program's upgrade authority (signer, writable), config (writable), system
 * program, the program's ProgramData (upgradeable loader)
 * data: fee_bps u16, authority [32], treasury [32] */
uint64_t ix_init_config(Context *ctx) {
  if (ctx->count < 4) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *payer = &ctx->accounts[0];
  SolAccountInfo *config_info = &ctx->accounts[1];
  uint64_t err = require_system_program(&ctx->accounts[2]);
  if (err) return err;
  err = require_upgrade_authority(ctx, payer, &ctx->accounts[3]);
  if (err) return err;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint16_t fee_bps = read_u16(&r);
  const uint8_t *authority = read_bytes(&r, 32);
  const uint8_t *treasury = read_bytes(&r, 32);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  if (fee_bps > FEE_BPS_MAX) return ERR_FEE_TOO_HIGH;

  SolSignerSeed seeds[2] = {SEED("config")};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){payer, config_info, seeds, 1, sizeof(Config), 0}, &bump);
  if (err) return err;
  Config *config = AS(Config, config_info);
  config->discriminator = DISC_CONFIG;
  config->version = ACCOUNT_VERSION;
  config->bump = bump;
  config->fee_bps = fee_bps;
  copy_bytes(config->authority.x, authority, 32);
  copy_bytes(config->treasury.x, treasury, 32);
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
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint16_t fee_bps = read_u16(&r);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  Config *config;
  uint64_t err = load_config_as_authority(ctx, &config);
  if (err) return err;
  if (fee_bps > FEE_BPS_MAX) return ERR_FEE_TOO_HIGH;
  config->fee_bps = fee_bps;
  return OK;
}

/* accounts: authority (signer), config (writable); data: paused u8 (0 or 1) */
uint64_t ix_set_paused(Context *ctx) {
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint8_t paused = read_u8(&r);
  if (r.bad || r.at != r.len || paused > 1) return ERR_INVALID_INSTRUCTION;
  Config *config;
  uint64_t err = load_config_as_authority(ctx, &config);
  if (err) return err;
  config->paused = paused;
  return OK;
}

/* accounts: authority (signer), config (writable); data: new authority [32], new treasury [32] */
uint64_t ix_update_config(Context *ctx) {
  Reader r = {ctx->data, ctx->data_len, 1, false};
  const uint8_t *authority = read_bytes(&r, 32);
  const uint8_t *treasury = read_bytes(&r, 32);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  Config *config;
  uint64_t err = load_config_as_authority(ctx, &config);
  if (err) return err;
  copy_bytes(config->authority.x, authority, 32);
  copy_bytes(config->treasury.x, treasury, 32);
  return OK;
}
