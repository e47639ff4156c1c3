// Sizes, discriminators and field offsets of every program account, mirroring
// program/include/amplify.h. Offsets are what getProgramAccounts memcmp filters use.

/** Every account starts with an 8-byte discriminator (ASCII) and a version byte at offset 8. */
export const ACCOUNT_VERSION = 2;
export const DISCRIMINATOR_OFFSET = 0;
export const VERSION_OFFSET = 8;
export const URI_MAX_BYTES = 128;
/** Ephemeral X25519 public key (32) + nonce (24) + nacl.box output (48). */
export const WRAPPED_KEY_BYTES = 104;
export const FEE_BPS_DEFAULT = 500;
export const FEE_BPS_MAX = 1000;
export const BPS_DENOMINATOR = 10_000;
/** Task slot counters per TaskPage: task i lives in page i >> 13 at byte i & 8191. */
export const PAGE_TASKS = 8192;
/** Slot counters are one byte each. */
export const REPLICATION_MAX = 255;
/** The shortest review window a campaign may set (seconds). */
export const REVIEW_WINDOW_MIN_SECONDS = 3600;
export const REVIEW_WINDOW_MAX_SECONDS = 366 * 86_400;

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export const DISCRIMINATORS = {
  config: ascii("AMPCONFG"),
  feeVault: ascii("AMPFEEVT"),
  workerProfile: ascii("AMPWORKR"),
  campaign: ascii("AMPCAMPN"),
  escrow: ascii("AMPESCRW"),
  taskPage: ascii("AMPTPAGE"),
  assignment: ascii("AMPASSGN"),
  share: ascii("AMPSHARE"),
} as const;

export type AccountKind = keyof typeof DISCRIMINATORS;

/** Fixed sizes; a TaskPage is TASK_PAGE_HEADER_BYTES + its task count. */
export const ACCOUNT_SIZES: Record<Exclude<AccountKind, "taskPage">, number> = {
  config: 128,
  feeVault: 48,
  workerProfile: 296,
  campaign: 336,
  escrow: 48,
  assignment: 208,
  share: 144,
};
export const TASK_PAGE_HEADER_BYTES = 48;

export const CONFIG_OFFSETS = {
  bump: 9,
  paused: 10,
  vaultBump: 11,
  authority: 16,
  pendingAuthority: 48,
  treasury: 80,
  feeBps: 112,
  ampLive: 114,
} as const;

export const FEE_VAULT_OFFSETS = { bump: 9, config: 16 } as const;

export const WORKER_PROFILE_OFFSETS = {
  bump: 9,
  worker: 16,
  x25519: 48,
  rating: 80,
  reviewCount: 84,
  weight: 88,
  weightedSum: 96,
  lastReviewAt: 104,
  acceptedCount: 112,
  submittedCount: 116,
  expiredCount: 120,
  windowAnchor: 124,
  registeredAt: 128,
  windowStart: 136,
  earned: 144,
  ampPending: 152,
  requesterWindow: 160,
  requesterTags: 168,
  requesterFees: 232,
} as const;

export const CAMPAIGN_OFFSETS = {
  bump: 9,
  escrowBump: 10,
  isPrivate: 11,
  admitUnrated: 12,
  requester: 16,
  id: 48,
  price: 56,
  escrowBalance: 64,
  deadline: 72,
  assignmentTimeout: 80,
  createdAt: 88,
  taskCount: 96,
  replication: 100,
  minRating: 102,
  maxShareBps: 104,
  metadataUriLen: 106,
  openAssignments: 108,
  submittedCount: 112,
  reviewedCount: 116,
  reviewWindow: 120,
  endedAt: 128,
  pageCount: 136,
  pagesCreated: 138,
  tasksRoot: 144,
  labelSchemaHash: 176,
  metadataUri: 208,
} as const;

export const ESCROW_OFFSETS = { bump: 9, campaign: 16 } as const;

export const TASK_PAGE_OFFSETS = { bump: 9, page: 10, count: 12, campaign: 16, slots: 48 } as const;

export const ASSIGNMENT_OFFSETS = {
  bump: 9,
  state: 10,
  campaign: 16,
  worker: 48,
  taskIndex: 80,
  acceptedAt: 88,
  expiresAt: 96,
  wrappedKey: 104,
} as const;

export const SHARE_OFFSETS = {
  bump: 9,
  campaign: 16,
  worker: 48,
  nextIndex: 80,
  taken: 84,
  open: 88,
  submitted: 92,
  pendingReviews: 96,
  reviewed: 100,
  paid: 104,
  resultsHash: 112,
} as const;

/**
 * An Assignment account exists only while its work is open: Accepted or KeyGranted. Submission
 * and release close it (the worker's deposit comes back); what happened since lives in events.
 */
export const AssignmentState = {
  Accepted: 1,
  KeyGranted: 2,
} as const;
export type AssignmentState = (typeof AssignmentState)[keyof typeof AssignmentState];

/** Campaign flags byte of create_campaign. */
export const CAMPAIGN_FLAGS = { private: 1, admitUnrated: 2 } as const;
