// AMP and governance accounts (program/include/amplify.h: Governance, Stake, Proposal,
// VoteRecord, ModelRecord): sizes, offsets, decoders and the constants the program enforces.
import { addressBytes, ByteReader } from "../bytes";
import { sha256 } from "./sha256";
import type { Address } from "@solana/kit";

export const AMP_DECIMALS = 9;
/** Most of each fee stakers may receive: a sole staker who wash-trades still loses 10 % of every fee. */
export const STAKER_BPS_MAX = 9000;
export const AUTHOR_BPS_MAX = 5000;
export const AMP_RATE_MAX = 1_000_000n;
export const GOVERNANCE_PERIOD_MAX_SECONDS = 31_536_000n;

export const GOVERNANCE_ACCOUNT_SIZES = {
  governance: 224,
  stake: 120,
  proposal: 168,
  voteRecord: 96,
  modelRecord: 128,
} as const;

export const ProposalKind = {
  SetFee: 0,
  SetRewards: 1,
  SetPaused: 2,
  TreasurySpend: 3,
  SetAuthority: 4,
  /** target: the program's new upgrade authority (the governance account must be the current one). */
  SetUpgradeAuthority: 5,
  /** No values: the program's upgrade authority becomes None, irreversibly. */
  MakeImmutable: 6,
} as const;
export type ProposalKind = (typeof ProposalKind)[keyof typeof ProposalKind];

export const PROPOSAL_KIND_NAMES: Record<ProposalKind, string> = {
  0: "set fee",
  1: "set reward rates",
  2: "pause",
  3: "treasury spend",
  4: "new config authority",
  5: "new upgrade authority",
  6: "make the program immutable",
};

function header(data: Uint8Array, disc: string, size: number, what: string): ByteReader {
  const ok = data.length === size && [...disc].every((ch, i) => data[i] === ch.charCodeAt(0)) && data[8] === 2;
  if (!ok) throw new Error(`not an Amplify ${what} account`);
  return new ByteReader(data);
}

export interface GovernanceAccount {
  bump: number;
  mint: Address;
  stakeVault: Address;
  /** Lamports per staked AMP base unit × 2^64. */
  accumulator: bigint;
  accumulatorRemainder: bigint;
  totalStaked: bigint;
  distributed: bigint;
  claimed: bigint;
  proposalCount: bigint;
  proposalThreshold: bigint;
  votingPeriod: bigint;
  timelock: bigint;
  cooldown: bigint;
  ampRate: bigint;
  genesisCap: bigint;
  genesisMinted: bigint;
  ampEarned: bigint;
  quorumBps: number;
  stakerBps: number;
  authorBps: number;
}

export function decodeGovernance(data: Uint8Array): GovernanceAccount {
  const r = header(data, "AMPGOVRN", GOVERNANCE_ACCOUNT_SIZES.governance, "governance");
  return {
    bump: r.u8(9),
    mint: r.address(16),
    stakeVault: r.address(48),
    accumulator: (r.u64(88) << 64n) | r.u64(80),
    accumulatorRemainder: r.u64(96),
    totalStaked: r.u64(104),
    distributed: r.u64(112),
    claimed: r.u64(120),
    proposalCount: r.u64(128),
    proposalThreshold: r.u64(136),
    votingPeriod: r.i64(144),
    timelock: r.i64(152),
    cooldown: r.i64(160),
    ampRate: r.u64(168),
    genesisCap: r.u64(176),
    genesisMinted: r.u64(184),
    ampEarned: r.u64(192),
    quorumBps: r.u16(200),
    stakerBps: r.u16(202),
    authorBps: r.u16(204),
  };
}

export interface StakeAccount {
  owner: Address;
  amount: bigint;
  /** The accumulator when this stake was last settled. */
  accumulator: bigint;
  pending: bigint;
  unbonding: bigint;
  unbondingReadyAt: bigint;
  changedSlot: bigint;
  lockedUntil: bigint;
  claimed: bigint;
}

export function decodeStake(data: Uint8Array): StakeAccount {
  const r = header(data, "AMPSTAKE", GOVERNANCE_ACCOUNT_SIZES.stake, "stake");
  return {
    owner: r.address(16),
    amount: r.u64(48),
    accumulator: (r.u64(64) << 64n) | r.u64(56),
    pending: r.u64(72),
    unbonding: r.u64(80),
    unbondingReadyAt: r.i64(88),
    changedSlot: r.u64(96),
    lockedUntil: r.i64(104),
    claimed: r.u64(112),
  };
}

export interface ProposalAccount {
  kind: ProposalKind;
  executed: boolean;
  proposer: Address;
  target: Address;
  id: bigint;
  valueA: bigint;
  valueB: bigint;
  snapshotSlot: bigint;
  createdAt: bigint;
  votingEndsAt: bigint;
  executableAt: bigint;
  forVotes: bigint;
  againstVotes: bigint;
  totalStaked: bigint;
  quorum: bigint;
}

export function decodeProposal(data: Uint8Array): ProposalAccount {
  const r = header(data, "AMPPPOSL", GOVERNANCE_ACCOUNT_SIZES.proposal, "proposal");
  return {
    kind: r.u8(10) as ProposalKind,
    executed: r.u8(11) !== 0,
    proposer: r.address(16),
    target: r.address(48),
    id: r.u64(80),
    valueA: r.u64(88),
    valueB: r.u64(96),
    snapshotSlot: r.u64(104),
    createdAt: r.i64(112),
    votingEndsAt: r.i64(120),
    executableAt: r.i64(128),
    forVotes: r.u64(136),
    againstVotes: r.u64(144),
    totalStaked: r.u64(152),
    quorum: r.u64(160),
  };
}

/** Where a proposal stands at `now` (unix seconds), as execute_proposal would judge it. */
export function proposalStatus(
  p: ProposalAccount,
  now: bigint,
): "voting" | "failed" | "timelocked" | "executable" | "expired" | "executed" {
  if (p.executed) return "executed";
  if (now < p.votingEndsAt) return "voting";
  const passed = p.forVotes > p.againstVotes && p.forVotes + p.againstVotes >= p.quorum;
  if (!passed) return "failed";
  if (now < p.executableAt) return "timelocked";
  // A passed proposal executes within one voting period after its timelock, or never.
  return now < p.executableAt + (p.votingEndsAt - p.createdAt) ? "executable" : "expired";
}

/** close_proposal's rule: executed, or past the timelock and failed, or expired. */
export function proposalClosable(p: ProposalAccount, now: bigint): boolean {
  const status = proposalStatus(p, now);
  return status === "executed" || status === "expired" || (status === "failed" && now >= p.executableAt);
}

export interface VoteRecordAccount {
  support: boolean;
  proposal: Address;
  voter: Address;
  weight: bigint;
  castAt: bigint;
}

export function decodeVoteRecord(data: Uint8Array): VoteRecordAccount {
  const r = header(data, "AMPVVOTE", GOVERNANCE_ACCOUNT_SIZES.voteRecord, "vote record");
  return {
    support: r.u8(10) === 1,
    proposal: r.address(16),
    voter: r.address(48),
    weight: r.u64(80),
    castAt: r.i64(88),
  };
}

export interface ModelRecordAccount {
  modelId: Uint8Array;
  author: Address;
  manifestSha256: Uint8Array;
  registeredAt: bigint;
  acceptedResults: bigint;
}

export function decodeModelRecord(data: Uint8Array): ModelRecordAccount {
  const r = header(data, "AMPMODEL", GOVERNANCE_ACCOUNT_SIZES.modelRecord, "model record");
  return {
    modelId: r.bytes(16, 32),
    author: r.address(48),
    manifestSha256: r.bytes(80, 32),
    registeredAt: r.i64(112),
    acceptedResults: r.u64(120),
  };
}

/** A model's on-chain id: sha256(author ‖ manifest sha256), so only the author can register it. */
export function modelId(author: Address, manifestSha256: Uint8Array): Uint8Array {
  if (manifestSha256.length !== 32) throw new RangeError("a manifest sha256 is 32 bytes");
  const input = new Uint8Array(64);
  input.set(addressBytes(author), 0);
  input.set(manifestSha256, 32);
  return sha256(input);
}

const AMP_UNIT = 10n ** BigInt(AMP_DECIMALS);

/** "1.5" AMP → 1,500,000,000 base units; undefined for anything that is not a non-negative amount with at most 9 decimals. */
export function parseAmp(text: string): bigint | undefined {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!match) return undefined;
  return BigInt(match[1]!) * AMP_UNIT + BigInt((match[2] ?? "").padEnd(AMP_DECIMALS, "0"));
}

/** Base units → "1.5" (no trailing zeros). */
export function formatAmp(units: bigint): string {
  const whole = units / AMP_UNIT;
  const fraction = (units % AMP_UNIT).toString().padStart(AMP_DECIMALS, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}
