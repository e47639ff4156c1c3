/* The program's upgrade authority, as its ProgramData account (BPF upgradeable loader) records it.
 * init_config's gate: only that authority may bootstrap the protocol (without this check whoever
 * sends init_config first after a deploy would own the authority, the treasury, the fee and the
 * pause switch). And governance's hand on it: once the deployer made the governance account the
 * upgrade authority, a passed proposal hands it on (or makes the program immutable) through the
 * loader's SetAuthority, signed by the governance PDA. */
#include "amplify.h"

/* BPFLoaderUpgradeab1e11111111111111111111111 */
static const SolPubkey UPGRADEABLE_LOADER_ID = {{0x02, 0xa8, 0xf6, 0x91, 0x4e, 0x88, 0xa1, 0xb0, 0xe2, 0x10, 0x15, 0x3e, 0xf7,
                                                 0x63, 0xae, 0x2b, 0x00, 0xc2, 0xb9, 0x3d, 0x16, 0xc1, 0x24, 0xd2, 0xc0, 0x53,
                                                 0x7a, 0x10, 0x04, 0x80, 0x00, 0x00}};

/* UpgradeableLoaderState::ProgramData { slot: u64, upgrade_authority_address: Option<Pubkey> }
 * in bincode: u32 tag 3, u64 slot, u8 option tag, 32-byte key. */
#define PROGRAMDATA_TAG 3
#define PROGRAMDATA_OPTION_AT 12
#define PROGRAMDATA_AUTHORITY_AT 13
#define PROGRAMDATA_METADATA_SIZE 45
/* UpgradeableLoaderInstruction::SetAuthority, bincode u32: [programdata (w), current authority (s),
 * new authority (optional; absent = None, the program becomes immutable)]. */
#define LOADER_IX_SET_AUTHORITY 4

uint64_t sol_try_find_program_address(const SolSignerSeed *seeds, int seeds_len, const SolPubkey *program_id,
                                      SolPubkey *address, uint8_t *bump);

/* `program_data` is this program's ProgramData (owner, address, state); *authority gets its upgrade
 * authority and the result says whether there is one (false: the program is immutable). */
static uint64_t read_program_data(const Context *ctx, const SolAccountInfo *program_data, SolPubkey *authority,
                                  bool *has_authority) {
  if (!pubkey_eq(program_data->owner, &UPGRADEABLE_LOADER_ID)) return ERR_WRONG_OWNER;
  SolSignerSeed seeds[1] = {{ctx->program_id->x, 32}};
  SolPubkey expected;
  uint8_t bump;
  if (sol_try_find_program_address(seeds, 1, &UPGRADEABLE_LOADER_ID, &expected, &bump) != 0) return ERR_WRONG_PDA;
  if (!pubkey_eq(program_data->key, &expected)) return ERR_WRONG_PDA;
  const uint8_t *data = program_data->data;
  if (program_data->data_len < PROGRAMDATA_METADATA_SIZE || data[0] != PROGRAMDATA_TAG || data[1] != 0 || data[2] != 0 ||
      data[3] != 0) {
    return ERR_WRONG_ACCOUNT_TYPE;
  }
  *has_authority = data[PROGRAMDATA_OPTION_AT] == 1;
  /* copied out: the key sits at an unaligned offset, pubkey_eq compares words */
  copy_bytes(authority->x, data + PROGRAMDATA_AUTHORITY_AT, 32);
  return OK;
}

uint64_t require_upgrade_authority(const Context *ctx, const SolAccountInfo *signer, const SolAccountInfo *program_data) {
  uint64_t err = require_signer(signer);
  if (err) return err;
  SolPubkey authority;
  bool has_authority = false;
  err = read_program_data(ctx, program_data, &authority, &has_authority);
  if (err) return err;
  /* None: the program was made immutable, so nobody may bootstrap it. */
  if (!has_authority) return ERR_UNAUTHORIZED;
  return pubkey_eq(signer->key, &authority) ? OK : ERR_UNAUTHORIZED;
}

uint64_t governance_set_upgrade_authority(const Context *ctx, const UpgradeHandover *h) {
  if (!pubkey_eq(h->loader->key, &UPGRADEABLE_LOADER_ID)) return ERR_WRONG_LOADER;
  if (!h->program_data->is_writable) return ERR_NOT_WRITABLE;
  SolPubkey authority;
  bool has_authority = false;
  uint64_t err = read_program_data(ctx, h->program_data, &authority, &has_authority);
  if (err) return err;
  /* Checked here, in the program's words: the loader would only say "Incorrect upgrade authority". */
  if (!has_authority || !pubkey_eq(&authority, h->governance->key)) return ERR_NOT_UPGRADE_AUTHORITY;

  uint8_t data[4] = {LOADER_IX_SET_AUTHORITY, 0, 0, 0};
  SolAccountMeta metas[3] = {
      {h->program_data->key, true, false}, {h->governance->key, false, true}, {NULL, false, false}};
  SolAccountInfo infos[3] = {*h->program_data, *h->governance, {0}};
  int count = 2;
  if (h->new_authority != NULL) {
    metas[2].pubkey = h->new_authority->key;
    infos[2] = *h->new_authority;
    count = 3;
  }
  SolPubkey loader = UPGRADEABLE_LOADER_ID;
  SolInstruction ix = {&loader, metas, (uint64_t)count, data, sizeof(data)};
  uint8_t bump = h->g->bump;
  SolSignerSeed seeds[2] = {{(const uint8_t *)"governance", 10}, {&bump, 1}};
  SolSignerSeeds signer = {seeds, 2};
  return sol_invoke_signed_c(&ix, infos, count, &signer, 1);
}
