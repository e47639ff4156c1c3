/* Amplify program: account layouts, instruction tags, error codes and the helpers the
 * instruction files share. Every layout is little-endian with fixed offsets (see README.md)
 * so clients can memcmp-filter; the _Static_asserts pin each offset the TypeScript decoders use. */
#ifndef AMPLIFY_H
#define AMPLIFY_H
#include "sbf.h"

#define ACCOUNT_VERSION 1
#define URI_MAX 128
#define WRAPPED_KEY_SIZE 104 /* ephemeral X25519 pubkey 32 + nonce 24 + nacl.box output 48 */
#define MAX_ACCOUNTS 24
#define MAX_TASKS_PER_ADD 4 /* keeps add_tasks under 20,000 CU */
#define FEE_BPS_DEFAULT 500
#define FEE_BPS_MAX 1000
#define BPS_DENOMINATOR 10000

/* Discriminators: eight ASCII bytes read as a little-endian u64. */
#define DISC_CONFIG 0x47464E4F43504D41ULL     /* "AMPCONFG" */
#define DISC_WORKER 0x524B524F57504D41ULL     /* "AMPWORKR" */
#define DISC_CAMPAIGN 0x4E504D4143504D41ULL   /* "AMPCAMPN" */
#define DISC_ESCROW 0x5752435345504D41ULL     /* "AMPESCRW" */
#define DISC_TASK 0x5F4B534154504D41ULL       /* "AMPTASK_" */
#define DISC_ASSIGNMENT 0x4E47535341504D41ULL /* "AMPASSGN" */
#define DISC_SHARE 0x4552414853504D41ULL      /* "AMPSHARE" */

enum Instruction {
  IX_INIT_CONFIG = 0,
  IX_SET_FEE = 1,
  IX_SET_PAUSED = 2,
  IX_UPDATE_CONFIG = 3,
  IX_REGISTER_WORKER = 4,
  IX_UPDATE_WORKER_KEY = 5,
  IX_CREATE_CAMPAIGN = 6,
  IX_TOP_UP = 7,
  IX_ADD_TASKS = 8,
  IX_ACCEPT_TASK = 9,
  IX_GRANT_KEY = 10,
  IX_SUBMIT_RESULT = 11,
  IX_REVIEW = 12,
  IX_RELEASE_EXPIRED = 13,
  IX_CLOSE_CAMPAIGN = 14,
};

enum Error {
  OK = 0,
  ERR_INVALID_INSTRUCTION = 1,
  ERR_NOT_ENOUGH_ACCOUNTS = 2,
  ERR_MISSING_SIGNER = 3,
  ERR_NOT_WRITABLE = 4,
  ERR_WRONG_OWNER = 5,
  ERR_WRONG_ACCOUNT_TYPE = 6,
  ERR_WRONG_PDA = 7,
  ERR_ALREADY_INITIALIZED = 8,
  ERR_UNAUTHORIZED = 9,
  ERR_PAUSED = 10,
  ERR_FEE_TOO_HIGH = 11,
  ERR_OVERFLOW = 12,
  ERR_INVALID_PARAMETER = 13,
  ERR_URI_TOO_LONG = 14,
  ERR_WRONG_CAMPAIGN = 15,
  ERR_CAMPAIGN_CLOSED = 16,
  ERR_DEADLINE_PASSED = 17,
  ERR_TASK_FULL = 18,
  ERR_SHARE_CAP = 19,
  ERR_RATING_TOO_LOW = 20,
  ERR_ALREADY_ASSIGNED = 21,
  ERR_WRONG_STATE = 22,
  ERR_KEY_NOT_GRANTED = 23,
  ERR_NOT_PRIVATE = 24,
  ERR_ASSIGNMENT_EXPIRED = 25,
  ERR_NOT_EXPIRED = 26,
  ERR_OPEN_ASSIGNMENTS = 27,
  ERR_TOO_MANY_TASKS = 28,
  ERR_INSUFFICIENT_ESCROW = 29,
  ERR_INVALID_SCORE = 30,
  ERR_WRONG_TREASURY = 31,
  ERR_WRONG_SYSTEM_PROGRAM = 32,
  ERR_WRONG_WORKER = 33,
};

enum AssignmentState {
  ASSIGNMENT_ACCEPTED = 1,
  ASSIGNMENT_KEY_GRANTED = 2,
  ASSIGNMENT_SUBMITTED = 3,
  ASSIGNMENT_REVIEWED = 4,
  ASSIGNMENT_EXPIRED = 5,
};

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t paused;
  uint8_t reserved[5];
  SolPubkey authority;
  SolPubkey treasury;
  uint16_t fee_bps;
  uint8_t reserved2[6];
} Config;
_Static_assert(sizeof(Config) == 88, "Config layout");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey worker;
  uint8_t x25519[32];
  uint32_t rating;       /* 0..10000; RATING_PRIOR until the first review */
  uint32_t review_count;
  uint64_t weight;       /* decayed review weight, 16.16 fixed point */
  uint64_t weighted_sum; /* decayed sum of weight x score */
  int64_t last_review_at;
  uint32_t accepted_count;
  uint32_t submitted_count;
  uint32_t expired_count;
  uint32_t reserved2;
  int64_t registered_at;
} WorkerProfile;
_Static_assert(sizeof(WorkerProfile) == 136, "WorkerProfile layout");
_Static_assert(__builtin_offsetof(WorkerProfile, rating) == 80, "rating offset");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t escrow_bump;
  uint8_t is_private;
  uint8_t is_closed;
  uint8_t reserved[3];
  SolPubkey requester;
  uint64_t id;
  uint64_t price;          /* lamports per assignment (one worker, one task) */
  uint64_t escrow_balance; /* lamports in escrow above its rent: price x unpaid slots */
  int64_t deadline;        /* no accept at or after this unix time */
  int64_t assignment_timeout;
  int64_t created_at;
  uint32_t max_tasks;
  uint32_t task_count;
  uint16_t replication;
  uint16_t min_rating;
  uint16_t max_share_bps;
  uint16_t metadata_uri_len;
  uint32_t open_assignments;
  uint32_t submitted_count;
  uint32_t reviewed_count;
  uint32_t reserved2;
  uint8_t label_schema_hash[32];
  uint8_t metadata_uri[URI_MAX];
} Campaign;
_Static_assert(sizeof(Campaign) == 288, "Campaign layout");
_Static_assert(__builtin_offsetof(Campaign, label_schema_hash) == 128, "Campaign hash offset");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey campaign;
} Escrow;
_Static_assert(sizeof(Escrow) == 48, "Escrow layout");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey campaign;
  uint32_t index;
  uint16_t slots_taken; /* live assignments: accepted, granted, submitted or reviewed */
  uint16_t slots_submitted;
  uint16_t uri_len;
  uint8_t reserved2[6];
  uint8_t data_hash[32];
  uint8_t uri[URI_MAX];
} Task;
_Static_assert(sizeof(Task) == 224, "Task layout");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t state;
  uint8_t score;
  uint8_t reserved[4];
  SolPubkey campaign;
  SolPubkey task;
  SolPubkey worker;
  int64_t accepted_at;
  int64_t expires_at;
  int64_t submitted_at;
  int64_t reviewed_at;
  uint32_t task_index;
  uint16_t result_uri_len;
  uint16_t reserved2;
  uint8_t wrapped_key[WRAPPED_KEY_SIZE];
  uint8_t result_hash[32];
  uint8_t result_uri[URI_MAX];
} Assignment;
_Static_assert(sizeof(Assignment) == 416, "Assignment layout");
_Static_assert(__builtin_offsetof(Assignment, wrapped_key) == 152, "wrapped key offset");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey campaign;
  SolPubkey worker;
  uint32_t taken; /* assignments ever taken in this campaign; never decremented (data exposure) */
  uint32_t reserved2;
} Share;
_Static_assert(sizeof(Share) == 88, "Share layout");

/* ---- instruction context ---- */
typedef struct {
  SolAccountInfo accounts[MAX_ACCOUNTS];
  uint64_t count;
  const uint8_t *data;
  uint64_t data_len;
  const SolPubkey *program_id;
} Context;

/* Bounds-checked little-endian reader over instruction data. */
typedef struct {
  const uint8_t *data;
  uint64_t len;
  uint64_t at;
  bool bad;
} Reader;

uint8_t read_u8(Reader *r);
uint16_t read_u16(Reader *r);
uint32_t read_u32(Reader *r);
uint64_t read_u64(Reader *r);
const uint8_t *read_bytes(Reader *r, uint64_t n);

/* ---- helpers (runtime.c) ---- */
bool pubkey_eq(const SolPubkey *a, const SolPubkey *b);
bool is_zero_pubkey(const SolPubkey *a);
uint64_t checked_add(uint64_t a, uint64_t b, bool *overflow);
uint64_t checked_sub(uint64_t a, uint64_t b, bool *overflow);
uint64_t checked_mul(uint64_t a, uint64_t b, bool *overflow);
int64_t now_unix(void);
uint64_t rent_minimum(uint64_t data_len, bool *overflow);
uint64_t require_signer(const SolAccountInfo *a);
uint64_t require_writable(const SolAccountInfo *a);
uint64_t require_system_program(const SolAccountInfo *a);
/* Owner, size, discriminator and version of an existing program account. */
uint64_t require_program_account(const Context *ctx, const SolAccountInfo *a, uint64_t discriminator, uint64_t size);
/* The address derived from seeds + stored bump must equal the account's key. */
uint64_t verify_pda(const Context *ctx, const SolAccountInfo *a, const SolSignerSeed *seeds, int seed_count, uint8_t bump);
/* Creates a program-owned PDA at the canonical bump (found here, never taken from the client) and
 * returns it zero-filled. `seeds` must leave one spare slot at seeds[seed_count] for the bump. */
typedef struct {
  SolAccountInfo *payer;
  SolAccountInfo *target;
  SolSignerSeed *seeds;
  int seed_count;
  uint64_t space;
  uint64_t extra_lamports; /* funded on top of the rent minimum (escrow) */
} PdaSpec;
/* SBF calls take at most five arguments, hence the spec struct. */
uint64_t create_pda(const Context *ctx, const PdaSpec *spec, uint8_t *bump_out);
uint64_t system_transfer(SolAccountInfo *from, SolAccountInfo *to, uint64_t lamports);
uint64_t move_lamports(SolAccountInfo *from, SolAccountInfo *to, uint64_t lamports);
void copy_bytes(void *dst, const void *src, uint64_t n);
void zero_bytes(void *dst, uint64_t n);
/* init_config's gate (upgrade_authority.c): `signer` signed and is the upgrade authority recorded
 * in `program_data`, the ProgramData account of this program under the upgradeable loader. */
uint64_t require_upgrade_authority(const Context *ctx, const SolAccountInfo *signer, const SolAccountInfo *program_data);

/* Counters are incremented only through this: every addition is overflow-checked. */
#define INCREMENT_OR_FAIL(field, max) \
  do {                                 \
    if ((field) >= (max)) return ERR_OVERFLOW; \
    (field)++;                         \
  } while (0)
#define U16_MAX 0xFFFFu
#define U32_MAX 0xFFFFFFFFu

/* Typed account access after checks. */
#define AS(type, info) ((type *)(info)->data)

/* ---- loaders (accounts.c): owner + type + PDA checks for each account kind ---- */
uint64_t load_config(const Context *ctx, const SolAccountInfo *a, Config **out);
uint64_t load_worker(const Context *ctx, const SolAccountInfo *a, WorkerProfile **out);
uint64_t load_campaign(const Context *ctx, const SolAccountInfo *a, Campaign **out);
uint64_t load_escrow(const Context *ctx, const SolAccountInfo *a, const Campaign *campaign, const SolAccountInfo *campaign_info);
uint64_t load_task(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Task **out);
uint64_t load_assignment(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Assignment **out);

/* ---- rating (rating.c) ---- */
#define RATING_MAX 10000
#define RATING_PRIOR 2000
#define RATING_ONE 65536ULL
#define RATING_PRIOR_WEIGHT (5ULL * RATING_ONE)
#define RATING_HALF_LIFE_SECONDS 2592000ULL
#define RATING_MAX_STEP 500
uint64_t rating_apply_review(WorkerProfile *profile, uint8_t score, int64_t now);

/* ---- instruction handlers ---- */
uint64_t ix_init_config(Context *ctx);
uint64_t ix_set_fee(Context *ctx);
uint64_t ix_set_paused(Context *ctx);
uint64_t ix_update_config(Context *ctx);
uint64_t ix_register_worker(Context *ctx);
uint64_t ix_update_worker_key(Context *ctx);
uint64_t ix_create_campaign(Context *ctx);
uint64_t ix_top_up(Context *ctx);
uint64_t ix_add_tasks(Context *ctx);
uint64_t ix_close_campaign(Context *ctx);
uint64_t ix_accept_task(Context *ctx);
uint64_t ix_grant_key(Context *ctx);
uint64_t ix_submit_result(Context *ctx);
uint64_t ix_release_expired(Context *ctx);
uint64_t ix_review(Context *ctx);

#endif
