// Events the program logs with sol_log_data on every state change (program/src/events.c,
// README "Events"). Each is one "Program data: <base64>" log line holding
// [version u8 = 1][kind u8][payload: little-endian fields in the order below]. Feeds decode
// these from logsSubscribe / getTransaction instead of scanning accounts.
import { getAddressDecoder, getBase64Encoder } from "@solana/kit";
import { decodeUtf8 } from "../bytes";
import { amplifyProgramAddress } from "./program-address";
import type { Address } from "@solana/kit";

export const EVENT_VERSION = 1;

export const EVENT_KINDS = {
  configUpdated: 1,
  feesWithdrawn: 2,
  workerRegistered: 3,
  campaignPosted: 4,
  taskPageAdded: 5,
  taskAccepted: 6,
  keyGranted: 7,
  resultSubmitted: 8,
  reviewPosted: 9,
  assignmentReleased: 10,
  campaignEnded: 11,
  campaignClosed: 12,
  shareClosed: 13,
  governanceInitialized: 14,
  stakeChanged: 15,
  rewardsClaimed: 16,
  proposalCreated: 17,
  voteCast: 18,
  proposalExecuted: 19,
  ampEarned: 20,
  modelRegistered: 21,
  genesisMinted: 22,
  ampClaimed: 23,
  proposalClosed: 24,
  voteClosed: 25,
} as const;

/** stakeChanged.change */
export const STAKE_CHANGES = { added: 1, unstakeRequested: 2, withdrawn: 3 } as const;

export type AmplifyEvent =
  | {
      kind: "configUpdated";
      authority: Address;
      pendingAuthority: Address | null;
      treasury: Address;
      feeBps: number;
      paused: boolean;
    }
  | { kind: "feesWithdrawn"; treasury: Address; amount: bigint }
  | { kind: "workerRegistered"; worker: Address }
  | {
      kind: "campaignPosted";
      campaign: Address;
      requester: Address;
      price: bigint;
      taskCount: number;
      replication: number;
      minRating: number;
      isPrivate: boolean;
      admitUnrated: boolean;
      deadline: bigint;
      reviewWindow: bigint;
      funding: bigint;
    }
  | { kind: "taskPageAdded"; campaign: Address; page: number; count: number; rent: bigint }
  | { kind: "taskAccepted"; campaign: Address; worker: Address; taskIndex: number; expiresAt: bigint; deposit: bigint }
  | { kind: "keyGranted"; campaign: Address; worker: Address; taskIndex: number }
  | {
      kind: "resultSubmitted";
      campaign: Address;
      worker: Address;
      taskIndex: number;
      price: bigint;
      fee: bigint;
      /** The assignment's rent, back to the worker in the same instruction. */
      depositReturned: bigint;
      rating: number;
      reviewCount: number;
      resultHash: Uint8Array;
      resultUri: string;
    }
  | {
      kind: "reviewPosted";
      campaign: Address;
      worker: Address;
      taskIndex: number;
      score: number;
      /** 16.16 fixed point: 65536 = a full-weight review. */
      weight: number;
      ratingBefore: number;
      ratingAfter: number;
      reviewCount: number;
    }
  | { kind: "assignmentReleased"; campaign: Address; worker: Address; taskIndex: number; depositReturned: bigint }
  | { kind: "campaignEnded"; campaign: Address; endedAt: bigint }
  | { kind: "campaignClosed"; campaign: Address; submitted: number; reviewed: number; refund: bigint }
  | { kind: "shareClosed"; campaign: Address; worker: Address; depositReturned: bigint; lapsedReviews: number }
  | {
      kind: "governanceInitialized";
      mint: Address;
      stakeVault: Address;
      genesisCap: bigint;
      ampRate: bigint;
      stakerBps: number;
    }
  | {
      kind: "stakeChanged";
      owner: Address;
      change: number;
      amount: bigint;
      staked: bigint;
      unbonding: bigint;
      unbondingReadyAt: bigint;
      totalStaked: bigint;
    }
  | { kind: "rewardsClaimed"; owner: Address; amount: bigint; claimedTotal: bigint }
  | {
      kind: "proposalCreated";
      id: bigint;
      proposer: Address;
      proposalKind: number;
      valueA: bigint;
      valueB: bigint;
      target: Address;
      votingEndsAt: bigint;
      executableAt: bigint;
    }
  | {
      kind: "voteCast";
      id: bigint;
      voter: Address;
      support: boolean;
      weight: bigint;
      forVotes: bigint;
      againstVotes: bigint;
    }
  | {
      kind: "proposalExecuted";
      id: bigint;
      proposalKind: number;
      valueA: bigint;
      forVotes: bigint;
      againstVotes: bigint;
    }
  | {
      kind: "ampEarned";
      campaign: Address;
      worker: Address;
      taskIndex: number;
      /** AMP base units for the worker. */
      amount: bigint;
      /** false: credited to the profile until claim_amp (the worker had no AMP token account). */
      minted: boolean;
      /** The first guess's model author, or null. */
      author: Address | null;
      authorAmount: bigint;
    }
  | { kind: "modelRegistered"; modelId: Uint8Array; author: Address; manifestSha256: Uint8Array }
  | { kind: "genesisMinted"; destination: Address; amount: bigint; mintedTotal: bigint }
  | { kind: "ampClaimed"; worker: Address; amount: bigint }
  | { kind: "proposalClosed"; id: bigint; executed: boolean; proposer: Address; rent: bigint }
  /** id is 0 when the proposal had already been closed. */
  | { kind: "voteClosed"; proposal: Address; id: bigint; voter: Address; rent: bigint };

export type AmplifyEventKind = AmplifyEvent["kind"];
export type EventOf<K extends AmplifyEventKind> = Extract<AmplifyEvent, { kind: K }>;

const addressDecoder = getAddressDecoder();

class Cursor {
  private at = 2;
  private readonly view: DataView;
  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private take(n: number): number {
    if (this.at + n > this.data.length) throw new RangeError("event truncated");
    const start = this.at;
    this.at += n;
    return start;
  }
  u8(): number {
    return this.view.getUint8(this.take(1));
  }
  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }
  u64(): bigint {
    return this.view.getBigUint64(this.take(8), true);
  }
  i64(): bigint {
    return this.view.getBigInt64(this.take(8), true);
  }
  bytes(n: number): Uint8Array {
    const s = this.take(n);
    return this.data.slice(s, s + n);
  }
  address(): Address {
    return addressDecoder.decode(this.data.subarray(this.take(32), this.at));
  }
  optionalAddress(): Address | null {
    const b = this.data.slice(this.at, this.at + 32);
    const a = this.address();
    return b.every((x) => x === 0) ? null : a;
  }
  done(): void {
    if (this.at !== this.data.length) throw new RangeError("event has trailing bytes");
  }
}

/** One event from its raw bytes; throws on an unknown version or kind, or a malformed payload. */
export function decodeEvent(bytes: Uint8Array): AmplifyEvent {
  if (bytes.length < 2) throw new RangeError("event too short");
  if (bytes[0] !== EVENT_VERSION) throw new RangeError(`unsupported event version ${bytes[0]}`);
  const c = new Cursor(bytes);
  let event: AmplifyEvent;
  switch (bytes[1]) {
    case EVENT_KINDS.configUpdated:
      event = {
        kind: "configUpdated",
        authority: c.address(),
        pendingAuthority: c.optionalAddress(),
        treasury: c.address(),
        feeBps: c.u16(),
        paused: c.u8() !== 0,
      };
      break;
    case EVENT_KINDS.feesWithdrawn:
      event = { kind: "feesWithdrawn", treasury: c.address(), amount: c.u64() };
      break;
    case EVENT_KINDS.workerRegistered:
      event = { kind: "workerRegistered", worker: c.address() };
      break;
    case EVENT_KINDS.campaignPosted: {
      const campaign = c.address(),
        requester = c.address(),
        price = c.u64(),
        taskCount = c.u32(),
        replication = c.u16(),
        minRating = c.u16();
      const flags = c.u8();
      event = {
        kind: "campaignPosted",
        campaign,
        requester,
        price,
        taskCount,
        replication,
        minRating,
        isPrivate: (flags & 1) !== 0,
        admitUnrated: (flags & 2) !== 0,
        deadline: c.i64(),
        reviewWindow: c.i64(),
        funding: c.u64(),
      };
      break;
    }
    case EVENT_KINDS.taskPageAdded:
      event = { kind: "taskPageAdded", campaign: c.address(), page: c.u16(), count: c.u32(), rent: c.u64() };
      break;
    case EVENT_KINDS.taskAccepted:
      event = {
        kind: "taskAccepted",
        campaign: c.address(),
        worker: c.address(),
        taskIndex: c.u32(),
        expiresAt: c.i64(),
        deposit: c.u64(),
      };
      break;
    case EVENT_KINDS.keyGranted:
      event = { kind: "keyGranted", campaign: c.address(), worker: c.address(), taskIndex: c.u32() };
      break;
    case EVENT_KINDS.resultSubmitted: {
      const campaign = c.address(),
        worker = c.address(),
        taskIndex = c.u32(),
        price = c.u64(),
        fee = c.u64(),
        depositReturned = c.u64();
      const rating = c.u32(),
        reviewCount = c.u32(),
        resultHash = c.bytes(32),
        uriLength = c.u8();
      event = {
        kind: "resultSubmitted",
        campaign,
        worker,
        taskIndex,
        price,
        fee,
        depositReturned,
        rating,
        reviewCount,
        resultHash,
        resultUri: decodeUtf8(c.bytes(uriLength)),
      };
      break;
    }
    case EVENT_KINDS.reviewPosted:
      event = {
        kind: "reviewPosted",
        campaign: c.address(),
        worker: c.address(),
        taskIndex: c.u32(),
        score: c.u8(),
        weight: c.u32(),
        ratingBefore: c.u32(),
        ratingAfter: c.u32(),
        reviewCount: c.u32(),
      };
      break;
    case EVENT_KINDS.assignmentReleased:
      event = {
        kind: "assignmentReleased",
        campaign: c.address(),
        worker: c.address(),
        taskIndex: c.u32(),
        depositReturned: c.u64(),
      };
      break;
    case EVENT_KINDS.campaignEnded:
      event = { kind: "campaignEnded", campaign: c.address(), endedAt: c.i64() };
      break;
    case EVENT_KINDS.campaignClosed:
      event = { kind: "campaignClosed", campaign: c.address(), submitted: c.u32(), reviewed: c.u32(), refund: c.u64() };
      break;
    case EVENT_KINDS.shareClosed:
      event = {
        kind: "shareClosed",
        campaign: c.address(),
        worker: c.address(),
        depositReturned: c.u64(),
        lapsedReviews: c.u32(),
      };
      break;
    case EVENT_KINDS.governanceInitialized:
      event = {
        kind: "governanceInitialized",
        mint: c.address(),
        stakeVault: c.address(),
        genesisCap: c.u64(),
        ampRate: c.u64(),
        stakerBps: c.u16(),
      };
      break;
    case EVENT_KINDS.stakeChanged:
      event = {
        kind: "stakeChanged",
        owner: c.address(),
        change: c.u8(),
        amount: c.u64(),
        staked: c.u64(),
        unbonding: c.u64(),
        unbondingReadyAt: c.i64(),
        totalStaked: c.u64(),
      };
      break;
    case EVENT_KINDS.rewardsClaimed:
      event = { kind: "rewardsClaimed", owner: c.address(), amount: c.u64(), claimedTotal: c.u64() };
      break;
    case EVENT_KINDS.proposalCreated:
      event = {
        kind: "proposalCreated",
        id: c.u64(),
        proposer: c.address(),
        proposalKind: c.u8(),
        valueA: c.u64(),
        valueB: c.u64(),
        target: c.address(),
        votingEndsAt: c.i64(),
        executableAt: c.i64(),
      };
      break;
    case EVENT_KINDS.voteCast:
      event = {
        kind: "voteCast",
        id: c.u64(),
        voter: c.address(),
        support: c.u8() === 1,
        weight: c.u64(),
        forVotes: c.u64(),
        againstVotes: c.u64(),
      };
      break;
    case EVENT_KINDS.proposalExecuted:
      event = {
        kind: "proposalExecuted",
        id: c.u64(),
        proposalKind: c.u8(),
        valueA: c.u64(),
        forVotes: c.u64(),
        againstVotes: c.u64(),
      };
      break;
    case EVENT_KINDS.ampEarned: {
      const campaign = c.address();
      const worker = c.address();
      const taskIndex = c.u32();
      const amount = c.u64();
      const minted = c.u8() === 1;
      const authorBytes = c.bytes(32);
      const author = authorBytes.every((b) => b === 0) ? null : addressDecoder.decode(authorBytes);
      event = { kind: "ampEarned", campaign, worker, taskIndex, amount, minted, author, authorAmount: c.u64() };
      break;
    }
    case EVENT_KINDS.modelRegistered:
      event = { kind: "modelRegistered", modelId: c.bytes(32), author: c.address(), manifestSha256: c.bytes(32) };
      break;
    case EVENT_KINDS.genesisMinted:
      event = { kind: "genesisMinted", destination: c.address(), amount: c.u64(), mintedTotal: c.u64() };
      break;
    case EVENT_KINDS.ampClaimed:
      event = { kind: "ampClaimed", worker: c.address(), amount: c.u64() };
      break;
    case EVENT_KINDS.proposalClosed:
      event = { kind: "proposalClosed", id: c.u64(), executed: c.u8() !== 0, proposer: c.address(), rent: c.u64() };
      break;
    case EVENT_KINDS.voteClosed:
      event = { kind: "voteClosed", proposal: c.address(), id: c.u64(), voter: c.address(), rent: c.u64() };
      break;
    default:
      throw new RangeError(`unknown event kind ${bytes[1]}`);
  }
  c.done();
  return event;
}

const base64 = getBase64Encoder();
const INVOKE = /^Program (\w+) invoke \[\d+\]$/;
const EXIT = /^Program (\w+) (success|failed)/;

/**
 * The Amplify events in a transaction's log messages, in order. Only "Program data:" lines
 * written while the Amplify program itself is executing count (a program it calls, or one that
 * calls it, cannot forge them); lines that do not decode are skipped.
 */
export function decodeEventsFromLogs(
  logs: readonly string[],
  programAddress: Address = amplifyProgramAddress(),
): AmplifyEvent[] {
  const stack: string[] = [];
  const events: AmplifyEvent[] = [];
  for (const line of logs) {
    const invoke = INVOKE.exec(line);
    if (invoke) {
      stack.push(invoke[1]!);
      continue;
    }
    if (EXIT.test(line)) {
      stack.pop();
      continue;
    }
    if (!line.startsWith("Program data: ") || stack.at(-1) !== programAddress) continue;
    const parts = line.slice("Program data: ".length).trim().split(" ");
    if (parts.length !== 1) continue;
    try {
      events.push(decodeEvent(new Uint8Array(base64.encode(parts[0]!))));
    } catch {
      // Not one of ours (or a newer version): ignored, never guessed at.
    }
  }
  return events;
}
