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

uint64_t load_fee_vault(const Context *ctx, const SolAccountInfo *a) {
  uint64_t err = require_program_account(ctx, a, DISC_FEE_VAULT, sizeof(FeeVault));
  if (err) return err;
  SolSignerSeed seeds[1] = {SEED("fee_vault")};
  return verify_pda(ctx, a, seeds, 1, AS(FeeVault, a)->bump);
}

/* A page's size is its header plus one counter per task it holds. */
uint64_t load_task_page(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, TaskPage **out) {
  if (!pubkey_eq(a->owner, ctx->program_id)) return ERR_WRONG_OWNER;
  if (a->data_len < sizeof(TaskPage)) return ERR_WRONG_ACCOUNT_TYPE;
  TaskPage *page = AS(TaskPage, a);
  if (page->count > PAGE_TASKS) return ERR_WRONG_ACCOUNT_TYPE;
  uint64_t err = require_program_account(ctx, a, DISC_TASK_PAGE, sizeof(TaskPage) + page->count);
  if (err) return err;
  if (!pubkey_eq(&page->campaign, campaign_info->key)) return ERR_WRONG_CAMPAIGN;
  SolSignerSeed seeds[3] = {SEED("tasks"), {campaign_info->key->x, 32}, {(const uint8_t *)&page->page, 2}};
  err = verify_pda(ctx, a, seeds, 3, page->bump);
  if (err) return err;
  *out = page;
  return OK;
}

uint64_t load_share(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Share **out) {
  uint64_t err = require_program_account(ctx, a, DISC_SHARE, sizeof(Share));
  if (err) return err;
  Share *share = AS(Share, a);
  if (!pubkey_eq(&share->campaign, campaign_info->key)) return ERR_WRONG_CAMPAIGN;
  SolSignerSeed seeds[3] = {SEED("share"), {campaign_info->key->x, 32}, {share->worker.x, 32}};
  err = verify_pda(ctx, a, seeds, 3, share->bump);
  if (err) return err;
  *out = share;
  return OK;
}

uint64_t load_assignment(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Assignment **out) {
  uint64_t err = require_program_account(ctx, a, DISC_ASSIGNMENT, sizeof(Assignment));
  if (err) return err;
  Assignment *assignment = AS(Assignment, a);
  if (!pubkey_eq(&assignment->campaign, campaign_info->key)) return ERR_WRONG_CAMPAIGN;
  SolSignerSeed seeds[4] = {SEED("assignment"), {campaign_info->key->x, 32}, {(const uint8_t *)&assignment->task_index, 4},
                            {assignment->worker.x, 32}};
  err = verify_pda(ctx, a, seeds, 4, assignment->bump);
  if (err) return err;
  *out = assignment;
  return OK;
}

/* No PDA re-derivation here (it would add ~1,500 CU to every submit and review): the program
 * writes DISC_GOVERNANCE only in init_governance, which creates the one account at ["governance"]
 * with the canonical bump, so a program-owned account of this type and size is that account. */
uint64_t load_governance(const Context *ctx, const SolAccountInfo *a, Governance **out) {
  uint64_t err = require_program_account(ctx, a, DISC_GOVERNANCE, sizeof(Governance));
  if (err) return err;
  *out = AS(Governance, a);
  return OK;
}

uint64_t load_stake(const Context *ctx, const SolAccountInfo *a, Stake **out) {
  uint64_t err = require_program_account(ctx, a, DISC_STAKE, sizeof(Stake));
  if (err) return err;
  Stake *stake = AS(Stake, a);
  SolSignerSeed seeds[2] = {SEED("stake"), {stake->owner.x, 32}};
  err = verify_pda(ctx, a, seeds, 2, stake->bump);
  if (err) return err;
  *out = stake;
  return OK;
}

uint64_t load_proposal(const Context *ctx, const SolAccountInfo *a, Proposal **out) {
  uint64_t err = require_program_account(ctx, a, DISC_PROPOSAL, sizeof(Proposal));
  if (err) return err;
  Proposal *p = AS(Proposal, a);
  SolSignerSeed seeds[2] = {SEED("proposal"), {(const uint8_t *)&p->id, 8}};
  err = verify_pda(ctx, a, seeds, 2, p->bump);
  if (err) return err;
  *out = p;
  return OK;
}

uint64_t load_model(const Context *ctx, const SolAccountInfo *a, ModelRecord **out) {
  uint64_t err = require_program_account(ctx, a, DISC_MODEL, sizeof(ModelRecord));
  if (err) return err;
  ModelRecord *m = AS(ModelRecord, a);
  SolSignerSeed seeds[2] = {SEED("model"), {m->model_id, 32}};
  err = verify_pda(ctx, a, seeds, 2, m->bump);
  if (err) return err;
  *out = m;
  return OK;
}
