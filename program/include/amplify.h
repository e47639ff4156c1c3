/* Amplify program: account layouts, instruction tags, error codes and the helpers the
 * instruction files share. Every layout is little-endian with fixed offsets (see README.md)
 * so clients can memcmp-filter; the _Static_asserts pin each offset the TypeScript decoders use. */
#ifndef AMPLIFY_H
#define AMPLIFY_H
#include "sbf.h"

#define ACCOUNT_VERSION 2
#define URI_MAX 128
#define WRAPPED_KEY_SIZE 104 /* ephemeral X25519 pubkey 32 + nonce 24 + nacl.box output 48 */
#define MAX_ACCOUNTS 24
#define PAGE_TASKS 8192      /* task slot counters per TaskPage (one byte each; 8,240-byte account) */
#define PAGE_SHIFT 13        /* index >> PAGE_SHIFT = page */
#define FEE_BPS_DEFAULT 500
#define FEE_BPS_MAX 1000
#define BPS_DENOMINATOR 10000
#define REPLICATION_MAX 255  /* one byte per task slot counter */
#define REVIEW_WINDOW_MIN 3600
#define EVENT_VERSION 1

/* Discriminators: eight ASCII bytes read as a little-endian u64. */
#define DISC_CONFIG 0x47464E4F43504D41ULL     /* "AMPCONFG" */
#define DISC_FEE_VAULT 0x5456454546504D41ULL  /* "AMPFEEVT" */
#define DISC_WORKER 0x524B524F57504D41ULL     /* "AMPWORKR" */
#define DISC_CAMPAIGN 0x4E504D4143504D41ULL   /* "AMPCAMPN" */
#define DISC_ESCROW 0x5752435345504D41ULL     /* "AMPESCRW" */
#define DISC_TASK_PAGE 0x4547415054504D41ULL  /* "AMPTPAGE" */
#define DISC_ASSIGNMENT 0x4E47535341504D41ULL /* "AMPASSGN" */
#define DISC_SHARE 0x4552414853504D41ULL      /* "AMPSHARE" */

enum Instruction {
  IX_INIT_CONFIG = 0,
  IX_SET_FEE = 1,
  IX_SET_PAUSED = 2,
  IX_UPDATE_CONFIG = 3,
  IX_ACCEPT_AUTHORITY = 4,
  IX_WITHDRAW_FEES = 5,
  IX_REGISTER_WORKER = 6,
  IX_UPDATE_WORKER_KEY = 7,
  IX_CREATE_CAMPAIGN = 8,
  IX_ADD_TASK_PAGE = 9,
  IX_ACCEPT_TASK = 10,
  IX_GRANT_KEY = 11,
  IX_SUBMIT_RESULT = 12,
  IX_REVIEW = 13,
  IX_RELEASE_EXPIRED = 14,
  IX_END_CAMPAIGN = 15,
  IX_CLOSE_CAMPAIGN = 16,
  IX_CLOSE_SHARE = 17,
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
  ERR_TASK_OUT_OF_RANGE = 28,
  ERR_INSUFFICIENT_ESCROW = 29,
  ERR_INVALID_SCORE = 30,
  ERR_WRONG_TREASURY = 31,
  ERR_WRONG_SYSTEM_PROGRAM = 32,
  ERR_WRONG_WORKER = 33,
  ERR_SELF_DEALING = 34,     /* the requester tries to work on (and so rate) its own campaign */
  ERR_UNRATED = 35,          /* unrated worker on a campaign that admits rated workers only */
  ERR_SELF_TRANSFER = 36,    /* a lamport move whose source and destination are one account */
  ERR_UNUSABLE_ADDRESS = 37, /* an authority or treasury that could never sign or receive */
  ERR_NO_PENDING_REVIEW = 38,
  ERR_REVIEW_WINDOW = 39,    /* review after the window closed, or share close before it */
  ERR_PAGES_MISSING = 40,    /* accept on a task whose page was never posted */
  ERR_INSUFFICIENT_FUNDS = 41, /* the payer cannot fund a new account's rent (its deposit) */
};

enum AssignmentState {
  ASSIGNMENT_ACCEPTED = 1,
  ASSIGNMENT_KEY_GRANTED = 2,
};

enum EventKind {
  EVENT_CONFIG_UPDATED = 1,
  EVENT_FEES_WITHDRAWN = 2,
  EVENT_WORKER_REGISTERED = 3,
  EVENT_CAMPAIGN_POSTED = 4,
  EVENT_TASK_PAGE_ADDED = 5,
  EVENT_TASK_ACCEPTED = 6,
  EVENT_KEY_GRANTED = 7,
  EVENT_RESULT_SUBMITTED = 8,
  EVENT_REVIEW_POSTED = 9,
  EVENT_ASSIGNMENT_RELEASED = 10,
  EVENT_CAMPAIGN_ENDED = 11,
  EVENT_CAMPAIGN_CLOSED = 12,
  EVENT_SHARE_CLOSED = 13,
};

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t paused;
  uint8_t vault_bump;
  uint8_t reserved[4];
  SolPubkey authority;
  SolPubkey pending_authority; /* zero unless a handover is proposed */
  SolPubkey treasury;          /* where withdraw_fees sends the fee vault's fees */
  uint16_t fee_bps;
  uint8_t reserved2[14];
} Config;
_Static_assert(sizeof(Config) == 128, "Config layout");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey config;
} FeeVault;
_Static_assert(sizeof(FeeVault) == 48, "FeeVault layout");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey worker;
  uint8_t x25519[32];
  uint32_t rating;       /* 0..10000; RATING_PRIOR until the first weighted review */
  uint32_t review_count; /* reviews that carried weight; 0 = unrated */
  uint64_t weight;       /* decayed review weight, 16.16 fixed point */
  uint64_t weighted_sum; /* decayed sum of weight x score */
  int64_t last_review_at;
  uint32_t accepted_count;
  uint32_t submitted_count;
  uint32_t expired_count;
  uint32_t window_anchor; /* rating when the current clamp window opened */
  int64_t registered_at;
  int64_t window_start;   /* unix time the current clamp window opened */
  uint64_t earned;        /* lamports paid to this worker (price - fee), all campaigns */
  uint64_t reserved2;
} WorkerProfile;
_Static_assert(sizeof(WorkerProfile) == 160, "WorkerProfile layout");
_Static_assert(__builtin_offsetof(WorkerProfile, rating) == 80, "rating offset");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t escrow_bump;
  uint8_t is_private;
  uint8_t admit_unrated;
  uint8_t reserved[3];
  SolPubkey requester;
  uint64_t id;
  uint64_t price;          /* lamports per assignment (one worker, one task) */
  uint64_t escrow_balance; /* lamports in escrow above its rent: price x unpaid slots */
  int64_t deadline;        /* no accept at or after this unix time */
  int64_t assignment_timeout;
  int64_t created_at;
  uint32_t task_count;     /* tasks committed by tasks_root, numbered 0..task_count-1 */
  uint16_t replication;
  uint16_t min_rating;
  uint16_t max_share_bps;
  uint16_t metadata_uri_len;
  uint32_t open_assignments;
  uint32_t submitted_count;
  uint32_t reviewed_count;
  int64_t review_window;   /* seconds after the last possible submission that reviews stay open */
  int64_t ended_at;        /* 0 while accepting; end_campaign sets it */
  uint16_t page_count;     /* TaskPages the campaign needs */
  uint16_t pages_created;
  uint32_t reserved2;
  uint8_t tasks_root[32];  /* Merkle root (sha256) of the task descriptors */
  uint8_t label_schema_hash[32];
  uint8_t metadata_uri[URI_MAX];
} Campaign;
_Static_assert(sizeof(Campaign) == 336, "Campaign layout");
_Static_assert(__builtin_offsetof(Campaign, tasks_root) == 144, "Campaign root offset");

typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey campaign;
} Escrow;
_Static_assert(sizeof(Escrow) == 48, "Escrow layout");

/* Followed by `count` one-byte slot counters (live assignments per task, <= replication). */
typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint16_t page;
  uint32_t count;
  SolPubkey campaign;
} TaskPage;
_Static_assert(sizeof(TaskPage) == 48, "TaskPage header");

/* Lives only while the work is open: closed (rent back to the worker) at submit or release. */
typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t state;
  uint8_t reserved[5];
  SolPubkey campaign;
  SolPubkey worker;
  uint32_t task_index;
  uint32_t reserved2;
  int64_t accepted_at;
  int64_t expires_at;
  uint8_t wrapped_key[WRAPPED_KEY_SIZE];
} Assignment;
_Static_assert(sizeof(Assignment) == 208, "Assignment layout");
_Static_assert(__builtin_offsetof(Assignment, wrapped_key) == 104, "wrapped key offset");

/* One per (campaign, worker): the share cap, the no-repeat cursor and what review still owes. */
typedef struct {
  uint64_t discriminator;
  uint8_t version;
  uint8_t bump;
  uint8_t reserved[6];
  SolPubkey campaign;
  SolPubkey worker;
  uint32_t next_index;      /* tasks are taken in increasing index: no task twice */
  uint32_t taken;           /* assignments ever taken here (the share cap) */
  uint32_t open;            /* accepted, not yet submitted or released */
  uint32_t submitted;
  uint32_t pending_reviews; /* submitted, not yet reviewed */
  uint32_t reviewed;
  uint64_t paid;            /* lamports paid to the worker here (price - fee per result) */
  uint8_t results_hash[32]; /* running sha256 over (task_index, result_hash) of each submission */
} Share;
_Static_assert(sizeof(Share) == 144, "Share layout");

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
/* Closes a program account: every lamport to `to`, data zeroed and truncated, owner back to the
 * System Program, so the address is empty again and holds nothing. */
uint64_t close_account(SolAccountInfo *account, SolAccountInfo *to);
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
#define I64_MAX 0x7FFFFFFFFFFFFFFFLL

/* Typed account access after checks. */
#define AS(type, info) ((type *)(info)->data)

/* ---- loaders (accounts.c): owner + type + PDA checks for each account kind ---- */
uint64_t load_config(const Context *ctx, const SolAccountInfo *a, Config **out);
uint64_t load_worker(const Context *ctx, const SolAccountInfo *a, WorkerProfile **out);
uint64_t load_campaign(const Context *ctx, const SolAccountInfo *a, Campaign **out);
uint64_t load_escrow(const Context *ctx, const SolAccountInfo *a, const Campaign *campaign, const SolAccountInfo *campaign_info);
uint64_t load_fee_vault(const Context *ctx, const SolAccountInfo *a);
uint64_t load_task_page(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, TaskPage **out);
uint64_t load_share(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Share **out);
uint64_t load_assignment(const Context *ctx, const SolAccountInfo *a, const SolAccountInfo *campaign_info, Assignment **out);

/* The last moment a review may land (assignment.c). */
int64_t campaign_review_deadline(const Campaign *c);

/* ---- rating (rating.c) ---- */
#define RATING_MAX 10000
#define RATING_PRIOR 2000
#define RATING_ONE 65536ULL
#define RATING_PRIOR_WEIGHT (5ULL * RATING_ONE)
#define RATING_HALF_LIFE_SECONDS 2592000ULL
#define RATING_MAX_STEP 500              /* most the rating moves per window, all reviews together */
#define RATING_WINDOW_SECONDS 86400ULL
#define RATING_FULL_WEIGHT_PRICE 1000000ULL /* a review of a result paid this much weighs ONE */
uint64_t rating_review_weight(uint64_t price);
uint64_t rating_apply_review(WorkerProfile *profile, uint8_t score, uint64_t weight, int64_t now);

/* ---- events (events.c): sol_log_data of [EVENT_VERSION, kind, payload...] ---- */
typedef struct {
  uint8_t bytes[256];
  uint64_t len;
} Event;
void event_begin(Event *e, uint8_t kind);
void event_u8(Event *e, uint8_t v);
void event_u16(Event *e, uint16_t v);
void event_u32(Event *e, uint32_t v);
void event_u64(Event *e, uint64_t v);
void event_bytes(Event *e, const void *p, uint64_t n);
void event_emit(const Event *e);

/* ---- instruction handlers ---- */
uint64_t ix_init_config(Context *ctx);
uint64_t ix_set_fee(Context *ctx);
uint64_t ix_set_paused(Context *ctx);
uint64_t ix_update_config(Context *ctx);
uint64_t ix_accept_authority(Context *ctx);
uint64_t ix_withdraw_fees(Context *ctx);
uint64_t ix_register_worker(Context *ctx);
uint64_t ix_update_worker_key(Context *ctx);
uint64_t ix_create_campaign(Context *ctx);
uint64_t ix_add_task_page(Context *ctx);
uint64_t ix_end_campaign(Context *ctx);
uint64_t ix_close_campaign(Context *ctx);
uint64_t ix_close_share(Context *ctx);
uint64_t ix_accept_task(Context *ctx);
uint64_t ix_grant_key(Context *ctx);
uint64_t ix_submit_result(Context *ctx);
uint64_t ix_release_expired(Context *ctx);
uint64_t ix_review(Context *ctx);

#endif
