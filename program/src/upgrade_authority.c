/* Who may bootstrap the protocol: the program's upgrade authority, as its ProgramData account
 * (BPF upgradeable loader) records it. Without this check whoever sends init_config first after a
 * deploy would own the authority, the treasury, the fee and the pause switch. */
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

uint64_t sol_try_find_program_address(const SolSignerSeed *seeds, int seeds_len, const SolPubkey *program_id,
                                      SolPubkey *address, uint8_t *bump);

uint64_t require_upgrade_authority(const Context *ctx, const SolAccountInfo *signer, const SolAccountInfo *program_data) {
  uint64_t err = require_signer(signer);
  if (err) return err;
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
  /* None: the program was made immutable, so nobody may bootstrap it. */
  if (data[PROGRAMDATA_OPTION_AT] != 1) return ERR_UNAUTHORIZED;
  SolPubkey authority; /* copied out: the key sits at an unaligned offset, pubkey_eq compares words */
  copy_bytes(authority.x, data + PROGRAMDATA_AUTHORITY_AT, 32);
  return pubkey_eq(signer->key, &authority) ? OK : ERR_UNAUTHORIZED;
}
