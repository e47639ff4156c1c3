// Instruction builders, one per program instruction. PDAs are derived when not given; every
// account can be overridden (the adversarial tests pass forged ones on purpose).
import { addressOf, readonlyMeta, signerMeta, writableMeta } from "./account-metas";
import { CAMPAIGN_FLAGS, URI_MAX_BYTES, WRAPPED_KEY_BYTES } from "./account-layouts";
import { ByteWriter, encodeUtf8 } from "../bytes";
import { INSTRUCTION_TAGS } from "./instruction-tags";
import {
  findAssignmentPda,
  findCampaignPda,
  findConfigPda,
  findEscrowPda,
  findAmpMintPda,
  findFeeVaultPda,
  findGovernancePda,
  findModelPda,
  findSharePda,
  findTaskPagePda,
  findWorkerProfilePda,
  taskPageOf,
} from "./pdas";
import { amplifyProgramAddress, SYSTEM_PROGRAM_ADDRESS } from "./program-address";
import { findAssociatedTokenAddress, TOKEN_PROGRAM_ADDRESS } from "./spl-token";
import { findProgramDataAddress } from "../loader/addresses";
import type { AmplifyInstruction, SignerInput } from "./account-metas";
import type { InstructionName } from "./instruction-tags";
import type { AccountMeta, AccountSignerMeta, Address } from "@solana/kit";

export type { AmplifyInstruction } from "./account-metas";

export interface ProgramOverride {
  programAddress?: Address;
}

export function build(
  name: InstructionName,
  accounts: (AccountMeta | AccountSignerMeta)[],
  body: ByteWriter | undefined,
  programAddress: Address | undefined,
): AmplifyInstruction {
  const rest = body?.toBytes() ?? new Uint8Array();
  const data = new Uint8Array(1 + rest.length);
  data[0] = INSTRUCTION_TAGS[name];
  data.set(rest, 1);
  return { programAddress: programAddress ?? amplifyProgramAddress(), accounts, data };
}

function uriBytes(uri: string): Uint8Array {
  const bytes = encodeUtf8(uri);
  if (bytes.length > URI_MAX_BYTES)
    throw new RangeError(`URI is ${bytes.length} bytes; the program stores at most ${URI_MAX_BYTES}`);
  return bytes;
}

export async function pda(
  given: Address | undefined,
  derive: () => Promise<readonly [Address, number]>,
): Promise<Address> {
  return given ?? (await derive())[0];
}

export interface InitConfigInput extends ProgramOverride {
  /** Must be the program's upgrade authority (the program reads it from the ProgramData account). */
  payer: SignerInput;
  authority: Address;
  treasury: Address;
  feeBps?: number;
  config?: Address;
  feeVault?: Address;
  /** The program's ProgramData account under the upgradeable loader; derived when not given. */
  programData?: Address;
}

export async function getInitConfigInstruction(input: InitConfigInput): Promise<AmplifyInstruction> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const feeVault = await pda(input.feeVault, () => findFeeVaultPda(input.programAddress));
  const programData =
    input.programData ?? (await findProgramDataAddress(input.programAddress ?? amplifyProgramAddress()));
  const body = new ByteWriter()
    .u16(input.feeBps ?? 500)
    .address(input.authority)
    .address(input.treasury);
  return build(
    "initConfig",
    [
      signerMeta(input.payer, true),
      writableMeta(config),
      writableMeta(feeVault),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
      readonlyMeta(programData),
    ],
    body,
    input.programAddress,
  );
}

interface GovernanceInput extends ProgramOverride {
  authority: SignerInput;
  config?: Address;
}

async function governanceAccounts(input: GovernanceInput): Promise<(AccountMeta | AccountSignerMeta)[]> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  return [signerMeta(input.authority, false), writableMeta(config)];
}

export async function getSetFeeInstruction(input: GovernanceInput & { feeBps: number }): Promise<AmplifyInstruction> {
  return build("setFee", await governanceAccounts(input), new ByteWriter().u16(input.feeBps), input.programAddress);
}

export async function getSetPausedInstruction(
  input: GovernanceInput & { paused: boolean },
): Promise<AmplifyInstruction> {
  return build(
    "setPaused",
    await governanceAccounts(input),
    new ByteWriter().u8(input.paused ? 1 : 0),
    input.programAddress,
  );
}

export interface UpdateConfigInput extends GovernanceInput {
  /** Proposed next authority (it must sign accept_authority to take over); null proposes none. */
  proposedAuthority: Address | null;
  /** Where withdraw_fees pays out: a wallet, not a program or one of the program's accounts. */
  treasury: Address;
  feeVault?: Address;
}

export async function getUpdateConfigInstruction(input: UpdateConfigInput): Promise<AmplifyInstruction> {
  const feeVault = await pda(input.feeVault, () => findFeeVaultPda(input.programAddress));
  const body = new ByteWriter()
    .raw(input.proposedAuthority ? new ByteWriter().address(input.proposedAuthority).toBytes() : new Uint8Array(32), 32)
    .address(input.treasury);
  return build(
    "updateConfig",
    [...(await governanceAccounts(input)), readonlyMeta(feeVault), readonlyMeta(input.treasury)],
    body,
    input.programAddress,
  );
}

export async function getAcceptAuthorityInstruction(input: GovernanceInput): Promise<AmplifyInstruction> {
  return build("acceptAuthority", await governanceAccounts(input), undefined, input.programAddress);
}

export interface WithdrawFeesInput extends ProgramOverride {
  authority: SignerInput;
  treasury: Address;
  /** Lamports; 0n (default) takes everything above the vault's rent minimum. */
  amount?: bigint;
  config?: Address;
  feeVault?: Address;
  /** Read once AMP is live: stakers' unclaimed fees stay in the vault. */
  governance?: Address;
}

export async function getWithdrawFeesInstruction(input: WithdrawFeesInput): Promise<AmplifyInstruction> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const feeVault = await pda(input.feeVault, () => findFeeVaultPda(input.programAddress));
  const governance = await pda(input.governance, () => findGovernancePda(input.programAddress));
  return build(
    "withdrawFees",
    [
      signerMeta(input.authority, false),
      readonlyMeta(config),
      writableMeta(feeVault),
      writableMeta(input.treasury),
      readonlyMeta(governance),
    ],
    new ByteWriter().u64(input.amount ?? 0n),
    input.programAddress,
  );
}

export interface WorkerKeyInput extends ProgramOverride {
  worker: SignerInput;
  /** The worker's X25519 public key (32 bytes) that file keys are wrapped to. */
  x25519PublicKey: Uint8Array;
  profile?: Address;
}

export async function getRegisterWorkerInstruction(input: WorkerKeyInput): Promise<AmplifyInstruction> {
  const profile = await pda(input.profile, () => findWorkerProfilePda(addressOf(input.worker), input.programAddress));
  return build(
    "registerWorker",
    [signerMeta(input.worker, true), writableMeta(profile), readonlyMeta(SYSTEM_PROGRAM_ADDRESS)],
    new ByteWriter().raw(input.x25519PublicKey, 32),
    input.programAddress,
  );
}

export async function getUpdateWorkerKeyInstruction(input: WorkerKeyInput): Promise<AmplifyInstruction> {
  const profile = await pda(input.profile, () => findWorkerProfilePda(addressOf(input.worker), input.programAddress));
  return build(
    "updateWorkerKey",
    [signerMeta(input.worker, false), writableMeta(profile)],
    new ByteWriter().raw(input.x25519PublicKey, 32),
    input.programAddress,
  );
}

export interface CreateCampaignInput extends ProgramOverride {
  requester: SignerInput;
  id: bigint;
  /** Lamports paid per assignment (one worker, one task), fee included. */
  price: bigint;
  /** Tasks in the committed list (tasksRoot covers exactly these). */
  taskCount: number;
  /** 1..255 distinct workers per task. */
  replication: number;
  /** 0..10000, for rated workers. */
  minRating: number;
  /** Whether workers with no reviews yet may accept (they are not compared with minRating). */
  admitUnrated: boolean;
  /** 1..10000: the most of taskCount one worker may take. */
  maxShareBps: number;
  isPrivate: boolean;
  /** Unix seconds; no accept at or after it. */
  deadline: bigint;
  /** Seconds a worker has from accepting to submitting. */
  assignmentTimeout: bigint;
  /** Seconds after the last possible submission that reviews stay open (>= 3600). */
  reviewWindow: bigint;
  /** Merkle root of the task descriptors (computeTasksRoot). */
  tasksRoot: Uint8Array;
  labelSchemaHash: Uint8Array;
  metadataUri: string;
  config?: Address;
  campaign?: Address;
  escrow?: Address;
}

export async function getCreateCampaignInstruction(input: CreateCampaignInput): Promise<AmplifyInstruction> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const campaign = await pda(input.campaign, () =>
    findCampaignPda(addressOf(input.requester), input.id, input.programAddress),
  );
  const escrow = await pda(input.escrow, () => findEscrowPda(campaign, input.programAddress));
  const flags = (input.isPrivate ? CAMPAIGN_FLAGS.private : 0) | (input.admitUnrated ? CAMPAIGN_FLAGS.admitUnrated : 0);
  const body = new ByteWriter()
    .u64(input.id)
    .u64(input.price)
    .u32(input.taskCount)
    .u16(input.replication)
    .u16(input.minRating)
    .u16(input.maxShareBps)
    .u8(flags)
    .u64(input.deadline)
    .u64(input.assignmentTimeout)
    .u64(input.reviewWindow)
    .raw(input.tasksRoot, 32)
    .raw(input.labelSchemaHash, 32)
    .shortBytes(uriBytes(input.metadataUri), URI_MAX_BYTES);
  return build(
    "createCampaign",
    [
      signerMeta(input.requester, true),
      readonlyMeta(config),
      writableMeta(campaign),
      writableMeta(escrow),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    ],
    body,
    input.programAddress,
  );
}

export interface AddTaskPageInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  /** 0..pageCount-1; page p counts tasks p × 8192 … */
  page: number;
  pageAddress?: Address;
}

export async function getAddTaskPageInstruction(input: AddTaskPageInput): Promise<AmplifyInstruction> {
  const page = await pda(input.pageAddress, () => findTaskPagePda(input.campaign, input.page, input.programAddress));
  return build(
    "addTaskPage",
    [
      signerMeta(input.requester, true),
      writableMeta(input.campaign),
      writableMeta(page),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    ],
    new ByteWriter().u16(input.page),
    input.programAddress,
  );
}

/** Every add_task_page a campaign of `taskCount` tasks needs. */
export async function getAddTaskPageInstructions(
  input: Omit<AddTaskPageInput, "page" | "pageAddress"> & { taskCount: number },
): Promise<AmplifyInstruction[]> {
  const pages = taskPageOf(input.taskCount - 1) + 1;
  return Promise.all(Array.from({ length: pages }, (_, page) => getAddTaskPageInstruction({ ...input, page })));
}

export interface AcceptTaskInput extends ProgramOverride {
  worker: SignerInput;
  campaign: Address;
  taskIndex: number;
  config?: Address;
  profile?: Address;
  page?: Address;
  assignment?: Address;
  share?: Address;
}

export async function getAcceptTaskInstruction(input: AcceptTaskInput): Promise<AmplifyInstruction> {
  const worker = addressOf(input.worker);
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(worker, input.programAddress));
  const page = await pda(input.page, () =>
    findTaskPagePda(input.campaign, taskPageOf(input.taskIndex), input.programAddress),
  );
  const assignment = await pda(input.assignment, () =>
    findAssignmentPda(input.campaign, input.taskIndex, worker, input.programAddress),
  );
  const share = await pda(input.share, () => findSharePda(input.campaign, worker, input.programAddress));
  return build(
    "acceptTask",
    [
      signerMeta(input.worker, true),
      readonlyMeta(config),
      writableMeta(profile),
      writableMeta(input.campaign),
      writableMeta(page),
      writableMeta(assignment),
      writableMeta(share),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    ],
    new ByteWriter().u32(input.taskIndex),
    input.programAddress,
  );
}

export interface GrantKeyInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  assignment: Address;
  /** 104 bytes: ephemeral X25519 public key (32) + nonce (24) + nacl.box of the file key (48). */
  wrappedKey: Uint8Array;
}

export async function getGrantKeyInstruction(input: GrantKeyInput): Promise<AmplifyInstruction> {
  return build(
    "grantKey",
    [signerMeta(input.requester, false), readonlyMeta(input.campaign), writableMeta(input.assignment)],
    new ByteWriter().raw(input.wrappedKey, WRAPPED_KEY_BYTES),
    input.programAddress,
  );
}

export interface SubmitResultInput extends ProgramOverride {
  worker: SignerInput;
  campaign: Address;
  taskIndex: number;
  resultHash: Uint8Array;
  resultUri: string;
  config?: Address;
  feeVault?: Address;
  escrow?: Address;
  assignment?: Address;
  share?: Address;
  profile?: Address;
  /** Credited with the stakers' part of the fee once AMP is live. */
  governance?: Address;
}

export async function getSubmitResultInstruction(input: SubmitResultInput): Promise<AmplifyInstruction> {
  const worker = addressOf(input.worker);
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const feeVault = await pda(input.feeVault, () => findFeeVaultPda(input.programAddress));
  const escrow = await pda(input.escrow, () => findEscrowPda(input.campaign, input.programAddress));
  const assignment = await pda(input.assignment, () =>
    findAssignmentPda(input.campaign, input.taskIndex, worker, input.programAddress),
  );
  const share = await pda(input.share, () => findSharePda(input.campaign, worker, input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(worker, input.programAddress));
  const governance = await pda(input.governance, () => findGovernancePda(input.programAddress));
  const body = new ByteWriter().raw(input.resultHash, 32).shortBytes(uriBytes(input.resultUri), URI_MAX_BYTES);
  return build(
    "submitResult",
    [
      signerMeta(input.worker, true),
      readonlyMeta(config),
      writableMeta(feeVault),
      writableMeta(input.campaign),
      writableMeta(escrow),
      writableMeta(assignment),
      writableMeta(share),
      writableMeta(profile),
      writableMeta(governance),
    ],
    body,
    input.programAddress,
  );
}

export interface ReviewInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  /** The reviewed result's worker. */
  worker: Address;
  /** The reviewed result's task (as its ResultSubmitted event named it). */
  taskIndex: number;
  /** 0..100 */
  score: number;
  share?: Address;
  profile?: Address;
  config?: Address;
  /** The worker's AMP token account; default its associated token account (AMP accrues on the profile while it is missing). */
  workerAmpAccount?: Address;
  /** The result's shapes started as accepted first guesses of this registered model: its author gets a share of the AMP. */
  firstGuess?: { modelId: Uint8Array; author: Address };
}

export async function getReviewInstruction(input: ReviewInput): Promise<AmplifyInstruction> {
  const share = await pda(input.share, () => findSharePda(input.campaign, input.worker, input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(input.worker, input.programAddress));
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const governance = (await findGovernancePda(input.programAddress))[0];
  const mint = (await findAmpMintPda(input.programAddress))[0];
  const workerAmp = input.workerAmpAccount ?? (await findAssociatedTokenAddress(input.worker, mint));
  const body = new ByteWriter().u32(input.taskIndex).u8(input.score);
  const accounts = [
    signerMeta(input.requester, false),
    writableMeta(input.campaign),
    writableMeta(share),
    writableMeta(profile),
    readonlyMeta(config),
    writableMeta(governance),
    writableMeta(mint),
    writableMeta(workerAmp),
    readonlyMeta(TOKEN_PROGRAM_ADDRESS),
  ];
  if (input.firstGuess) {
    body.raw(input.firstGuess.modelId, 32);
    accounts.push(
      writableMeta((await findModelPda(input.firstGuess.modelId, input.programAddress))[0]),
      writableMeta(await findAssociatedTokenAddress(input.firstGuess.author, mint)),
    );
  }
  return build("review", accounts, body, input.programAddress);
}

export interface ReleaseExpiredInput extends ProgramOverride {
  campaign: Address;
  taskIndex: number;
  worker: Address;
  page?: Address;
  assignment?: Address;
  share?: Address;
  profile?: Address;
}

/** Permissionless: anyone may free a slot whose assignment is past its expiry; the deposit goes back to the worker. */
export async function getReleaseExpiredInstruction(input: ReleaseExpiredInput): Promise<AmplifyInstruction> {
  const page = await pda(input.page, () =>
    findTaskPagePda(input.campaign, taskPageOf(input.taskIndex), input.programAddress),
  );
  const assignment = await pda(input.assignment, () =>
    findAssignmentPda(input.campaign, input.taskIndex, input.worker, input.programAddress),
  );
  const share = await pda(input.share, () => findSharePda(input.campaign, input.worker, input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(input.worker, input.programAddress));
  return build(
    "releaseExpired",
    [
      writableMeta(input.campaign),
      writableMeta(page),
      writableMeta(assignment),
      writableMeta(share),
      writableMeta(profile),
      writableMeta(input.worker),
    ],
    undefined,
    input.programAddress,
  );
}

export interface EndCampaignInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
}

export async function getEndCampaignInstruction(input: EndCampaignInput): Promise<AmplifyInstruction> {
  return build(
    "endCampaign",
    [signerMeta(input.requester, false), writableMeta(input.campaign)],
    undefined,
    input.programAddress,
  );
}

export interface CloseCampaignInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  /** Pages the campaign created (campaign.pagesCreated): all are closed with it. */
  pagesCreated: number;
  escrow?: Address;
  pages?: Address[];
}

export async function getCloseCampaignInstruction(input: CloseCampaignInput): Promise<AmplifyInstruction> {
  const escrow = await pda(input.escrow, () => findEscrowPda(input.campaign, input.programAddress));
  const pages =
    input.pages ??
    (await Promise.all(
      Array.from(
        { length: input.pagesCreated },
        async (_, page) => (await findTaskPagePda(input.campaign, page, input.programAddress))[0],
      ),
    ));
  return build(
    "closeCampaign",
    [signerMeta(input.requester, true), writableMeta(input.campaign), writableMeta(escrow), ...pages.map(writableMeta)],
    undefined,
    input.programAddress,
  );
}

export interface CloseShareInput extends ProgramOverride {
  campaign: Address;
  worker: Address;
  share?: Address;
}

/** Permissionless: returns a share's rent to its worker once its campaign is closed or past its review window. */
export async function getCloseShareInstruction(input: CloseShareInput): Promise<AmplifyInstruction> {
  const share = await pda(input.share, () => findSharePda(input.campaign, input.worker, input.programAddress));
  return build(
    "closeShare",
    [writableMeta(share), writableMeta(input.worker), readonlyMeta(input.campaign)],
    undefined,
    input.programAddress,
  );
}
