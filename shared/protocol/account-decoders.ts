// Decoders for every program account. Each checks size, discriminator and version first, so a
// decoder never silently reads an account of another kind.
import { ACCOUNT_SIZES, ACCOUNT_VERSION, ASSIGNMENT_OFFSETS as A, CAMPAIGN_OFFSETS as C, CONFIG_OFFSETS as G, DISCRIMINATORS,
  ESCROW_OFFSETS as E, SHARE_OFFSETS as S, TASK_OFFSETS as T, WORKER_PROFILE_OFFSETS as W } from "./account-layouts";
import { ByteReader, decodeUtf8 } from "./bytes";
import type { AccountKind, AssignmentState } from "./account-layouts";
import type { Address } from "@solana/kit";

export interface ConfigAccount {
  bump: number;
  paused: boolean;
  authority: Address;
  treasury: Address;
  feeBps: number;
}

export interface WorkerProfileAccount {
  bump: number;
  worker: Address;
  x25519PublicKey: Uint8Array;
  /** 0..10000 (hundredths of a percent). RATING_PRIOR while reviewCount is 0. */
  rating: number;
  reviewCount: number;
  weight: bigint;
  weightedSum: bigint;
  lastReviewAt: bigint;
  acceptedCount: number;
  submittedCount: number;
  expiredCount: number;
  registeredAt: bigint;
}

export interface CampaignAccount {
  bump: number;
  escrowBump: number;
  isPrivate: boolean;
  isClosed: boolean;
  requester: Address;
  id: bigint;
  price: bigint;
  escrowBalance: bigint;
  deadline: bigint;
  assignmentTimeout: bigint;
  createdAt: bigint;
  maxTasks: number;
  taskCount: number;
  replication: number;
  minRating: number;
  maxShareBps: number;
  openAssignments: number;
  submittedCount: number;
  reviewedCount: number;
  labelSchemaHash: Uint8Array;
  metadataUri: string;
}

export interface EscrowAccount {
  bump: number;
  campaign: Address;
}

export interface TaskAccount {
  bump: number;
  campaign: Address;
  index: number;
  slotsTaken: number;
  slotsSubmitted: number;
  dataHash: Uint8Array;
  uri: string;
}

export interface AssignmentAccount {
  bump: number;
  state: AssignmentState;
  score: number;
  campaign: Address;
  task: Address;
  worker: Address;
  acceptedAt: bigint;
  expiresAt: bigint;
  submittedAt: bigint;
  reviewedAt: bigint;
  taskIndex: number;
  /** 104 bytes, all zero until grant_key: ephemeral X25519 public key, nonce, nacl.box. */
  wrappedKey: Uint8Array;
  resultHash: Uint8Array;
  resultUri: string;
}

export interface ShareAccount {
  bump: number;
  campaign: Address;
  worker: Address;
  taken: number;
}

/** Which kind of Amplify account these bytes hold, or undefined. */
export function identifyAccount(data: Uint8Array): AccountKind | undefined {
  for (const [kind, disc] of Object.entries(DISCRIMINATORS) as [AccountKind, Uint8Array][]) {
    if (data.length === ACCOUNT_SIZES[kind] && disc.every((b, i) => data[i] === b)) return kind;
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
  return { bump: r.u8(G.bump), paused: r.u8(G.paused) !== 0, authority: r.address(G.authority), treasury: r.address(G.treasury),
    feeBps: r.u16(G.feeBps) };
}

export function decodeWorkerProfile(data: Uint8Array): WorkerProfileAccount {
  const r = reader("workerProfile", data);
  return {
    bump: r.u8(W.bump), worker: r.address(W.worker), x25519PublicKey: r.bytes(W.x25519, 32), rating: r.u32(W.rating),
    reviewCount: r.u32(W.reviewCount), weight: r.u64(W.weight), weightedSum: r.u64(W.weightedSum),
    lastReviewAt: r.i64(W.lastReviewAt), acceptedCount: r.u32(W.acceptedCount), submittedCount: r.u32(W.submittedCount),
    expiredCount: r.u32(W.expiredCount), registeredAt: r.i64(W.registeredAt),
  };
}

export function decodeCampaign(data: Uint8Array): CampaignAccount {
  const r = reader("campaign", data);
  return {
    bump: r.u8(C.bump), escrowBump: r.u8(C.escrowBump), isPrivate: r.u8(C.isPrivate) !== 0, isClosed: r.u8(C.isClosed) !== 0,
    requester: r.address(C.requester), id: r.u64(C.id), price: r.u64(C.price), escrowBalance: r.u64(C.escrowBalance),
    deadline: r.i64(C.deadline), assignmentTimeout: r.i64(C.assignmentTimeout), createdAt: r.i64(C.createdAt),
    maxTasks: r.u32(C.maxTasks), taskCount: r.u32(C.taskCount), replication: r.u16(C.replication), minRating: r.u16(C.minRating),
    maxShareBps: r.u16(C.maxShareBps), openAssignments: r.u32(C.openAssignments), submittedCount: r.u32(C.submittedCount),
    reviewedCount: r.u32(C.reviewedCount), labelSchemaHash: r.bytes(C.labelSchemaHash, 32),
    metadataUri: decodeUtf8(r.bytes(C.metadataUri, r.u16(C.metadataUriLen))),
  };
}

export function decodeEscrow(data: Uint8Array): EscrowAccount {
  const r = reader("escrow", data);
  return { bump: r.u8(E.bump), campaign: r.address(E.campaign) };
}

export function decodeTask(data: Uint8Array): TaskAccount {
  const r = reader("task", data);
  return {
    bump: r.u8(T.bump), campaign: r.address(T.campaign), index: r.u32(T.index), slotsTaken: r.u16(T.slotsTaken),
    slotsSubmitted: r.u16(T.slotsSubmitted), dataHash: r.bytes(T.dataHash, 32), uri: decodeUtf8(r.bytes(T.uri, r.u16(T.uriLen))),
  };
}

export function decodeAssignment(data: Uint8Array): AssignmentAccount {
  const r = reader("assignment", data);
  return {
    bump: r.u8(A.bump), state: r.u8(A.state) as AssignmentState, score: r.u8(A.score), campaign: r.address(A.campaign),
    task: r.address(A.task), worker: r.address(A.worker), acceptedAt: r.i64(A.acceptedAt), expiresAt: r.i64(A.expiresAt),
    submittedAt: r.i64(A.submittedAt), reviewedAt: r.i64(A.reviewedAt), taskIndex: r.u32(A.taskIndex),
    wrappedKey: r.bytes(A.wrappedKey, 104), resultHash: r.bytes(A.resultHash, 32),
    resultUri: decodeUtf8(r.bytes(A.resultUri, r.u16(A.resultUriLen))),
  };
}

export function decodeShare(data: Uint8Array): ShareAccount {
  const r = reader("share", data);
  return { bump: r.u8(S.bump), campaign: r.address(S.campaign), worker: r.address(S.worker), taken: r.u32(S.taken) };
}
