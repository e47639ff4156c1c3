/* Loaders: each checks owner, size, discriminator and version, then re-derives the PDA from the
 * stored bump and the seeds the account must have (sol_create_program_address, ~1,500 CU, never
 * a bump search). A forged or foreign account fails here, before any handler reads it. */
#include "amplify.h"

#define SEED(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

uint64_t load_config(const Context *ctx, const SolAccountInfo *a, Config **out) {
  uint64_t err = require_program_account(ctx, a, DISC_CONFIG, sizeof(Config));
  if (err) return err;
  Config *config = AS(Config, a);
  SolSignerSeed seeds[1] = {SEED("config")};
  err = verify_pda(ctx, a, seeds, 1, config->bump);
  if (err) return err;
  *out = config;
  return OK;
}

uint64_t load_worker(const Context *ctx, const SolAccountInfo *a, WorkerProfile **out) {
  uint64_t err = require_program_account(ctx, a, DISC_WORKER, sizeof(WorkerProfile));
  if (err) return err;
  WorkerProfile *profile = AS(WorkerProfile, a);
  SolSignerSeed seeds[2] = {SEED("worker"), {profile->worker.x, 32}};
  err = verify_pda(ctx, a, seeds, 2, profile->bump);
  if (err) return err;
  *out = profile;
  return OK;
}

uint64_t load_campaign(const Context *ctx, const SolAccountInfo *a, Campaign **out) {
  uint64_t err = require_program_account(ctx, a, DISC_CAMPAIGN, sizeof(Campaign));
  if (err) return err;
  Campaign *campaign = AS(Campaign, a);
  SolSignerSeed seeds[3] = {SEED("campaign"), {campaign->requester.x, 32}, {(const uint8_t *)&campaign->id, 8}};
  err = verify_pda(ctx, a, seeds, 3, campaign->bump);
  if (err) return err;
  *out = campaign;
  return OK;
}

uint64_t load_escrow(const Context *ctx, const SolAccountInfo *a, const Campaign *campaign, const SolAccountInfo *campaign_info) {
  uint64_t err = require_program_account(ctx, a, DISC_ESCROW, sizeof(Escrow));
  if (err) return err;
  if (!pubkey_eq(&AS(Escrow, a)->campaign, campaign_info->key)) return ERR_WRONG_CAMPAIGN;
  SolSignerSeed seeds[2] = {SEED("escrow"), {campaign_info->key->x, 32}};
  return verify_pda(ctx, a, seeds, 2, campaign->escrow_bump);
}

uint64_t load_task(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Task **out) {
  uint64_t err = require_program_account(ctx, a, DISC_TASK, sizeof(Task));
  if (err) return err;
  Task *task = AS(Task, a);
  if (!pubkey_eq(&task->campaign, campaign_info->key)) return ERR_WRONG_CAMPAIGN;
  SolSignerSeed seeds[3] = {SEED("task"), {campaign_info->key->x, 32}, {(const uint8_t *)&task->index, 4}};
  err = verify_pda(ctx, a, seeds, 3, task->bump);
  if (err) return err;
  *out = task;
  return OK;
}

uint64_t load_assignment(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Assignment **out) {
  uint64_t err = require_program_account(ctx, a, DISC_ASSIGNMENT, sizeof(Assignment));
  if (err) return err;
  Assignment *assignment = AS(Assignment, a);
  if (!pubkey_eq(&assignment->campaign, campaign_info->key)) return ERR_WRONG_CAMPAIGN;
  SolSignerSeed seeds[3] = {SEED("assignment"), {assignment->task.x, 32}, {assignment->worker.x, 32}};
  err = verify_pda(ctx, a, seeds, 3, assignment->bump);
  if (err) return err;
  *out = assignment;
  return OK;
}
