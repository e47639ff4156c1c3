/* Closing proposals and vote records once nothing can use them: every lamport of rent goes back
 * to whoever paid it (the proposer, the voter) and the address is handed back to the System
 * Program. Anyone may close (rent can only go to its payer), so a payer is never stuck waiting on
 * someone else, and nobody can close early: a vote record lives until its proposal's voting period
 * is over (the record is what stops a second vote), a proposal until it executed, failed, or
 * passed and was not executed within one voting period after its timelock (then it expired). */
#include "amplify.h"

/* Once this is past a passed proposal can no longer execute. */
int64_t proposal_expires_at(const Proposal *p) { return p->executable_at + (p->voting_ends_at - p->created_at); }

bool proposal_passed(const Proposal *p) {
  bool overflow = false;
  uint64_t turnout = checked_add(p->for_votes, p->against_votes, &overflow);
  return !overflow && p->for_votes > p->against_votes && turnout >= p->quorum;
}

/* accounts: proposal (writable), proposer (writable: receives the rent; must be the proposal's proposer)
 * data: none */
uint64_t ix_close_proposal(Context *ctx) {
  if (ctx->count < 2) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *proposal_info = &ctx->accounts[0];
  SolAccountInfo *proposer = &ctx->accounts[1];
  Proposal *p;
  uint64_t err = load_proposal(ctx, proposal_info, &p);
  if (err) return err;
  if (!pubkey_eq(&p->proposer, proposer->key)) return ERR_UNAUTHORIZED;
  if (!p->executed) {
    int64_t now = now_unix();
    if (now < p->voting_ends_at) return ERR_VOTING_OPEN;
    if (now < p->executable_at) return ERR_TIMELOCK;
    /* A passed proposal stays open for anyone to execute until it expires. */
    if (proposal_passed(p) && now < proposal_expires_at(p)) return ERR_WRONG_STATE;
  }
  uint64_t rent = *proposal_info->lamports;
  Event e;
  event_begin(&e, EVENT_PROPOSAL_CLOSED);
  event_u64(&e, p->id);
  event_u8(&e, p->executed);
  event_bytes(&e, proposer->key->x, 32);
  event_u64(&e, rent);
  err = close_account(proposal_info, proposer);
  if (err) return err;
  event_emit(&e);
  return OK;
}

/* accounts: vote record (writable), its proposal (open, or already closed), voter (writable: receives the
 *           rent; must be the record's voter)
 * data: none */
uint64_t ix_close_vote(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *record_info = &ctx->accounts[0];
  SolAccountInfo *proposal_info = &ctx->accounts[1];
  SolAccountInfo *voter = &ctx->accounts[2];
  /* Only vote() writes this discriminator, into the PDA it creates: no re-derivation needed. */
  uint64_t err = require_program_account(ctx, record_info, DISC_VOTE, sizeof(VoteRecord));
  if (err) return err;
  VoteRecord *v = AS(VoteRecord, record_info);
  if (!pubkey_eq(&v->voter, voter->key)) return ERR_UNAUTHORIZED;
  if (!pubkey_eq(&v->proposal, proposal_info->key)) return ERR_WRONG_PDA;
  /* A closed proposal's address is empty again and, ids never repeating, stays so. */
  bool proposal_closed = !pubkey_eq(proposal_info->owner, ctx->program_id) && proposal_info->data_len == 0;
  uint64_t proposal_id = 0;
  if (!proposal_closed) {
    Proposal *p;
    err = load_proposal(ctx, proposal_info, &p);
    if (err) return err;
    if (now_unix() < p->voting_ends_at) return ERR_VOTING_OPEN;
    proposal_id = p->id;
  }
  uint64_t rent = *record_info->lamports;
  Event e;
  event_begin(&e, EVENT_VOTE_CLOSED);
  event_bytes(&e, proposal_info->key->x, 32);
  event_u64(&e, proposal_id);
  event_bytes(&e, voter->key->x, 32);
  event_u64(&e, rent);
  err = close_account(record_info, voter);
  if (err) return err;
  event_emit(&e);
  return OK;
}
