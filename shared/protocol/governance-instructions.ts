// Builders for the AMP and governance instructions (program/src/governance.c, proposal.c,
// model.c). PDAs and associated token accounts are derived when not given.
import { addressOf, readonlyMeta, signerMeta, writableMeta } from "./account-metas";
import { ByteWriter } from "../bytes";
import { BPF_LOADER_UPGRADEABLE_ADDRESS, findProgramDataAddress } from "../loader/addresses";
import { build, pda } from "./instructions";
import {
  findAmpMintPda,
  findConfigPda,
  findFeeVaultPda,
  findGovernancePda,
  findModelPda,
  findProposalPda,
  findStakePda,
  findStakeVaultPda,
  findVoteRecordPda,
  findWorkerProfilePda,
} from "./pdas";
import { amplifyProgramAddress, SYSTEM_PROGRAM_ADDRESS } from "./program-address";
import { findAssociatedTokenAddress, TOKEN_PROGRAM_ADDRESS } from "./spl-token";
import { modelId, ProposalKind } from "./governance-accounts";
import type { SignerInput } from "./account-metas";
import type { AmplifyInstruction, ProgramOverride } from "./instructions";
import type { Address } from "@solana/kit";

export interface GovernanceParameters {
  /** Stake (AMP base units) a proposer needs. */
  proposalThreshold: bigint;
  votingPeriod: bigint;
  timelock: bigint;
  cooldown: bigint;
  /** AMP base units minted per lamport of fee at a review score of 100. */
  ampRate: bigint;
  /** AMP the config authority may mint (mint_genesis) before governance takes over. */
  genesisCap: bigint;
  quorumBps: number;
  stakerBps: number;
  authorBps: number;
}

/** Defaults: 1 AMP to propose, 3-day vote, 2-day timelock, 7-day cool-down, 1 AMP per SOL of fees, 80 % of fees to stakers. */
export const DEFAULT_GOVERNANCE_PARAMETERS: GovernanceParameters = {
  proposalThreshold: 1_000_000_000n,
  votingPeriod: 3n * 86_400n,
  timelock: 2n * 86_400n,
  cooldown: 7n * 86_400n,
  ampRate: 1n,
  genesisCap: 1_000_000_000_000_000n,
  quorumBps: 1000,
  stakerBps: 8000,
  authorBps: 2000,
};

export interface InitGovernanceInput extends ProgramOverride {
  /** The config authority: signs and pays the rent of the governance account, the mint and the stake vault. */
  authority: SignerInput;
  parameters?: Partial<GovernanceParameters>;
}

export async function getInitGovernanceInstruction(input: InitGovernanceInput): Promise<AmplifyInstruction> {
  const p = { ...DEFAULT_GOVERNANCE_PARAMETERS, ...input.parameters };
  const program = input.programAddress;
  return build(
    "initGovernance",
    [
      signerMeta(input.authority, true),
      writableMeta((await findConfigPda(program))[0]),
      writableMeta((await findGovernancePda(program))[0]),
      writableMeta((await findAmpMintPda(program))[0]),
      writableMeta((await findStakeVaultPda(program))[0]),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
      readonlyMeta(TOKEN_PROGRAM_ADDRESS),
    ],
    new ByteWriter()
      .u64(p.proposalThreshold)
      .u64(p.votingPeriod)
      .u64(p.timelock)
      .u64(p.cooldown)
      .u64(p.ampRate)
      .u64(p.genesisCap)
      .u16(p.quorumBps)
      .u16(p.stakerBps)
      .u16(p.authorBps),
    program,
  );
}

/** The AMP mint's address for this program. */
export async function ampMintAddress(programAddress?: Address): Promise<Address> {
  return (await findAmpMintPda(programAddress))[0];
}

/** A wallet's AMP associated token account. */
export async function ampAccountOf(owner: Address, programAddress?: Address): Promise<Address> {
  return findAssociatedTokenAddress(owner, await ampMintAddress(programAddress));
}

export interface MintGenesisInput extends ProgramOverride {
  authority: SignerInput;
  /** Any AMP token account (the recipient's associated one, usually). */
  destination: Address;
  amount: bigint;
}

export async function getMintGenesisInstruction(input: MintGenesisInput): Promise<AmplifyInstruction> {
  const program = input.programAddress;
  return build(
    "mintGenesis",
    [
      signerMeta(input.authority, false),
      readonlyMeta((await findConfigPda(program))[0]),
      writableMeta((await findGovernancePda(program))[0]),
      writableMeta((await findAmpMintPda(program))[0]),
      writableMeta(input.destination),
      readonlyMeta(TOKEN_PROGRAM_ADDRESS),
    ],
    new ByteWriter().u64(input.amount),
    program,
  );
}

/** Permissionless second step of handing the config authority to the governance account. */
export async function getGovernanceTakeAuthorityInstruction(input: ProgramOverride = {}): Promise<AmplifyInstruction> {
  const program = input.programAddress;
  return build(
    "governanceTakeAuthority",
    [writableMeta((await findConfigPda(program))[0]), readonlyMeta((await findGovernancePda(program))[0])],
    undefined,
    program,
  );
}

export interface StakeInput extends ProgramOverride {
  owner: SignerInput;
  amount: bigint;
  /** The owner's AMP token account; default its associated one. */
  tokenAccount?: Address;
}

async function stakeAccounts(input: { owner: SignerInput } & ProgramOverride, writableOwner: boolean) {
  const owner = addressOf(input.owner);
  return [
    signerMeta(input.owner, writableOwner),
    writableMeta((await findGovernancePda(input.programAddress))[0]),
    writableMeta((await findStakePda(owner, input.programAddress))[0]),
  ];
}

export async function getStakeInstruction(input: StakeInput): Promise<AmplifyInstruction> {
  const owner = addressOf(input.owner);
  const tokens = input.tokenAccount ?? (await ampAccountOf(owner, input.programAddress));
  return build(
    "stake",
    [
      ...(await stakeAccounts(input, true)),
      writableMeta(tokens),
      writableMeta((await findStakeVaultPda(input.programAddress))[0]),
      readonlyMeta(TOKEN_PROGRAM_ADDRESS),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    ],
    new ByteWriter().u64(input.amount),
    input.programAddress,
  );
}

export async function getRequestUnstakeInstruction(input: StakeInput): Promise<AmplifyInstruction> {
  return build(
    "requestUnstake",
    await stakeAccounts(input, false),
    new ByteWriter().u64(input.amount),
    input.programAddress,
  );
}

export async function getWithdrawStakeInstruction(input: Omit<StakeInput, "amount">): Promise<AmplifyInstruction> {
  const owner = addressOf(input.owner);
  const tokens = input.tokenAccount ?? (await ampAccountOf(owner, input.programAddress));
  return build(
    "withdrawStake",
    [
      ...(await stakeAccounts(input, false)),
      writableMeta(tokens),
      writableMeta((await findStakeVaultPda(input.programAddress))[0]),
      readonlyMeta(TOKEN_PROGRAM_ADDRESS),
    ],
    undefined,
    input.programAddress,
  );
}

export async function getClaimRewardsInstruction(
  input: { owner: SignerInput } & ProgramOverride,
): Promise<AmplifyInstruction> {
  return build(
    "claimRewards",
    [...(await stakeAccounts(input, true)), writableMeta((await findFeeVaultPda(input.programAddress))[0])],
    undefined,
    input.programAddress,
  );
}

export interface ProposeInput extends ProgramOverride {
  proposer: SignerInput;
  /** governance.proposalCount: the new proposal's id. */
  id: bigint;
  kind: ProposalKind;
  valueA?: bigint;
  valueB?: bigint;
  /** Treasury spend recipient or proposed authority; the system program address when unused. */
  target?: Address;
}

export async function getProposeInstruction(input: ProposeInput): Promise<AmplifyInstruction> {
  const proposer = addressOf(input.proposer);
  const program = input.programAddress;
  return build(
    "propose",
    [
      signerMeta(input.proposer, true),
      writableMeta((await findGovernancePda(program))[0]),
      readonlyMeta((await findStakePda(proposer, program))[0]),
      writableMeta((await findProposalPda(input.id, program))[0]),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    ],
    new ByteWriter()
      .u8(input.kind)
      .u64(input.valueA ?? 0n)
      .u64(input.valueB ?? 0n)
      .address(input.target ?? SYSTEM_PROGRAM_ADDRESS),
    program,
  );
}

export interface VoteInput extends ProgramOverride {
  voter: SignerInput;
  proposalId: bigint;
  support: boolean;
  stake?: Address;
}

export async function getVoteInstruction(input: VoteInput): Promise<AmplifyInstruction> {
  const voter = addressOf(input.voter);
  const program = input.programAddress;
  const proposal = (await findProposalPda(input.proposalId, program))[0];
  const stake = await pda(input.stake, () => findStakePda(voter, program));
  return build(
    "vote",
    [
      signerMeta(input.voter, true),
      writableMeta(proposal),
      writableMeta(stake),
      writableMeta((await findVoteRecordPda(proposal, voter, program))[0]),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    ],
    new ByteWriter().u8(input.support ? 1 : 0),
    program,
  );
}

export interface ExecuteProposalInput extends ProgramOverride {
  proposalId: bigint;
  /** The proposal's target (treasury spend recipient, new upgrade authority); any account for other kinds. */
  target?: Address;
  /**
   * The proposal's kind: the upgrade kinds also pass the program's ProgramData and the upgradeable
   * loader (the program signs the loader's SetAuthority). Omitted: a config kind.
   */
  kind?: ProposalKind;
  /** Override the derived ProgramData (tests substitute another program's on purpose). */
  programData?: Address;
  /** Override the loader account (tests substitute another program on purpose). */
  loader?: Address;
}

export function isUpgradeKind(kind: ProposalKind | undefined): boolean {
  return kind === ProposalKind.SetUpgradeAuthority || kind === ProposalKind.MakeImmutable;
}

export async function getExecuteProposalInstruction(input: ExecuteProposalInput): Promise<AmplifyInstruction> {
  const program = input.programAddress;
  const upgrade = isUpgradeKind(input.kind)
    ? [
        writableMeta(input.programData ?? (await findProgramDataAddress(program ?? amplifyProgramAddress()))),
        readonlyMeta(input.loader ?? BPF_LOADER_UPGRADEABLE_ADDRESS),
      ]
    : [];
  return build(
    "executeProposal",
    [
      writableMeta((await findProposalPda(input.proposalId, program))[0]),
      writableMeta((await findGovernancePda(program))[0]),
      writableMeta((await findConfigPda(program))[0]),
      writableMeta((await findFeeVaultPda(program))[0]),
      writableMeta(input.target ?? SYSTEM_PROGRAM_ADDRESS),
      ...upgrade,
    ],
    undefined,
    program,
  );
}

export interface RegisterModelInput extends ProgramOverride {
  author: SignerInput;
  manifestSha256: Uint8Array;
  /** Override the derived record (tests pass another author's on purpose). */
  record?: Address;
}

export async function getRegisterModelInstruction(input: RegisterModelInput): Promise<AmplifyInstruction> {
  const record = await pda(input.record, () =>
    findModelPda(modelId(addressOf(input.author), input.manifestSha256), input.programAddress),
  );
  return build(
    "registerModel",
    [signerMeta(input.author, true), writableMeta(record), readonlyMeta(SYSTEM_PROGRAM_ADDRESS)],
    new ByteWriter().raw(input.manifestSha256, 32),
    input.programAddress,
  );
}

export async function getClaimAmpInstruction(
  input: { worker: SignerInput } & ProgramOverride,
): Promise<AmplifyInstruction> {
  const worker = addressOf(input.worker);
  const program = input.programAddress;
  return build(
    "claimAmp",
    [
      signerMeta(input.worker, false),
      writableMeta((await findWorkerProfilePda(worker, program))[0]),
      readonlyMeta((await findGovernancePda(program))[0]),
      writableMeta((await findAmpMintPda(program))[0]),
      writableMeta(await ampAccountOf(worker, program)),
      readonlyMeta(TOKEN_PROGRAM_ADDRESS),
    ],
    undefined,
    program,
  );
}

export interface CloseProposalInput extends ProgramOverride {
  proposalId: bigint;
  /** The proposal's proposer: its rent goes back there (the program refuses anyone else). */
  proposer: Address;
}

/** Anyone may send it once the proposal executed, failed or expired (fee payer signs outside). */
export async function getCloseProposalInstruction(input: CloseProposalInput): Promise<AmplifyInstruction> {
  const program = input.programAddress;
  return build(
    "closeProposal",
    [writableMeta((await findProposalPda(input.proposalId, program))[0]), writableMeta(input.proposer)],
    undefined,
    program,
  );
}

export interface CloseVoteInput extends ProgramOverride {
  proposalId: bigint;
  /** The voter: the record's rent goes back there (the program refuses anyone else). */
  voter: Address;
  /** Override the derived record (tests pass another voter's on purpose). */
  record?: Address;
}

/** Anyone may send it once the proposal's voting period is over (or the proposal is closed). */
export async function getCloseVoteInstruction(input: CloseVoteInput): Promise<AmplifyInstruction> {
  const program = input.programAddress;
  const proposal = (await findProposalPda(input.proposalId, program))[0];
  const record = await pda(input.record, () => findVoteRecordPda(proposal, input.voter, program));
  return build(
    "closeVote",
    [writableMeta(record), readonlyMeta(proposal), writableMeta(input.voter)],
    undefined,
    program,
  );
}
