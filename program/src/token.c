/* SPL Token CPIs: the AMP mint, the stake vault, mint_to and transfers. Layouts are the SPL
 * Token program's (Mint 82 bytes, Account 165 bytes: mint [0..32], owner [32..64], amount
 * [64..72], state at 108); instruction tags InitializeMint2 20, InitializeAccount3 18, MintTo 7,
 * Transfer 3. */
#include "amplify.h"

/* TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA */
const SolPubkey TOKEN_PROGRAM_ID = {{0x06, 0xdd, 0xf6, 0xe1, 0xd7, 0x65, 0xa1, 0x93, 0xd9, 0xcb, 0xe1, 0x46, 0xce, 0xeb, 0x79, 0xac,
                                     0x1c, 0xb4, 0x85, 0xed, 0x5f, 0x5b, 0x37, 0x91, 0x3a, 0x8c, 0xf5, 0x85, 0x7e, 0xff, 0x00, 0xa9}};

#define TOKEN_IX_TRANSFER 3
#define TOKEN_IX_MINT_TO 7
#define TOKEN_IX_INITIALIZE_ACCOUNT3 18
#define TOKEN_IX_INITIALIZE_MINT2 20
#define TOKEN_ACCOUNT_STATE_AT 108
#define TOKEN_ACCOUNT_INITIALIZED 1

uint64_t require_token_program(const SolAccountInfo *a) {
  return pubkey_eq(a->key, &TOKEN_PROGRAM_ID) ? OK : ERR_WRONG_OWNER;
}

bool is_token_account_of(const SolAccountInfo *a, const SolPubkey *mint, const SolPubkey *owner) {
  if (!pubkey_eq(a->owner, &TOKEN_PROGRAM_ID) || a->data_len != TOKEN_ACCOUNT_SIZE) return false;
  if (a->data[TOKEN_ACCOUNT_STATE_AT] != TOKEN_ACCOUNT_INITIALIZED) return false;
  /* Token account data is 8-byte aligned in the input, so the words compare in place. */
  return pubkey_eq((const SolPubkey *)a->data, mint) && pubkey_eq((const SolPubkey *)(a->data + 32), owner);
}

static void put_u64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

typedef struct {
  SolAccountMeta *metas;
  int count;
  uint8_t *data;
  uint64_t data_len;
  const SolAccountInfo *infos;
  const Governance *signer; /* NULL: no PDA signature; else the governance PDA signs */
} TokenCall;

static uint64_t invoke_token(const TokenCall *call) {
  SolPubkey program = TOKEN_PROGRAM_ID;
  SolInstruction ix = {&program, call->metas, (uint64_t)call->count, call->data, call->data_len};
  if (call->signer == NULL) return sol_invoke_signed_c(&ix, call->infos, call->count, NULL, 0);
  uint8_t bump = call->signer->bump;
  SolSignerSeed seeds[2] = {{(const uint8_t *)"governance", 10}, {&bump, 1}};
  SolSignerSeeds signer = {seeds, 2};
  return sol_invoke_signed_c(&ix, call->infos, call->count, &signer, 1);
}

uint64_t token_initialize_mint(SolAccountInfo *mint, const SolPubkey *authority) {
  uint8_t data[35];
  data[0] = TOKEN_IX_INITIALIZE_MINT2;
  data[1] = AMP_DECIMALS;
  copy_bytes(data + 2, authority->x, 32);
  data[34] = 0; /* no freeze authority: nobody can freeze a holder's AMP */
  SolAccountMeta metas[1] = {{mint->key, true, false}};
  SolAccountInfo infos[1] = {*mint};
  return invoke_token(&(TokenCall){metas, 1, data, sizeof(data), infos, NULL});
}

uint64_t token_initialize_account(SolAccountInfo *account, SolAccountInfo *mint, const SolPubkey *owner) {
  uint8_t data[33];
  data[0] = TOKEN_IX_INITIALIZE_ACCOUNT3;
  copy_bytes(data + 1, owner->x, 32);
  SolAccountMeta metas[2] = {{account->key, true, false}, {mint->key, false, false}};
  SolAccountInfo infos[2] = {*account, *mint};
  return invoke_token(&(TokenCall){metas, 2, data, sizeof(data), infos, NULL});
}

uint64_t token_mint_to(SolAccountInfo *mint, SolAccountInfo *to, SolAccountInfo *authority, const Governance *g, uint64_t amount) {
  if (amount == 0) return OK;
  uint8_t data[9];
  data[0] = TOKEN_IX_MINT_TO;
  put_u64(data + 1, amount);
  SolAccountMeta metas[3] = {{mint->key, true, false}, {to->key, true, false}, {authority->key, false, true}};
  SolAccountInfo infos[3] = {*mint, *to, *authority};
  return invoke_token(&(TokenCall){metas, 3, data, sizeof(data), infos, g});
}

uint64_t token_transfer(SolAccountInfo *from, SolAccountInfo *to, SolAccountInfo *authority, const Governance *g, uint64_t amount) {
  if (amount == 0) return OK;
  uint8_t data[9];
  data[0] = TOKEN_IX_TRANSFER;
  put_u64(data + 1, amount);
  SolAccountMeta metas[3] = {{from->key, true, false}, {to->key, true, false}, {authority->key, false, true}};
  SolAccountInfo infos[3] = {*from, *to, *authority};
  return invoke_token(&(TokenCall){metas, 3, data, sizeof(data), infos, g});
}
