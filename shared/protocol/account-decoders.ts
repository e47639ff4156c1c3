// Decoders for every program account. Each checks size, discriminator and version first, so a
// decoder never silently reads an account of another kind.
import {
  ACCOUNT_SIZES,
  ACCOUNT_VERSION,
  ASSIGNMENT_OFFSETS as A,
  CAMPAIGN_OFFSETS as C,
  CONFIG_OFFSETS as G,
  DISCRIMINATORS,
  ESCROW_OFFSETS as E,
  FEE_VAULT_OFFSETS as V,
  PAGE_TASKS,
  SHARE_OFFSETS as S,
  TASK_PAGE_HEADER_BYTES,
  TASK_PAGE_OFFSETS as P,
  WORKER_PROFILE_OFFSETS as W,
} from "./account-layouts";
import { ByteReader, decodeUtf8 } from "../bytes";
import { INDEPENDENCE_SLOTS } from "./independence";
import type { AccountKind, AssignmentState } from "./account-layouts";
import type { Address } from "@solana/kit";

export interface ConfigAccount {
  bump: number;
  paused: boolean;
  vaultBump: number;
  authority: Address;
  /** Proposed by update_config; becomes the authority when it signs accept_authority. Null if none. */
  pendingAuthority: Address | null;
  /** Where withdraw_fees sends the fee vault's fees. */
  treasury: Address;
  feeBps: number;
  /** init_governance ran: fees feed the stakers' accumulator, reviews mint AMP. */
  ampLive: boolean;
}

export interface FeeVaultAccount {
  bump: number;
  config: Address;
}

export interface WorkerProfileAccount {
  bump: number;
  worker: Address;
  x25519PublicKey: Uint8Array;
  /** 0..10000 (hundredths of a percent). RATING_PRIOR while unrated. */
  rating: number;
  /** Reviews that carried weight; 0 = unrated (its own state, not a low rating). */
  reviewCount: number;
  rated: boolean;
  weight: bigint;
  weightedSum: bigint;
  lastReviewAt: bigint;
  acceptedCount: number;
  submittedCount: number;
  expiredCount: number;
  windowAnchor: number;
  registeredAt: bigint;
  windowStart: bigint;
  /** Lamports paid to this worker (price − fee per result), all campaigns. */
  earned: bigint;
  /** AMP reviews credited while the worker had no AMP token account; claim_amp mints it. */
  ampPending: bigint;
  /** The independent-requester ring (program/src/independence.c): its halving window's start. */
  requesterWindow: bigint;
  /** Recent requesters (first 8 key bytes, little-endian) and their decayed fees to this worker. */
  requesters: RequesterSlot[];
}

export interface RequesterSlot {
  tag: bigint;
  fees: bigint;
}

export interface CampaignAccount {
  bump: number;
  escrowBump: number;
  isPrivate: boolean;
  admitUnrated: boolean;
  requester: Address;
  id: bigint;
  price: bigint;
  escrowBalance: bigint;
  deadline: bigint;
  assignmentTimeout: bigint;
  createdAt: bigint;
  taskCount: number;
  replication: number;
  minRating: number;
  maxShareBps: number;
  openAssignments: number;
  submittedCount: number;
  reviewedCount: number;
  reviewWindow: bigint;
  /** 0 while accepting; the unix time end_campaign stopped it. */
  endedAt: bigint;
  pageCount: number;
  pagesCreated: number;
  /** Merkle root of the task descriptors (task-tree.ts). */
  tasksRoot: Uint8Array;
  labelSchemaHash: Uint8Array;
  metadataUri: string;
}

export interface EscrowAccount {
  bump: number;
  campaign: Address;
}

export interface TaskPageAccount {
  bump: number;
  page: number;
  campaign: Address;
  /** Live assignments (open or submitted) per task of this page, in index order. */
  slots: Uint8Array;
}

export interface AssignmentAccount {
  bump: number;
  state: AssignmentState;
  campaign: Address;
  worker: Address;
  taskIndex: number;
  acceptedAt: bigint;
  expiresAt: bigint;
  /** 104 bytes, all zero until grant_key: ephemeral X25519 public key, nonce, nacl.box. */
  wrappedKey: Uint8Array;
}

export interface ShareAccount {
  bump: number;
  campaign: Address;
  worker: Address;
  /** The worker may take only tasks with index >= nextIndex. */
  nextIndex: number;
  taken: number;
  open: number;
  submitted: number;
  pendingReviews: number;
  reviewed: number;
  paid: bigint;
  resultsHash: Uint8Array;
}

function matches(data: Uint8Array, kind: AccountKind): boolean {
  return DISCRIMINATORS[kind].every((b, i) => data[i] === b);
}

/** Which kind of Amplify account these bytes hold, or undefined. */
export function identifyAccount(data: Uint8Array): AccountKind | undefined {
  for (const kind of Object.keys(DISCRIMINATORS) as AccountKind[]) {
    if (!matches(data, kind)) continue;
    if (kind === "taskPage") {
      const count = data.length >= TASK_PAGE_HEADER_BYTES ? new ByteReader(data).u32(P.count) : -1;
      if (count >= 0 && count <= PAGE_TASKS && data.length === TASK_PAGE_HEADER_BYTES + count) return kind;
    } else if (data.length === ACCOUNT_SIZES[kind]) return kind;
  }
  return undefined;
}

function reader(kind: AccountKind, data: Uint8Array): ByteReader {
  if (identifyAccount(data) !== kind) throw new Error(`not an Amplify ${kind} account`);
  if (data[8] !== ACCOUNT_VERSION) throw new Error(`unsupported ${kind} version ${data[8]}`);
  return new ByteReader(data);
}

export function decodeConfig(data: Uint8Array): ConfigAccount {
  const r = reader("config", data);
  const pending = r.address(G.pendingAuthority);
  return {
    ampLive: r.u8(G.ampLive) !== 0,
    bump: r.u8(G.bump),
    paused: r.u8(G.paused) !== 0,
    vaultBump: r.u8(G.vaultBump),
    authority: r.address(G.authority),
    pendingAuthority: r.bytes(G.pendingAuthority, 32).every((b) => b === 0) ? null : pending,
    treasury: r.address(G.treasury),
    feeBps: r.u16(G.feeBps),
  };
}

export function decodeFeeVault(data: Uint8Array): FeeVaultAccount {
  const r = reader("feeVault", data);
  return { bump: r.u8(V.bump), config: r.address(V.config) };
}

export function decodeWorkerProfile(data: Uint8Array): WorkerProfileAccount {
  const r = reader("workerProfile", data);
  return {
    bump: r.u8(W.bump),
    worker: r.address(W.worker),
    x25519PublicKey: r.bytes(W.x25519, 32),
    rating: r.u32(W.rating),
    reviewCount: r.u32(W.reviewCount),
    rated: r.u32(W.reviewCount) > 0,
    weight: r.u64(W.weight),
    weightedSum: r.u64(W.weightedSum),
    lastReviewAt: r.i64(W.lastReviewAt),
    acceptedCount: r.u32(W.acceptedCount),
    submittedCount: r.u32(W.submittedCount),
    expiredCount: r.u32(W.expiredCount),
    windowAnchor: r.u32(W.windowAnchor),
    registeredAt: r.i64(W.registeredAt),
    windowStart: r.i64(W.windowStart),
    earned: r.u64(W.earned),
    ampPending: r.u64(W.ampPending),
    requesterWindow: r.i64(W.requesterWindow),
    requesters: Array.from({ length: INDEPENDENCE_SLOTS }, (_, i) => ({
      tag: r.u64(W.requesterTags + 8 * i),
      fees: r.u64(W.requesterFees + 8 * i),
    })),
  };
}

export function decodeCampaign(data: Uint8Array): CampaignAccount {
  const r = reader("campaign", data);
  return {
    bump: r.u8(C.bump),
    escrowBump: r.u8(C.escrowBump),
    isPrivate: r.u8(C.isPrivate) !== 0,
    admitUnrated: r.u8(C.admitUnrated) !== 0,
    requester: r.address(C.requester),
    id: r.u64(C.id),
    price: r.u64(C.price),
    escrowBalance: r.u64(C.escrowBalance),
    deadline: r.i64(C.deadline),
    assignmentTimeout: r.i64(C.assignmentTimeout),
    createdAt: r.i64(C.createdAt),
    taskCount: r.u32(C.taskCount),
    replication: r.u16(C.replication),
    minRating: r.u16(C.minRating),
    maxShareBps: r.u16(C.maxShareBps),
    openAssignments: r.u32(C.openAssignments),
    submittedCount: r.u32(C.submittedCount),
    reviewedCount: r.u32(C.reviewedCount),
    reviewWindow: r.i64(C.reviewWindow),
    endedAt: r.i64(C.endedAt),
    pageCount: r.u16(C.pageCount),
    pagesCreated: r.u16(C.pagesCreated),
    tasksRoot: r.bytes(C.tasksRoot, 32),
    labelSchemaHash: r.bytes(C.labelSchemaHash, 32),
    metadataUri: decodeUtf8(r.bytes(C.metadataUri, r.u16(C.metadataUriLen))),
  };
}

export function decodeEscrow(data: Uint8Array): EscrowAccount {
  const r = reader("escrow", data);
  return { bump: r.u8(E.bump), campaign: r.address(E.campaign) };
}

export function decodeTaskPage(data: Uint8Array): TaskPageAccount {
  const r = reader("taskPage", data);
  return {
    bump: r.u8(P.bump),
    page: r.u16(P.page),
    campaign: r.address(P.campaign),
    slots: r.bytes(P.slots, r.u32(P.count)),
  };
}

export function decodeAssignment(data: Uint8Array): AssignmentAccount {
  const r = reader("assignment", data);
  return {
    bump: r.u8(A.bump),
    state: r.u8(A.state) as AssignmentState,
    campaign: r.address(A.campaign),
    worker: r.address(A.worker),
    taskIndex: r.u32(A.taskIndex),
    acceptedAt: r.i64(A.acceptedAt),
    expiresAt: r.i64(A.expiresAt),
    wrappedKey: r.bytes(A.wrappedKey, 104),
  };
}

export function decodeShare(data: Uint8Array): ShareAccount {
  const r = reader("share", data);
  return {
    bump: r.u8(S.bump),
    campaign: r.address(S.campaign),
    worker: r.address(S.worker),
    nextIndex: r.u32(S.nextIndex),
    taken: r.u32(S.taken),
    open: r.u32(S.open),
    submitted: r.u32(S.submitted),
    pendingReviews: r.u32(S.pendingReviews),
    reviewed: r.u32(S.reviewed),
    paid: r.u64(S.paid),
    resultsHash: r.bytes(S.resultsHash, 32),
  };
}
