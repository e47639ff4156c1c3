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
#define INDEPENDENCE_SLOTS 8
#define INDEPENDENT_REQUESTERS 4              /* a requester earns a worker full AMP up to a 1/4 share of its income */
#define INDEPENDENCE_WINDOW_SECONDS 604800LL  /* a week: the ring's fees halve once per week */
#define INDEPENDENCE_BASE_FEES 2000000ULL     /* fee lamports every worker may earn AMP on before others vouch */

/* Discriminators: eight ASCII bytes read as a little-endian u64. */
#define DISC_CONFIG 0x47464E4F43504D41ULL     /* "AMPCONFG" */
#define DISC_FEE_VAULT 0x5456454546504D41ULL  /* "AMPFEEVT" */
#define DISC_WORKER 0x524B524F57504D41ULL     /* "AMPWORKR" */
#define DISC_CAMPAIGN 0x4E504D4143504D41ULL   /* "AMPCAMPN" */
#define DISC_ESCROW 0x5752435345504D41ULL     /* "AMPESCRW" */
#define DISC_TASK_PAGE 0x4547415054504D41ULL  /* "AMPTPAGE" */
#define DISC_ASSIGNMENT 0x4E47535341504D41ULL /* "AMPASSGN" */
#define DISC_SHARE 0x4552414853504D41ULL      /* "AMPSHARE" */
#define DISC_GOVERNANCE 0x4E52564F47504D41ULL /* "AMPGOVRN" */
#define DISC_STAKE 0x454B415453504D41ULL      /* "AMPSTAKE" */
#define DISC_PROPOSAL 0x4C534F5050504D41ULL   /* "AMPPPOSL" */
#define DISC_VOTE 0x45544F5656504D41ULL       /* "AMPVVOTE" */
#define DISC_MODEL 0x4C45444F4D504D41ULL      /* "AMPMODEL" */

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
  IX_INIT_GOVERNANCE = 18,
  IX_MINT_GENESIS = 19,
  IX_GOVERNANCE_TAKE_AUTHORITY = 20,
  IX_STAKE = 21,
  IX_REQUEST_UNSTAKE = 22,
  IX_WITHDRAW_STAKE = 23,
  IX_CLAIM_REWARDS = 24,
  IX_PROPOSE = 25,
  IX_VOTE = 26,
  IX_EXECUTE_PROPOSAL = 27,
  IX_REGISTER_MODEL = 28,
  IX_CLAIM_AMP = 29,
  IX_CLOSE_PROPOSAL = 30,
  IX_CLOSE_VOTE = 31,
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
  ERR_STAKE_LOCKED = 42,       /* unstake while a vote holds the stake, or withdraw before the cool-down */
  ERR_BELOW_THRESHOLD = 43,    /* proposer's stake is below the proposal threshold */
  ERR_VOTING_CLOSED = 44,      /* vote after the voting period */
  ERR_VOTING_OPEN = 45,        /* execute before the voting period ended */
  ERR_TIMELOCK = 46,           /* execute before the timelock passed */
  ERR_PROPOSAL_FAILED = 47,    /* execute a proposal that did not pass */
  ERR_ALREADY_EXECUTED = 48,
  ERR_STAKE_AFTER_SNAPSHOT = 49, /* the stake changed at or after the proposal's snapshot slot */
  ERR_NOTHING_TO_CLAIM = 50,
  ERR_NOT_GOVERNED = 51,       /* the config authority is not the governance account */
  ERR_WRONG_TOKEN_ACCOUNT = 52, /* not an initialized AMP token account of the expected owner */
  ERR_GENESIS_CLOSED = 53,     /* genesis minting ended (cap reached or governance took over) */
  ERR_PROPOSAL_EXPIRED = 54,   /* execute a passed proposal more than one voting period after its timelock */
  ERR_NOT_UPGRADE_AUTHORITY = 55, /* the program's upgrade authority is not the governance account */
  ERR_WRONG_LOADER = 56,          /* the account passed as the upgradeable loader is another */
  ERR_WRONG_TARGET = 57,          /* the account passed as a proposal's target is not the key it names */
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
  EVENT_GOVERNANCE_INITIALIZED = 14,
  EVENT_STAKE_CHANGED = 15,
  EVENT_REWARDS_CLAIMED = 16,
  EVENT_PROPOSAL_CREATED = 17,
  EVENT_VOTE_CAST = 18,
  EVENT_PROPOSAL_EXECUTED = 19,
  EVENT_AMP_EARNED = 20,
  EVENT_MODEL_REGISTERED = 21,
  EVENT_GENESIS_MINTED = 22,
  EVENT_AMP_CLAIMED = 23,
  EVENT_PROPOSAL_CLOSED = 24,
  EVENT_VOTE_CLOSED = 25,
};

enum ProposalKind {
  PROPOSAL_SET_FEE = 0,          /* value_a: fee bps (<= FEE_BPS_MAX) */
  PROPOSAL_SET_REWARDS = 1,      /* value_a: amp_rate; value_b: staker_bps | author_bps << 16 */
  PROPOSAL_SET_PAUSED = 2,       /* value_a: 0 or 1 */
  PROPOSAL_TREASURY_SPEND = 3,   /* value_a: lamports from the fee vault's unreserved part to target */
  PROPOSAL_SET_AUTHORITY = 4,    /* target: proposed config authority (it accepts by signing) */
  PROPOSAL_SET_UPGRADE_AUTHORITY = 5, /* target: the program's new upgrade authority (loader SetAuthority) */
  PROPOSAL_MAKE_IMMUTABLE = 6,   /* no values: the program's upgrade authority becomes None, for ever */
  PROPOSAL_KIND_COUNT = 7,
};

enum StakeChange {
  STAKE_ADDED = 1,
  STAKE_UNSTAKE_REQUESTED = 2,
  STAKE_WITHDRAWN = 3,
};

/* Every account record begins with the same 10 bytes: its type (DISC_*), ACCOUNT_VERSION and
 * its PDA bump. One definition spliced into each record rather than a nested struct: a nested
 * struct would be padded to 16 bytes (its uint64_t alignment) and move every field after it, and
 * a packed one would make every discriminator access byte-wise. The account bytes are those of
 * the fields written out (program/dist rebuilds byte for byte). */
#define RECORD_HEAD         \
  uint64_t discriminator; \
  uint8_t version;        \
  uint8_t bump
/* Stamps a new record's head, in field order. */
#define SET_RECORD_HEAD(record, disc, bump_value) \
  do {                                            \
    (record)->discriminator = (disc);             \
    (record)->version = ACCOUNT_VERSION;          \
    (record)->bump = (bump_value);                \
  } while (0)

typedef struct {
  RECORD_HEAD;
  uint8_t paused;
  uint8_t vault_bump;
  uint8_t reserved[4];
  SolPubkey authority;
  SolPubkey pending_authority; /* zero unless a handover is proposed */
  SolPubkey treasury;          /* where withdraw_fees sends the fee vault's fees */
  uint16_t fee_bps;
  uint8_t amp_live;   /* 1 once init_governance ran: submit, review and withdraw_fees then need the governance account */
  uint8_t reserved2[13];
} Config;
_Static_assert(sizeof(Config) == 128, "Config layout");

typedef struct {
  RECORD_HEAD;
  uint8_t reserved[6];
  SolPubkey config;
} FeeVault;
_Static_assert(sizeof(FeeVault) == 48, "FeeVault layout");

typedef struct {
  RECORD_HEAD;
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
  uint64_t amp_pending;   /* AMP earned by reviews while the worker had no AMP token account; claim_amp mints it */
  /* Independent requesters (independence.c): the fees each recent requester paid this worker,
   * halved every INDEPENDENCE_WINDOW_SECONDS, in a fixed ring of the largest INDEPENDENCE_SLOTS. */
  int64_t requester_window;                        /* start of the current halving window */
  uint64_t requester_tags[INDEPENDENCE_SLOTS];     /* first 8 bytes of each requester's key */
  uint64_t requester_fees[INDEPENDENCE_SLOTS];     /* its decayed fee lamports to this worker */
} WorkerProfile;
_Static_assert(sizeof(WorkerProfile) == 296, "WorkerProfile layout");
_Static_assert(__builtin_offsetof(WorkerProfile, requester_window) == 160, "requester ring offset");
_Static_assert(__builtin_offsetof(WorkerProfile, rating) == 80, "rating offset");

typedef struct {
  RECORD_HEAD;
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
  RECORD_HEAD;
  uint8_t reserved[6];
  SolPubkey campaign;
} Escrow;
_Static_assert(sizeof(Escrow) == 48, "Escrow layout");

/* Followed by `count` one-byte slot counters (live assignments per task, <= replication). */
typedef struct {
  RECORD_HEAD;
  uint16_t page;
  uint32_t count;
  SolPubkey campaign;
} TaskPage;
_Static_assert(sizeof(TaskPage) == 48, "TaskPage header");

/* Lives only while the work is open: closed (rent back to the worker) at submit or release. */
typedef struct {
  RECORD_HEAD;
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
  RECORD_HEAD;
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

/* The AMP token, staking, the fee accumulator and governance parameters. One per program, at
 * ["governance"]; also the mint authority and the stake vault's token owner. */
typedef struct {
  RECORD_HEAD;
  uint8_t mint_bump;
  uint8_t vault_bump;
  uint8_t reserved[4];
  SolPubkey mint;        /* ["amp_mint"], SPL Token, AMP_DECIMALS */
  SolPubkey stake_vault; /* ["stake_vault"], SPL token account owned by this account */
  uint64_t acc_lo;       /* reward per staked AMP base unit, lamports x 2^64 (128-bit, low word) */
  uint64_t acc_hi;
  uint64_t acc_rem;      /* numerator remainder of the last division: dust carried to the next fee */
  uint64_t total_staked;
  uint64_t distributed;  /* lamports credited to stakers, ever */
  uint64_t claimed;      /* lamports paid to stakers, ever; distributed - claimed stays reserved in the vault */
  uint64_t proposal_count;
  uint64_t proposal_threshold; /* stake (AMP base units) a proposer needs */
  int64_t voting_period; /* seconds */
  int64_t timelock;      /* seconds after the vote ends before execution */
  int64_t cooldown;      /* seconds between an unstake request and the withdrawal */
  uint64_t amp_rate;     /* AMP base units minted per lamport of fee, for a score of 100 */
  uint64_t genesis_cap;  /* AMP the config authority may mint before governance takes over */
  uint64_t genesis_minted;
  uint64_t amp_earned;   /* AMP earned by reviews, ever (minted or pending) */
  uint16_t quorum_bps;   /* of the stake at the proposal's start */
  uint16_t staker_bps;   /* part of each fee credited to stakers (<= STAKER_BPS_MAX) */
  uint16_t author_bps;   /* part of a reviewed result's AMP that goes to the first guess's model author */
  uint16_t reserved2;
  uint64_t reserved3[2];
} Governance;
_Static_assert(sizeof(Governance) == 224, "Governance layout");
_Static_assert(__builtin_offsetof(Governance, acc_lo) == 80, "Governance accumulator offset");

/* ["stake", owner] */
typedef struct {
  RECORD_HEAD;
  uint8_t reserved[6];
  SolPubkey owner;
  uint64_t amount;       /* active stake: earns fees, votes */
  uint64_t acc_lo;       /* the accumulator when rewards were last settled */
  uint64_t acc_hi;
  uint64_t pending;      /* settled, unclaimed lamports */
  uint64_t unbonding;    /* requested out, waiting for the cool-down; earns nothing, votes nothing */
  int64_t unbonding_ready_at;
  uint64_t changed_slot; /* slot of the last change of `amount`: votes need it before the snapshot */
  int64_t locked_until;  /* end of the latest voting period this stake voted in */
  uint64_t claimed;      /* lamports claimed, ever */
} Stake;
_Static_assert(sizeof(Stake) == 120, "Stake layout");

/* ["proposal", id u64] */
typedef struct {
  RECORD_HEAD;
  uint8_t kind;
  uint8_t executed;
  uint8_t reserved[4];
  SolPubkey proposer;
  SolPubkey target;
  uint64_t id;
  uint64_t value_a;
  uint64_t value_b;
  uint64_t snapshot_slot; /* stake changed at or after this slot does not vote */
  int64_t created_at;
  int64_t voting_ends_at;
  int64_t executable_at;
  uint64_t for_votes;
  uint64_t against_votes;
  uint64_t total_staked; /* at creation */
  uint64_t quorum;       /* for + against needed */
} Proposal;
_Static_assert(sizeof(Proposal) == 168, "Proposal layout");

/* ["vote", proposal, voter]: exists once per voter and proposal, so nobody votes twice. */
typedef struct {
  RECORD_HEAD;
  uint8_t support;
  uint8_t reserved[5];
  SolPubkey proposal;
  SolPubkey voter;
  uint64_t weight;
  int64_t cast_at;
} VoteRecord;
_Static_assert(sizeof(VoteRecord) == 96, "VoteRecord layout");

/* ["model", model_id] with model_id = sha256(author || manifest_sha256): only the author's
 * signature creates the record that names it. */
typedef struct {
  RECORD_HEAD;
  uint8_t reserved[6];
  uint8_t model_id[32];
  SolPubkey author;
  uint8_t manifest_sha256[32];
  int64_t registered_at;
  uint64_t accepted_results; /* reviews that declared an accepted first guess of this model */
} ModelRecord;
_Static_assert(sizeof(ModelRecord) == 128, "ModelRecord layout");

#define AMP_DECIMALS 9
#define STAKER_BPS_MAX 9000  /* a sole staker who wash-trades still loses 10 % of every fee */
#define AUTHOR_BPS_MAX 5000
#define AMP_RATE_MAX 1000000ULL
#define GOV_PERIOD_MAX 31536000LL /* a year: voting period, timelock, cool-down */
#define TOKEN_ACCOUNT_SIZE 165
#define MINT_SIZE 82

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
  const SolPubkey *owner;  /* NULL: this program; else e.g. the SPL Token program */
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
/* execute_proposal's part for the upgrade kinds: the governance PDA, recorded as the upgrade
 * authority of this program's ProgramData, signs the loader's SetAuthority to `new_authority`
 * (NULL: None, the program becomes immutable). */
typedef struct {
  SolAccountInfo *program_data;
  SolAccountInfo *governance;
  const Governance *g;
  SolAccountInfo *new_authority;
  SolAccountInfo *loader;
} UpgradeHandover;
uint64_t governance_set_upgrade_authority(const Context *ctx, const UpgradeHandover *h);

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

uint64_t load_governance(const Context *ctx, const SolAccountInfo *a, Governance **out);
uint64_t load_stake(const Context *ctx, const SolAccountInfo *a, Stake **out);
uint64_t load_proposal(const Context *ctx, const SolAccountInfo *a, Proposal **out);
uint64_t load_model(const Context *ctx, const SolAccountInfo *a, ModelRecord **out);

/* ---- 128-bit helpers and the fee accumulator (rewards.c) ---- */
/* Credits `fee` lamports (the stakers' part) to the accumulator; no-op when nothing is staked. */
uint64_t rewards_credit_fee(Governance *g, uint64_t fee);
/* Moves what the stake earned since its last settlement into stake->pending. */
uint64_t rewards_settle(const Governance *g, Stake *stake);
/* Lamports the fee vault holds for stakers: distributed - claimed. */
uint64_t rewards_reserved(const Governance *g, bool *overflow);
/* submit_result's part: the stakers' share of `fee`, when AMP is live. */
uint64_t governance_account_fee(Context *ctx, const Config *config, uint64_t fee, uint64_t governance_index);
/* review's part: mints AMP for a reviewed result (accounts from `first` on). */
typedef struct {
  uint64_t first;           /* index of the governance account; mint, worker token account, token program follow */
  const Config *config;
  const Campaign *campaign;
  const SolPubkey *campaign_key;
  uint32_t task_index;
  WorkerProfile *profile;
  uint8_t score;
  const uint8_t *model_id;  /* NULL: no first guess declared */
  const SolPubkey *requester;
} AmpReward;
uint64_t governance_reward_review(Context *ctx, const AmpReward *reward);

/* ---- independent requesters (independence.c) ---- */
/* Records `fee` paid by `requester` on `profile`'s ring and returns in *credited the part of it that
 * earns AMP: what keeps the requester's recent fees to this worker within (the base allowance +
 * what every other recent requester paid it) / (INDEPENDENT_REQUESTERS - 1). */
uint64_t independence_credit(WorkerProfile *profile, const SolPubkey *requester, uint64_t fee, int64_t now, uint64_t *credited);

/* ---- SPL Token CPIs (token.c) ---- */
extern const SolPubkey TOKEN_PROGRAM_ID;
uint64_t require_token_program(const SolAccountInfo *a);
/* An initialized SPL token account of `mint` whose token owner is `owner`. */
bool is_token_account_of(const SolAccountInfo *a, const SolPubkey *mint, const SolPubkey *owner);
uint64_t token_initialize_mint(SolAccountInfo *mint, const SolPubkey *authority);
uint64_t token_initialize_account(SolAccountInfo *account, SolAccountInfo *mint, const SolPubkey *owner);
uint64_t token_mint_to(SolAccountInfo *mint, SolAccountInfo *to, SolAccountInfo *authority, const Governance *g, uint64_t amount);
/* authority_signer: NULL when `authority` signed the transaction; else the governance PDA signs. */
uint64_t token_transfer(SolAccountInfo *from, SolAccountInfo *to, SolAccountInfo *authority, const Governance *g, uint64_t amount);

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
uint64_t ix_init_governance(Context *ctx);
uint64_t ix_mint_genesis(Context *ctx);
uint64_t ix_governance_take_authority(Context *ctx);
uint64_t ix_stake(Context *ctx);
uint64_t ix_request_unstake(Context *ctx);
uint64_t ix_withdraw_stake(Context *ctx);
uint64_t ix_claim_rewards(Context *ctx);
uint64_t ix_propose(Context *ctx);
uint64_t ix_vote(Context *ctx);
uint64_t ix_execute_proposal(Context *ctx);
uint64_t ix_register_model(Context *ctx);
uint64_t ix_claim_amp(Context *ctx);
uint64_t ix_close_proposal(Context *ctx);
uint64_t ix_close_vote(Context *ctx);
/* proposal_close.c: a passed proposal executes before this, and closes after it. */
int64_t proposal_expires_at(const Proposal *p);
bool proposal_passed(const Proposal *p);
uint64_t now_slot(void);
void emit_config_event(const Config *config);

#endif
