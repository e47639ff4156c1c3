/* Worker profiles: the X25519 key requesters wrap file keys to, plus rating state and counters. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

/* accounts: worker (signer, writable, pays rent), profile (writable), system program
 * data: x25519 public key [32] */
uint64_t ix_register_worker(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *worker = &ctx->accounts[0];
  SolAccountInfo *profile_info = &ctx->accounts[1];
  uint64_t err = require_system_program(&ctx->accounts[2]);
  if (err) return err;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  const uint8_t *x25519 = read_bytes(&r, 32);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;

  SolSignerSeed seeds[3] = {SEED("worker"), {worker->key->x, 32}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){worker, profile_info, seeds, 2, sizeof(WorkerProfile), 0, NULL}, &bump);
  if (err) return err;
  WorkerProfile *profile = AS(WorkerProfile, profile_info);
  SET_RECORD_HEAD(profile, DISC_WORKER, bump);
  copy_bytes(profile->worker.x, worker->key->x, 32);
  copy_bytes(profile->x25519, x25519, 32);
  profile->rating = RATING_PRIOR; /* the prior the first reviews start from; review_count 0 = unrated */
  profile->window_anchor = RATING_PRIOR;
  profile->registered_at = now_unix();
  Event e;
  event_begin(&e, EVENT_WORKER_REGISTERED);
  event_bytes(&e, worker->key->x, 32);
  event_emit(&e);
  return OK;
}

/* accounts: worker (signer), profile (writable); data: x25519 public key [32] */
uint64_t ix_update_worker_key(Context *ctx) {
  if (ctx->count < 2) return ERR_NOT_ENOUGH_ACCOUNTS;
  SolAccountInfo *worker = &ctx->accounts[0];
  uint64_t err = require_signer(worker);
  if (err) return err;
  err = require_writable(&ctx->accounts[1]);
  if (err) return err;
  Reader r = {ctx->data, ctx->data_len, 1, false};
  const uint8_t *x25519 = read_bytes(&r, 32);
  if (r.bad || r.at != r.len) return ERR_INVALID_INSTRUCTION;
  WorkerProfile *profile;
  err = load_worker(ctx, &ctx->accounts[1], &profile);
  if (err) return err;
  if (!pubkey_eq(&profile->worker, worker->key)) return ERR_UNAUTHORIZED;
  copy_bytes(profile->x25519, x25519, 32);
  return OK;
}
