/* Proposals, votes and execution. Weight is the stake as it stood before the proposal's
 * snapshot slot: a stake whose amount changed at or after that slot does not vote on it, a vote
 * record per (proposal, voter) makes a second vote fail, and a stake that voted cannot start
 * unstaking until that vote's period is over, so the same AMP cannot vote again elsewhere. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

/* Bounds every kind's parameters, at proposal and again at execution. */
static uint64_t check_parameters(const Context *ctx, uint8_t kind, uint64_t a, uint64_t b, const SolPubkey *target) {
  switch (kind) {
    case PROPOSAL_SET_FEE: return a > FEE_BPS_MAX ? ERR_FEE_TOO_HIGH : OK;
    case PROPOSAL_SET_REWARDS: {
      uint64_t staker = b & 0xFFFF, author = (b >> 16) & 0xFFFF;
      if (a > AMP_RATE_MAX || staker > STAKER_BPS_MAX || author > AUTHOR_BPS_MAX || (b >> 32) != 0) return ERR_INVALID_PARAMETER;
      return OK;
    }
    case PROPOSAL_SET_PAUSED: return a > 1 ? ERR_INVALID_PARAMETER : OK;
    case PROPOSAL_TREASURY_SPEND:
    case PROPOSAL_SET_AUTHORITY:
    case PROPOSAL_SET_UPGRADE_AUTHORITY:
      if (kind == PROPOSAL_TREASURY_SPEND && a == 0) return ERR_INVALID_PARAMETER;
      /* A zero upgrade authority would make the program immutable: only the explicit kind below does that. */
      return is_zero_pubkey(target) || pubkey_eq(target, ctx->program_id) ? ERR_UNUSABLE_ADDRESS : OK;
    case PROPOSAL_MAKE_IMMUTABLE: return a != 0 || b != 0 || !is_zero_pubkey(target) ? ERR_INVALID_PARAMETER : OK;
    default: return ERR_INVALID_PARAMETER;
  }
}

/* accounts: proposer (signer, writable, pays the proposal's rent), governance (writable), proposer's stake,
 *           proposal (writable, ["proposal", governance.proposal_count]), system program
 * data: kind u8, value_a u64, value_b u64, target [32] */
uint64_t ix_propose(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 1 + 8 + 8 + 32) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *proposer = &ctx->accounts[0];
  SolAccountInfo *gov_info = &ctx->accounts[1];
  SolAccountInfo *proposal_info = &ctx->accounts[3];
  uint64_t err = require_system_program(&ctx->accounts[4]);
  if (err) return err;
  err = require_signer(proposer);
  if (err) return err;
  err = require_writable(gov_info);
  if (err) return err;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  uint8_t kind = read_u8(&r);
  uint64_t a = read_u64(&r);
  uint64_t b = read_u64(&r);
  SolPubkey target;
  copy_bytes(target.x, read_bytes(&r, 32), 32);
  err = check_parameters(ctx, kind, a, b, &target);
  if (err) return err;
  Governance *g;
  err = load_governance(ctx, gov_info, &g);
  if (err) return err;
  Stake *stake;
  err = load_stake(ctx, &ctx->accounts[2], &stake);
  if (err) return err;
  if (!pubkey_eq(&stake->owner, proposer->key)) return ERR_UNAUTHORIZED;
  if (stake->amount == 0 || stake->amount < g->proposal_threshold) return ERR_BELOW_THRESHOLD;

  uint64_t id = g->proposal_count;
  SolSignerSeed seeds[3] = {SEED("proposal"), {(const uint8_t *)&id, 8}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){proposer, proposal_info, seeds, 2, sizeof(Proposal), 0, NULL}, &bump);
  if (err) return err;
  int64_t now = now_unix();
  Proposal *p = AS(Proposal, proposal_info);
  SET_RECORD_HEAD(p, DISC_PROPOSAL, bump);
  p->kind = kind;
  copy_bytes(p->proposer.x, proposer->key->x, 32);
  copy_bytes(p->target.x, target.x, 32);
  p->id = id;
  p->value_a = a;
  p->value_b = b;
  p->snapshot_slot = now_slot();
  p->created_at = now;
  p->voting_ends_at = now + g->voting_period; /* periods bounded at init_governance */
  p->executable_at = p->voting_ends_at + g->timelock;
  p->total_staked = g->total_staked;
  bool overflow = false;
  p->quorum = checked_mul(g->total_staked, g->quorum_bps, &overflow) / BPS_DENOMINATOR;
  if (overflow) return ERR_OVERFLOW;
  g->proposal_count = id + 1;

  Event e;
  event_begin(&e, EVENT_PROPOSAL_CREATED);
  event_u64(&e, id);
  event_bytes(&e, proposer->key->x, 32);
  event_u8(&e, kind);
  event_u64(&e, a);
  event_u64(&e, b);
  event_bytes(&e, target.x, 32);
  event_u64(&e, (uint64_t)p->voting_ends_at);
  event_u64(&e, (uint64_t)p->executable_at);
  event_emit(&e);
  return OK;
}

/* accounts: voter (signer, writable, pays the vote record's rent), proposal (writable), voter's stake
 *           (writable), vote record (writable, ["vote", proposal, voter]), system program
 * data: support u8 (1 for, 0 against) */
uint64_t ix_vote(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 1) return ERR_INVALID_INSTRUCTION;
  uint8_t support = ctx->data[1];
  if (support > 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *voter = &ctx->accounts[0];
  SolAccountInfo *proposal_info = &ctx->accounts[1];
  SolAccountInfo *stake_info = &ctx->accounts[2];
  SolAccountInfo *record_info = &ctx->accounts[3];
  uint64_t err = require_system_program(&ctx->accounts[4]);
  if (err) return err;
  err = require_signer(voter);
  if (err) return err;
  if (!proposal_info->is_writable || !stake_info->is_writable) return ERR_NOT_WRITABLE;
  Proposal *p;
  err = load_proposal(ctx, proposal_info, &p);
  if (err) return err;
  Stake *stake;
  err = load_stake(ctx, stake_info, &stake);
  if (err) return err;
  if (!pubkey_eq(&stake->owner, voter->key)) return ERR_UNAUTHORIZED;
  int64_t now = now_unix();
  if (now >= p->voting_ends_at) return ERR_VOTING_CLOSED;
  if (stake->changed_slot >= p->snapshot_slot) return ERR_STAKE_AFTER_SNAPSHOT;
  if (stake->amount == 0) return ERR_BELOW_THRESHOLD;
  uint64_t weight = stake->amount;
  bool overflow = false;
  uint64_t tally = checked_add(support ? p->for_votes : p->against_votes, weight, &overflow);
  if (overflow) return ERR_OVERFLOW;

  SolSignerSeed seeds[4] = {SEED("vote"), {proposal_info->key->x, 32}, {voter->key->x, 32}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){voter, record_info, seeds, 3, sizeof(VoteRecord), 0, NULL}, &bump);
  if (err) return err;
  VoteRecord *v = AS(VoteRecord, record_info);
  SET_RECORD_HEAD(v, DISC_VOTE, bump);
  v->support = support;
  copy_bytes(v->proposal.x, proposal_info->key->x, 32);
  copy_bytes(v->voter.x, voter->key->x, 32);
  v->weight = weight;
  v->cast_at = now;
  if (support) {
    p->for_votes = tally;
  } else {
    p->against_votes = tally;
  }
  if (stake->locked_until < p->voting_ends_at) stake->locked_until = p->voting_ends_at;

  Event e;
  event_begin(&e, EVENT_VOTE_CAST);
  event_u64(&e, p->id);
  event_bytes(&e, voter->key->x, 32);
  event_u8(&e, support);
  event_u64(&e, weight);
  event_u64(&e, p->for_votes);
  event_u64(&e, p->against_votes);
  event_emit(&e);
  return OK;
}

static bool is_upgrade_kind(uint8_t kind) { return kind == PROPOSAL_SET_UPGRADE_AUTHORITY || kind == PROPOSAL_MAKE_IMMUTABLE; }

/* accounts: proposal (writable), governance (writable), config (writable), fee vault (writable),
 *           target (writable: the treasury spend's recipient, the new upgrade authority; any account for
 *           other kinds), and for the upgrade kinds: this program's ProgramData (writable), the upgradeable loader
 * data: none. Anyone may execute a passed proposal once its timelock is over, exactly once. */
uint64_t ix_execute_proposal(Context *ctx) {
  if (ctx->count < 5) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *proposal_info = &ctx->accounts[0];
  SolAccountInfo *gov_info = &ctx->accounts[1];
  SolAccountInfo *config_info = &ctx->accounts[2];
  SolAccountInfo *vault_info = &ctx->accounts[3];
  SolAccountInfo *target = &ctx->accounts[4];
  for (int i = 0; i < 3; i++) {
    if (!ctx->accounts[i].is_writable) return ERR_NOT_WRITABLE;
  }
  Proposal *p;
  uint64_t err = load_proposal(ctx, proposal_info, &p);
  if (err) return err;
  Governance *g;
  err = load_governance(ctx, gov_info, &g);
  if (err) return err;
  Config *config;
  err = load_config(ctx, config_info, &config);
  if (err) return err;
  if (p->executed) return ERR_ALREADY_EXECUTED;
  int64_t now = now_unix();
  if (now < p->voting_ends_at) return ERR_VOTING_OPEN;
  if (now < p->executable_at) return ERR_TIMELOCK;
  if (!proposal_passed(p)) return ERR_PROPOSAL_FAILED;
  /* Stale decisions do not execute at a surprising time; close_proposal returns the rent instead. */
  if (now >= proposal_expires_at(p)) return ERR_PROPOSAL_EXPIRED;
  bool overflow = false;
  err = check_parameters(ctx, p->kind, p->value_a, p->value_b, &p->target);
  if (err) return err;
  /* Config edits need the governance account to be the config authority (update_config proposed it,
   * governance_take_authority completed the handover). */
  bool config_kind = p->kind != PROPOSAL_SET_REWARDS && !is_upgrade_kind(p->kind);
  if (config_kind && !pubkey_eq(&config->authority, gov_info->key)) return ERR_NOT_GOVERNED;
  switch (p->kind) {
    case PROPOSAL_SET_FEE: config->fee_bps = (uint16_t)p->value_a; break;
    case PROPOSAL_SET_PAUSED: config->paused = (uint8_t)p->value_a; break;
    case PROPOSAL_SET_AUTHORITY: copy_bytes(config->pending_authority.x, p->target.x, 32); break;
    case PROPOSAL_SET_REWARDS:
      g->amp_rate = p->value_a;
      g->staker_bps = (uint16_t)(p->value_b & 0xFFFF);
      g->author_bps = (uint16_t)((p->value_b >> 16) & 0xFFFF);
      break;
    case PROPOSAL_TREASURY_SPEND: {
      if (!pubkey_eq(target->key, &p->target)) return ERR_WRONG_TREASURY;
      if (!target->is_writable || !vault_info->is_writable) return ERR_NOT_WRITABLE;
      err = load_fee_vault(ctx, vault_info);
      if (err) return err;
      /* Only what is not owed to stakers: the vault keeps its rent and distributed - claimed. */
      uint64_t keep = checked_add(rent_minimum(sizeof(FeeVault), &overflow), rewards_reserved(g, &overflow), &overflow);
      uint64_t available = checked_sub(*vault_info->lamports, keep, &overflow);
      if (overflow || p->value_a > available) return ERR_INSUFFICIENT_ESCROW;
      err = move_lamports(vault_info, target, p->value_a);
      if (err) return err;
      break;
    }
    case PROPOSAL_SET_UPGRADE_AUTHORITY:
    case PROPOSAL_MAKE_IMMUTABLE: {
      /* The upgrade authority is the loader's, not the config's: it needs the governance account to be
       * the one ProgramData records (the deployer handed it over), whoever holds the config. */
      if (ctx->count < 7) return ERR_NOT_ENOUGH_ACCOUNTS;
      bool immutable = p->kind == PROPOSAL_MAKE_IMMUTABLE;
      if (!immutable && !pubkey_eq(target->key, &p->target)) return ERR_WRONG_TARGET;
      err = governance_set_upgrade_authority(
          ctx, &(UpgradeHandover){&ctx->accounts[5], gov_info, g, immutable ? NULL : target, &ctx->accounts[6]});
      if (err) return err;
      break;
    }
    default: return ERR_INVALID_PARAMETER;
  }
  p->executed = 1;
  Event e;
  event_begin(&e, EVENT_PROPOSAL_EXECUTED);
  event_u64(&e, p->id);
  event_u8(&e, p->kind);
  event_u64(&e, p->value_a);
  event_u64(&e, p->for_votes);
  event_u64(&e, p->against_votes);
  event_emit(&e);
  if (config_kind && p->kind != PROPOSAL_TREASURY_SPEND) emit_config_event(config);
  return OK;
}
