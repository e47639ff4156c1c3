/* Entrypoint: parses the loader's aligned input serialization into SolAccountInfo records and
 * dispatches on the first instruction byte. */
#include "amplify.h"

#define REALLOC_SPACE 10240

static uint64_t deserialize(const uint8_t *input, Context *ctx) {
  uint64_t count = *(const uint64_t *)input;
  input += 8;
  if (count > MAX_ACCOUNTS) return ERR_INVALID_INSTRUCTION;
  for (uint64_t i = 0; i < count; i++) {
    uint8_t dup = *input;
    input += 8;
    if (dup != 0xFF) {
      /* A repeated account: same memory, same record. */
      ctx->accounts[i] = ctx->accounts[dup];
      continue;
    }
    SolAccountInfo *a = &ctx->accounts[i];
    a->is_signer = *(input - 7);
    a->is_writable = *(input - 6);
    a->executable = *(input - 5);
    a->key = (SolPubkey *)input;
    input += 32;
    a->owner = (SolPubkey *)input;
    input += 32;
    a->lamports = (uint64_t *)input;
    input += 8;
    a->data_len = *(const uint64_t *)input;
    input += 8;
    a->data = (uint8_t *)input;
    input += a->data_len + REALLOC_SPACE;
    input = (const uint8_t *)(((uint64_t)input + 7) & ~7ULL);
    a->rent_epoch = *(const uint64_t *)input;
    input += 8;
  }
  ctx->count = count;
  ctx->data_len = *(const uint64_t *)input;
  input += 8;
  ctx->data = input;
  input += ctx->data_len;
  ctx->program_id = (const SolPubkey *)input;
  return OK;
}

static uint64_t dispatch(Context *ctx) {
  if (ctx->data_len == 0) return ERR_INVALID_INSTRUCTION;
  switch (ctx->data[0]) {
    case IX_INIT_CONFIG: return ix_init_config(ctx);
    case IX_SET_FEE: return ix_set_fee(ctx);
    case IX_SET_PAUSED: return ix_set_paused(ctx);
    case IX_UPDATE_CONFIG: return ix_update_config(ctx);
    case IX_ACCEPT_AUTHORITY: return ix_accept_authority(ctx);
    case IX_WITHDRAW_FEES: return ix_withdraw_fees(ctx);
    case IX_REGISTER_WORKER: return ix_register_worker(ctx);
    case IX_UPDATE_WORKER_KEY: return ix_update_worker_key(ctx);
    case IX_CREATE_CAMPAIGN: return ix_create_campaign(ctx);
    case IX_ADD_TASK_PAGE: return ix_add_task_page(ctx);
    case IX_ACCEPT_TASK: return ix_accept_task(ctx);
    case IX_GRANT_KEY: return ix_grant_key(ctx);
    case IX_SUBMIT_RESULT: return ix_submit_result(ctx);
    case IX_REVIEW: return ix_review(ctx);
    case IX_RELEASE_EXPIRED: return ix_release_expired(ctx);
    case IX_END_CAMPAIGN: return ix_end_campaign(ctx);
    case IX_CLOSE_CAMPAIGN: return ix_close_campaign(ctx);
    case IX_CLOSE_SHARE: return ix_close_share(ctx);
    case IX_INIT_GOVERNANCE: return ix_init_governance(ctx);
    case IX_MINT_GENESIS: return ix_mint_genesis(ctx);
    case IX_GOVERNANCE_TAKE_AUTHORITY: return ix_governance_take_authority(ctx);
    case IX_STAKE: return ix_stake(ctx);
    case IX_REQUEST_UNSTAKE: return ix_request_unstake(ctx);
    case IX_WITHDRAW_STAKE: return ix_withdraw_stake(ctx);
    case IX_CLAIM_REWARDS: return ix_claim_rewards(ctx);
    case IX_PROPOSE: return ix_propose(ctx);
    case IX_VOTE: return ix_vote(ctx);
    case IX_EXECUTE_PROPOSAL: return ix_execute_proposal(ctx);
    case IX_REGISTER_MODEL: return ix_register_model(ctx);
    case IX_CLAIM_AMP: return ix_claim_amp(ctx);
    case IX_CLOSE_PROPOSAL: return ix_close_proposal(ctx);
    case IX_CLOSE_VOTE: return ix_close_vote(ctx);
    default: return ERR_INVALID_INSTRUCTION;
  }
}

/* The context (24 account records) is too big for the entry frame's 512-byte default; it lives
 * in this non-inlined frame instead. */
__attribute__((noinline)) static uint64_t run(const uint8_t *input) {
  Context ctx;
  uint64_t err = deserialize(input, &ctx);
  if (err) return err;
  return dispatch(&ctx);
}

uint64_t entrypoint(const uint8_t *input) { return run(input); }
