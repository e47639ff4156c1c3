/* Shared helpers: checked arithmetic, account checks, PDAs, rent and System Program CPIs. */
#include "amplify.h"

static const SolPubkey SYSTEM_PROGRAM_ID = {{0}};

bool pubkey_eq(const SolPubkey *a, const SolPubkey *b) {
  /* Keys in the input and in account data are 8-byte aligned: four word compares. */
  const uint64_t *x = (const uint64_t *)a->x;
  const uint64_t *y = (const uint64_t *)b->x;
  return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) | (x[3] ^ y[3])) == 0;
}

bool is_zero_pubkey(const SolPubkey *a) { return pubkey_eq(a, &SYSTEM_PROGRAM_ID); }

uint64_t checked_add(uint64_t a, uint64_t b, bool *overflow) {
  uint64_t r = a + b;
  if (r < a) *overflow = true;
  return r;
}

uint64_t checked_sub(uint64_t a, uint64_t b, bool *overflow) {
  if (b > a) {
    *overflow = true;
    return 0;
  }
  return a - b;
}

/* Schoolbook on 32-bit halves: the obvious `b > MAX / a` test is turned by LLVM into a 128-bit
 * multiply (__multi3), which the BPF backend cannot call. */
uint64_t checked_mul(uint64_t a, uint64_t b, bool *overflow) {
  uint64_t a_hi = a >> 32, a_lo = a & 0xFFFFFFFFULL;
  uint64_t b_hi = b >> 32, b_lo = b & 0xFFFFFFFFULL;
  if (a_hi != 0 && b_hi != 0) *overflow = true;
  uint64_t cross = a_hi * b_lo + a_lo * b_hi; /* at most one term is non-zero when no overflow */
  if (cross > 0xFFFFFFFFULL) *overflow = true;
  uint64_t low = a_lo * b_lo;
  uint64_t result = low + (cross << 32);
  if (result < low) *overflow = true;
  return result;
}

int64_t now_unix(void) {
  SolClock clock;
  sol_get_clock_sysvar(&clock);
  return clock.unix_timestamp;
}

uint64_t now_slot(void) {
  SolClock clock;
  sol_get_clock_sysvar(&clock);
  return clock.slot;
}

/* Rent sysvar: {u64 lamports_per_byte_year, f64 exemption_threshold, u8 burn_percent}.
 * The threshold is decoded from its IEEE-754 bits because SBF has no floating point. */
uint64_t rent_minimum(uint64_t data_len, bool *overflow) {
  uint64_t rent[3] = {0, 0, 0};
  sol_get_rent_sysvar(rent);
  uint64_t bytes = checked_add(data_len, 128, overflow);
  uint64_t base = checked_mul(bytes, rent[0], overflow);
  uint64_t bits = rent[1];
  uint64_t exponent = (bits >> 52) & 0x7FF;
  if ((bits >> 63) != 0 || exponent == 0) return 0;
  uint64_t mantissa = (bits & 0xFFFFFFFFFFFFFULL) | (1ULL << 52);
  uint64_t shift_right = 1075 > exponent ? 1075 - exponent : 0;
  uint64_t shift_left = exponent > 1075 ? exponent - 1075 : 0;
  while (shift_right > 0 && (mantissa & 1) == 0) {
    mantissa >>= 1;
    shift_right--;
  }
  uint64_t product = checked_mul(base, mantissa, overflow);
  if (shift_left > 0) return checked_mul(product, 1ULL << shift_left, overflow);
  return shift_right >= 64 ? 0 : product >> shift_right;
}

uint8_t read_u8(Reader *r) {
  if (r->at + 1 > r->len) {
    r->bad = true;
    return 0;
  }
  return r->data[r->at++];
}

uint16_t read_u16(Reader *r) {
  uint16_t lo = read_u8(r);
  return lo | (uint16_t)(read_u8(r) << 8);
}

uint32_t read_u32(Reader *r) {
  uint32_t lo = read_u16(r);
  return lo | ((uint32_t)read_u16(r) << 16);
}

uint64_t read_u64(Reader *r) {
  uint64_t lo = read_u32(r);
  return lo | ((uint64_t)read_u32(r) << 32);
}

const uint8_t *read_bytes(Reader *r, uint64_t n) {
  if (n > r->len || r->at > r->len - n) {
    r->bad = true;
    return r->data;
  }
  const uint8_t *p = r->data + r->at;
  r->at += n;
  return p;
}

void copy_bytes(void *dst, const void *src, uint64_t n) {
  if (n > 0) sol_memcpy_(dst, src, n);
}

void zero_bytes(void *dst, uint64_t n) {
  if (n > 0) sol_memset_(dst, 0, n);
}

uint64_t require_signer(const SolAccountInfo *a) { return a->is_signer ? OK : ERR_MISSING_SIGNER; }

uint64_t require_writable(const SolAccountInfo *a) { return a->is_writable ? OK : ERR_NOT_WRITABLE; }

uint64_t require_system_program(const SolAccountInfo *a) {
  return pubkey_eq(a->key, &SYSTEM_PROGRAM_ID) ? OK : ERR_WRONG_SYSTEM_PROGRAM;
}

uint64_t require_program_account(const Context *ctx, const SolAccountInfo *a, uint64_t discriminator, uint64_t size) {
  if (!pubkey_eq(a->owner, ctx->program_id)) return ERR_WRONG_OWNER;
  if (a->data_len != size) return ERR_WRONG_ACCOUNT_TYPE;
  const uint64_t *header = (const uint64_t *)a->data;
  if (header[0] != discriminator || a->data[8] != ACCOUNT_VERSION) return ERR_WRONG_ACCOUNT_TYPE;
  return OK;
}

uint64_t verify_pda(const Context *ctx, const SolAccountInfo *a, const SolSignerSeed *seeds, int seed_count, uint8_t bump) {
  SolSignerSeed all[5];
  if (seed_count > 4) return ERR_WRONG_PDA;
  for (int i = 0; i < seed_count; i++) all[i] = seeds[i];
  all[seed_count].addr = &bump;
  all[seed_count].len = 1;
  SolPubkey derived;
  if (sol_create_program_address(all, seed_count + 1, ctx->program_id, &derived) != 0) return ERR_WRONG_PDA;
  return pubkey_eq(&derived, a->key) ? OK : ERR_WRONG_PDA;
}

/* Finds the canonical bump exactly as sol_try_find_program_address does (255 down to the first
 * off-curve hash), so one worker can never open two accounts under two bumps. Each try here is
 * sha256 + an Edwards point check (~300 CU) instead of sol_create_program_address (1,500 CU):
 * the bump search is the one cost in the program that varies with the keys involved. */
static uint64_t find_canonical_bump(const Context *ctx, const SolAccountInfo *target, SolSignerSeed *seeds, int seed_count,
                                    uint8_t *bump_out) {
  static const char marker[] = "ProgramDerivedAddress";
  SolSignerSeed slices[8];
  if (seed_count > 5) return ERR_WRONG_PDA;
  for (int i = 0; i < seed_count; i++) slices[i] = seeds[i];
  uint8_t bump = 255;
  slices[seed_count].addr = &bump;
  slices[seed_count].len = 1;
  slices[seed_count + 1].addr = ctx->program_id->x;
  slices[seed_count + 1].len = 32;
  slices[seed_count + 2].addr = (const uint8_t *)marker;
  slices[seed_count + 2].len = sizeof(marker) - 1;
  SolPubkey derived;
  for (;;) {
    sol_sha256(slices, seed_count + 3, derived.x);
    if (sol_curve_validate_point(0, derived.x, NULL) != 0) {
      if (!pubkey_eq(&derived, target->key)) return ERR_WRONG_PDA;
      *bump_out = bump;
      return OK;
    }
    if (bump == 0) return ERR_WRONG_PDA;
    bump--;
  }
}

typedef struct {
  SolAccountMeta *metas;
  int meta_count;
  uint8_t *data;
  uint64_t data_len;
  const SolAccountInfo *infos;
  int info_count;
  const SolSignerSeed *seeds; /* NULL: no PDA signature */
  int seed_count;
} SystemCall;

static uint64_t invoke_system(const SystemCall *call) {
  SolPubkey program = SYSTEM_PROGRAM_ID;
  SolInstruction ix = {&program, call->metas, (uint64_t)call->meta_count, call->data, call->data_len};
  SolSignerSeeds signer = {call->seeds, (uint64_t)call->seed_count};
  return sol_invoke_signed_c(&ix, call->infos, call->info_count, &signer, call->seeds == NULL ? 0 : 1);
}

static void put_u32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static void put_u64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

uint64_t create_pda(const Context *ctx, const PdaSpec *spec, uint8_t *bump_out) {
  SolAccountInfo *payer = spec->payer;
  SolAccountInfo *target = spec->target;
  SolSignerSeed *seeds = spec->seeds;
  int seed_count = spec->seed_count;
  uint64_t space = spec->space;
  if (!payer->is_signer) return ERR_MISSING_SIGNER;
  if (!payer->is_writable || !target->is_writable) return ERR_NOT_WRITABLE;
  if (!is_zero_pubkey(target->owner) || target->data_len != 0) {
    return pubkey_eq(target->owner, ctx->program_id) ? ERR_ALREADY_INITIALIZED : ERR_WRONG_OWNER;
  }
  uint64_t err = find_canonical_bump(ctx, target, seeds, seed_count, bump_out);
  if (err) return err;
  seeds[seed_count].addr = bump_out; /* signer seeds for the CPI; must outlive find_canonical_bump's local */
  seeds[seed_count].len = 1;
  bool overflow = false;
  uint64_t needed = checked_add(rent_minimum(space, &overflow), spec->extra_lamports, &overflow);
  if (overflow) return ERR_OVERFLOW;
  /* Said here, in the program's own words: the System Program's "custom error 1" would be read
   * as one of ours. */
  if (*target->lamports < needed && *payer->lamports < needed - *target->lamports) return ERR_INSUFFICIENT_FUNDS;

  SolAccountInfo infos[2] = {*payer, *target};
  SolAccountMeta pair[2] = {{payer->key, true, true}, {target->key, true, true}};
  SolAccountMeta single[1] = {{target->key, true, true}};
  uint8_t data[52];
  const SolPubkey *owner = spec->owner != NULL ? spec->owner : ctx->program_id;
  if (*target->lamports == 0) {
    put_u32(data, 0); /* CreateAccount */
    put_u64(data + 4, needed);
    put_u64(data + 12, space);
    copy_bytes(data + 20, owner, 32);
    err = invoke_system(&(SystemCall){pair, 2, data, 52, infos, 2, seeds, seed_count + 1});
    if (err) return err;
  } else {
    /* Someone pre-funded the address to block CreateAccount: top up, allocate, assign instead. */
    if (*target->lamports < needed) {
      put_u32(data, 2); /* Transfer */
      put_u64(data + 4, needed - *target->lamports);
      pair[1].is_signer = false;
      err = invoke_system(&(SystemCall){pair, 2, data, 12, infos, 2, NULL, 0});
      if (err) return err;
    }
    put_u32(data, 8); /* Allocate */
    put_u64(data + 4, space);
    err = invoke_system(&(SystemCall){single, 1, data, 12, infos + 1, 1, seeds, seed_count + 1});
    if (err) return err;
    put_u32(data, 1); /* Assign */
    copy_bytes(data + 4, owner, 32);
    err = invoke_system(&(SystemCall){single, 1, data, 36, infos + 1, 1, seeds, seed_count + 1});
    if (err) return err;
  }
  target->data_len = space; /* the runtime resized the serialized account; refresh our copy */
  if (spec->owner == NULL) zero_bytes(target->data, space); /* another owner's account is not ours to write */
  return OK;
}

uint64_t system_transfer(SolAccountInfo *from, SolAccountInfo *to, uint64_t lamports) {
  if (pubkey_eq(from->key, to->key)) return ERR_SELF_TRANSFER;
  if (lamports == 0) return OK;
  SolAccountInfo infos[2] = {*from, *to};
  SolAccountMeta metas[2] = {{from->key, true, true}, {to->key, true, false}};
  uint8_t data[12];
  put_u32(data, 2);
  put_u64(data + 4, lamports);
  return invoke_system(&(SystemCall){metas, 2, data, 12, infos, 2, NULL, 0});
}

/* Direct debit of a program-owned account; the runtime checks the owner and the balance sum.
 * A move from an account to itself is refused: it would double-count the balance. */
uint64_t move_lamports(SolAccountInfo *from, SolAccountInfo *to, uint64_t lamports) {
  if (pubkey_eq(from->key, to->key)) return ERR_SELF_TRANSFER;
  bool overflow = false;
  uint64_t from_after = checked_sub(*from->lamports, lamports, &overflow);
  uint64_t to_after = checked_add(*to->lamports, lamports, &overflow);
  if (overflow) return ERR_OVERFLOW;
  *from->lamports = from_after;
  *to->lamports = to_after;
  return OK;
}

/* The serialized input keeps each account's data length in the 8 bytes before its data; the
 * runtime reads it back after the instruction, which is how a program shrinks an account. The
 * owner may change to the System Program because the data is empty by then. */
uint64_t close_account(SolAccountInfo *account, SolAccountInfo *to) {
  if (!account->is_writable || !to->is_writable) return ERR_NOT_WRITABLE;
  uint64_t err = move_lamports(account, to, *account->lamports);
  if (err) return err;
  zero_bytes(account->data, account->data_len);
  *(uint64_t *)(account->data - 8) = 0;
  account->data_len = 0;
  zero_bytes(account->owner->x, 32);
  return OK;
}
