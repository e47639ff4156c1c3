/* The slice of the Solana SBF ABI this program uses (layouts from Solana's C SDK header,
 * re-typed here rather than vendored). Freestanding: no libc. */
#ifndef AMPLIFY_SBF_H
#define AMPLIFY_SBF_H

typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef signed long long int64_t;
typedef int int32_t;
typedef _Bool bool;
#define true 1
#define false 0
#define NULL ((void *)0)

typedef struct {
  uint8_t x[32];
} SolPubkey;

/* Field order matters: sol_invoke_signed_c reads these arrays as laid out here. */
typedef struct {
  SolPubkey *key;
  uint64_t *lamports;
  uint64_t data_len;
  uint8_t *data;
  SolPubkey *owner;
  uint64_t rent_epoch;
  bool is_signer;
  bool is_writable;
  bool executable;
} SolAccountInfo;

typedef struct {
  SolPubkey *pubkey;
  bool is_writable;
  bool is_signer;
} SolAccountMeta;

typedef struct {
  SolPubkey *program_id;
  SolAccountMeta *accounts;
  uint64_t account_len;
  uint8_t *data;
  uint64_t data_len;
} SolInstruction;

typedef struct {
  const uint8_t *addr;
  uint64_t len;
} SolSignerSeed;

typedef struct {
  const SolSignerSeed *addr;
  uint64_t len;
} SolSignerSeeds;

typedef struct {
  uint64_t slot;
  int64_t epoch_start_timestamp;
  uint64_t epoch;
  uint64_t leader_schedule_epoch;
  int64_t unix_timestamp;
} SolClock;

/* Syscalls (bound by name by the loader). */
void sol_log_(const char *message, uint64_t len);
void sol_log_64_(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e);
void sol_log_pubkey(const SolPubkey *pubkey);
uint64_t sol_create_program_address(const SolSignerSeed *seeds, int seeds_len, const SolPubkey *program_id,
                                    SolPubkey *address);
uint64_t sol_invoke_signed_c(const SolInstruction *instruction, const SolAccountInfo *account_infos,
                             int account_infos_len, const SolSignerSeeds *signers_seeds, int signers_seeds_len);
uint64_t sol_get_clock_sysvar(void *clock);
uint64_t sol_get_rent_sysvar(void *rent);
void sol_memcpy_(void *dst, const void *src, uint64_t n);
void sol_memset_(void *dst, uint8_t value, uint64_t n);
void sol_memcmp_(const void *a, const void *b, uint64_t n, int32_t *result);

/* Logs each slice base64-encoded on one "Program data:" line: the events channel. */
void sol_log_data(const SolSignerSeed *slices, uint64_t slice_count);
uint64_t sol_sha256(const SolSignerSeed *slices, uint64_t slice_count, uint8_t *result);
/* Returns 0 when the 32 bytes are a valid compressed point on the curve (curve 0: Edwards25519). */
uint64_t sol_curve_validate_point(uint64_t curve_id, const uint8_t *point, uint8_t *result);

#define sol_log(literal) sol_log_((literal), sizeof(literal) - 1)

#endif
