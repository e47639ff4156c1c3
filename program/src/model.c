/* The model registry: a first-guess model's manifest hash and its author. The record lives at
 * ["model", sha256(author || manifest_sha256)], derived from the signer's own key, so only the
 * author's signature can create the record that names it. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

/* accounts: author (signer, writable, pays rent), model record (writable), system program
 * data: manifest_sha256 [32] */
uint64_t ix_register_model(Context *ctx) {
  if (ctx->count < 3) return ERR_NOT_ENOUGH_ACCOUNTS;
  if (ctx->data_len != 1 + 32) return ERR_INVALID_INSTRUCTION;
  SolAccountInfo *author = &ctx->accounts[0];
  SolAccountInfo *record_info = &ctx->accounts[1];
  uint64_t err = require_system_program(&ctx->accounts[2]);
  if (err) return err;
  err = require_signer(author);
  if (err) return err;
  const uint8_t *manifest = ctx->data + 1;
  uint8_t model_id[32];
  SolSignerSeed parts[2] = {{author->key->x, 32}, {manifest, 32}};
  sol_sha256(parts, 2, model_id);
  SolSignerSeed seeds[3] = {SEED("model"), {model_id, 32}};
  uint8_t bump;
  err = create_pda(ctx, &(PdaSpec){author, record_info, seeds, 2, sizeof(ModelRecord), 0, NULL}, &bump);
  if (err) return err;
  ModelRecord *m = AS(ModelRecord, record_info);
  SET_RECORD_HEAD(m, DISC_MODEL, bump);
  copy_bytes(m->model_id, model_id, 32);
  copy_bytes(m->author.x, author->key->x, 32);
  copy_bytes(m->manifest_sha256, manifest, 32);
  m->registered_at = now_unix();
  Event e;
  event_begin(&e, EVENT_MODEL_REGISTERED);
  event_bytes(&e, model_id, 32);
  event_bytes(&e, author->key->x, 32);
  event_bytes(&e, manifest, 32);
  event_emit(&e);
  return OK;
}
