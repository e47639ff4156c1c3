// Sizes, discriminators and field offsets of every program account, mirroring
// program/include/amplify.h. Offsets are what getProgramAccounts memcmp filters use.

/** Every account starts with an 8-byte discriminator (ASCII) and a version byte at offset 8. */
export const ACCOUNT_VERSION = 1;
export const DISCRIMINATOR_OFFSET = 0;
export const VERSION_OFFSET = 8;
export const URI_MAX_BYTES = 128;
/** Ephemeral X25519 public key (32) + nonce (24) + nacl.box output (48). */
export const WRAPPED_KEY_BYTES = 104;
export const FEE_BPS_DEFAULT = 500;
export const FEE_BPS_MAX = 1000;
export const BPS_DENOMINATOR = 10_000;

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export const DISCRIMINATORS = {
  config: ascii("AMPCONFG"),
  workerProfile: ascii("AMPWORKR"),
  campaign: ascii("AMPCAMPN"),
  escrow: ascii("AMPESCRW"),
  task: ascii("AMPTASK_"),
  assignment: ascii("AMPASSGN"),
  share: ascii("AMPSHARE"),
} as const;

export type AccountKind = keyof typeof DISCRIMINATORS;

export const ACCOUNT_SIZES: Record<AccountKind, number> = {
  config: 88,
  workerProfile: 136,
  campaign: 288,
  escrow: 48,
  task: 224,
  assignment: 416,
  share: 88,
};

export const CONFIG_OFFSETS = { bump: 9, paused: 10, authority: 16, treasury: 48, feeBps: 80 } as const;

export const WORKER_PROFILE_OFFSETS = {
  bump: 9, worker: 16, x25519: 48, rating: 80, reviewCount: 84, weight: 88, weightedSum: 96, lastReviewAt: 104,
  acceptedCount: 112, submittedCount: 116, expiredCount: 120, registeredAt: 128,
} as const;

export const CAMPAIGN_OFFSETS = {
  bump: 9, escrowBump: 10, isPrivate: 11, isClosed: 12, requester: 16, id: 48, price: 56, escrowBalance: 64,
  deadline: 72, assignmentTimeout: 80, createdAt: 88, maxTasks: 96, taskCount: 100, replication: 104, minRating: 106,
  maxShareBps: 108, metadataUriLen: 110, openAssignments: 112, submittedCount: 116, reviewedCount: 120,
  labelSchemaHash: 128, metadataUri: 160,
} as const;

export const ESCROW_OFFSETS = { bump: 9, campaign: 16 } as const;

export const TASK_OFFSETS = {
  bump: 9, campaign: 16, index: 48, slotsTaken: 52, slotsSubmitted: 54, uriLen: 56, dataHash: 64, uri: 96,
} as const;

export const ASSIGNMENT_OFFSETS = {
  bump: 9, state: 10, score: 11, campaign: 16, task: 48, worker: 80, acceptedAt: 112, expiresAt: 120,
  submittedAt: 128, reviewedAt: 136, taskIndex: 144, resultUriLen: 148, wrappedKey: 152, resultHash: 256, resultUri: 288,
} as const;

export const SHARE_OFFSETS = { bump: 9, campaign: 16, worker: 48, taken: 80 } as const;

export const AssignmentState = {
  Accepted: 1,
  KeyGranted: 2,
  Submitted: 3,
  Reviewed: 4,
  Expired: 5,
} as const;
export type AssignmentState = (typeof AssignmentState)[keyof typeof AssignmentState];
