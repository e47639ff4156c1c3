// Instruction builders, one per program instruction. PDAs are derived when not given; every
// account can be overridden (the adversarial tests pass forged ones on purpose).
import { addressOf, readonlyMeta, signerMeta, writableMeta } from "./account-metas";
import { URI_MAX_BYTES, WRAPPED_KEY_BYTES } from "./account-layouts";
import { ByteWriter, encodeUtf8 } from "./bytes";
import { INSTRUCTION_TAGS } from "./instruction-tags";
import { findAssignmentPda, findCampaignPda, findConfigPda, findEscrowPda, findSharePda, findTaskPda, findWorkerProfilePda } from "./pdas";
import { AMPLIFY_PROGRAM_ADDRESS, SYSTEM_PROGRAM_ADDRESS } from "./program-address";
import { findProgramDataAddress } from "../loader/addresses";
import type { SignerInput } from "./account-metas";
import type { InstructionName } from "./instruction-tags";
import type { AccountMeta, AccountSignerMeta, Address, Instruction } from "@solana/kit";

export type AmplifyInstruction = Instruction & { accounts: readonly (AccountMeta | AccountSignerMeta)[]; data: Uint8Array };

interface ProgramOverride {
  programAddress?: Address;
}

function build(name: InstructionName, accounts: (AccountMeta | AccountSignerMeta)[], body: ByteWriter | undefined,
  programAddress: Address | undefined): AmplifyInstruction {
  const head = new ByteWriter().u8(INSTRUCTION_TAGS[name]).toBytes();
  const rest = body?.toBytes() ?? new Uint8Array();
  const data = new Uint8Array(head.length + rest.length);
  data.set(head);
  data.set(rest, 1);
  return { programAddress: programAddress ?? AMPLIFY_PROGRAM_ADDRESS, accounts, data };
}

function uriBytes(uri: string): Uint8Array {
  const bytes = encodeUtf8(uri);
  if (bytes.length > URI_MAX_BYTES) throw new RangeError(`URI is ${bytes.length} bytes; the program stores at most ${URI_MAX_BYTES}`);
  return bytes;
}

async function pda(given: Address | undefined, derive: () => Promise<readonly [Address, number]>): Promise<Address> {
  return given ?? (await derive())[0];
}

export interface InitConfigInput extends ProgramOverride {
  /** Must be the program's upgrade authority (the program reads it from the ProgramData account). */
  payer: SignerInput;
  authority: Address;
  treasury: Address;
  feeBps?: number;
  config?: Address;
  /** The program's ProgramData account under the upgradeable loader; derived when not given. */
  programData?: Address;
}

export async function getInitConfigInstruction(input: InitConfigInput): Promise<AmplifyInstruction> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const programData = input.programData ?? (await findProgramDataAddress(input.programAddress ?? AMPLIFY_PROGRAM_ADDRESS));
  const body = new ByteWriter().u16(input.feeBps ?? 500).address(input.authority).address(input.treasury);
  return build("initConfig", [signerMeta(input.payer, true), writableMeta(config), readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
    readonlyMeta(programData)], body, input.programAddress);
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

export async function getSetPausedInstruction(input: GovernanceInput & { paused: boolean }): Promise<AmplifyInstruction> {
  return build("setPaused", await governanceAccounts(input), new ByteWriter().u8(input.paused ? 1 : 0), input.programAddress);
}

export async function getUpdateConfigInstruction(input: GovernanceInput & { newAuthority: Address; newTreasury: Address }): Promise<AmplifyInstruction> {
  const body = new ByteWriter().address(input.newAuthority).address(input.newTreasury);
  return build("updateConfig", await governanceAccounts(input), body, input.programAddress);
}

export interface WorkerKeyInput extends ProgramOverride {
  worker: SignerInput;
  /** The worker's X25519 public key (32 bytes) that file keys are wrapped to. */
  x25519PublicKey: Uint8Array;
  profile?: Address;
}

export async function getRegisterWorkerInstruction(input: WorkerKeyInput): Promise<AmplifyInstruction> {
  const profile = await pda(input.profile, () => findWorkerProfilePda(addressOf(input.worker), input.programAddress));
  return build("registerWorker", [signerMeta(input.worker, true), writableMeta(profile), readonlyMeta(SYSTEM_PROGRAM_ADDRESS)],
    new ByteWriter().raw(input.x25519PublicKey, 32), input.programAddress);
}

export async function getUpdateWorkerKeyInstruction(input: WorkerKeyInput): Promise<AmplifyInstruction> {
  const profile = await pda(input.profile, () => findWorkerProfilePda(addressOf(input.worker), input.programAddress));
  return build("updateWorkerKey", [signerMeta(input.worker, false), writableMeta(profile)],
    new ByteWriter().raw(input.x25519PublicKey, 32), input.programAddress);
}

export interface CreateCampaignInput extends ProgramOverride {
  requester: SignerInput;
  id: bigint;
  /** Lamports paid per assignment (one worker, one task), fee included. */
  price: bigint;
  maxTasks: number;
  replication: number;
  /** 0..10000; unrated workers count as RATING_PRIOR (2000). */
  minRating: number;
  /** 1..10000: the most of maxTasks one worker may take. */
  maxShareBps: number;
  isPrivate: boolean;
  /** Unix seconds; no accept at or after it. */
  deadline: bigint;
  /** Seconds a worker has from accepting to submitting. */
  assignmentTimeout: bigint;
  labelSchemaHash: Uint8Array;
  metadataUri: string;
  config?: Address;
  campaign?: Address;
  escrow?: Address;
}

export async function getCreateCampaignInstruction(input: CreateCampaignInput): Promise<AmplifyInstruction> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const campaign = await pda(input.campaign, () => findCampaignPda(addressOf(input.requester), input.id, input.programAddress));
  const escrow = await pda(input.escrow, () => findEscrowPda(campaign, input.programAddress));
  const body = new ByteWriter().u64(input.id).u64(input.price).u32(input.maxTasks).u16(input.replication).u16(input.minRating)
    .u16(input.maxShareBps).u8(input.isPrivate ? 1 : 0).u64(input.deadline).u64(input.assignmentTimeout)
    .raw(input.labelSchemaHash, 32).shortBytes(uriBytes(input.metadataUri), URI_MAX_BYTES);
  return build("createCampaign", [signerMeta(input.requester, true), readonlyMeta(config), writableMeta(campaign), writableMeta(escrow),
    readonlyMeta(SYSTEM_PROGRAM_ADDRESS)], body, input.programAddress);
}

export interface TopUpInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  /** New task slots to fund, each at price x replication. */
  additionalTasks: number;
  config?: Address;
  escrow?: Address;
}

export async function getTopUpInstruction(input: TopUpInput): Promise<AmplifyInstruction> {
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const escrow = await pda(input.escrow, () => findEscrowPda(input.campaign, input.programAddress));
  return build("topUp", [signerMeta(input.requester, true), readonlyMeta(config), writableMeta(input.campaign), writableMeta(escrow),
    readonlyMeta(SYSTEM_PROGRAM_ADDRESS)], new ByteWriter().u32(input.additionalTasks), input.programAddress);
}

export interface NewTask {
  /** sha256 of the (encrypted) data blob. */
  dataHash: Uint8Array;
  uri: string;
}

export interface AddTasksInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  /** Index of the first new task: the campaign's current taskCount. */
  firstIndex: number;
  /** 1..MAX_TASKS_PER_ADD_TASKS tasks (getAddTasksInstructions splits longer lists). */
  tasks: NewTask[];
  config?: Address;
  taskAddresses?: Address[];
}

/** The program creates at most this many tasks per add_tasks instruction (keeps it under 20,000 CU). */
export const MAX_TASKS_PER_ADD_TASKS = 4;

export async function getAddTasksInstruction(input: AddTasksInput): Promise<AmplifyInstruction> {
  if (input.tasks.length === 0 || input.tasks.length > MAX_TASKS_PER_ADD_TASKS) {
    throw new RangeError(`add_tasks takes 1..${MAX_TASKS_PER_ADD_TASKS} tasks; use getAddTasksInstructions for more`);
  }
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const body = new ByteWriter().u8(input.tasks.length);
  const taskMetas: AccountMeta[] = [];
  for (const [i, task] of input.tasks.entries()) {
    body.raw(task.dataHash, 32).shortBytes(uriBytes(task.uri), URI_MAX_BYTES);
    const address = await pda(input.taskAddresses?.[i], () => findTaskPda(input.campaign, input.firstIndex + i, input.programAddress));
    taskMetas.push(writableMeta(address));
  }
  return build("addTasks", [signerMeta(input.requester, true), readonlyMeta(config), writableMeta(input.campaign),
    readonlyMeta(SYSTEM_PROGRAM_ADDRESS), ...taskMetas], body, input.programAddress);
}

/** add_tasks for any number of tasks, as consecutive instructions of at most MAX_TASKS_PER_ADD_TASKS each. */
export async function getAddTasksInstructions(input: Omit<AddTasksInput, "taskAddresses">): Promise<AmplifyInstruction[]> {
  const chunks: AmplifyInstruction[] = [];
  for (let start = 0; start < input.tasks.length; start += MAX_TASKS_PER_ADD_TASKS) {
    chunks.push(await getAddTasksInstruction({ ...input, firstIndex: input.firstIndex + start,
      tasks: input.tasks.slice(start, start + MAX_TASKS_PER_ADD_TASKS) }));
  }
  return chunks;
}

export interface AcceptTaskInput extends ProgramOverride {
  worker: SignerInput;
  campaign: Address;
  task: Address;
  config?: Address;
  profile?: Address;
  assignment?: Address;
  share?: Address;
}

export async function getAcceptTaskInstruction(input: AcceptTaskInput): Promise<AmplifyInstruction> {
  const worker = addressOf(input.worker);
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(worker, input.programAddress));
  const assignment = await pda(input.assignment, () => findAssignmentPda(input.task, worker, input.programAddress));
  const share = await pda(input.share, () => findSharePda(input.campaign, worker, input.programAddress));
  return build("acceptTask", [signerMeta(input.worker, true), readonlyMeta(config), writableMeta(profile), writableMeta(input.campaign),
    writableMeta(input.task), writableMeta(assignment), writableMeta(share), readonlyMeta(SYSTEM_PROGRAM_ADDRESS)], undefined,
  input.programAddress);
}

export interface GrantKeyInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  assignment: Address;
  /** 104 bytes: ephemeral X25519 public key (32) + nonce (24) + nacl.box of the file key (48). */
  wrappedKey: Uint8Array;
}

export async function getGrantKeyInstruction(input: GrantKeyInput): Promise<AmplifyInstruction> {
  return build("grantKey", [signerMeta(input.requester, false), readonlyMeta(input.campaign), writableMeta(input.assignment)],
    new ByteWriter().raw(input.wrappedKey, WRAPPED_KEY_BYTES), input.programAddress);
}

export interface SubmitResultInput extends ProgramOverride {
  worker: SignerInput;
  campaign: Address;
  task: Address;
  /** Must be the Config's treasury (decodeConfig(...).treasury). */
  treasury: Address;
  resultHash: Uint8Array;
  resultUri: string;
  config?: Address;
  assignment?: Address;
  escrow?: Address;
  profile?: Address;
}

export async function getSubmitResultInstruction(input: SubmitResultInput): Promise<AmplifyInstruction> {
  const worker = addressOf(input.worker);
  const config = await pda(input.config, () => findConfigPda(input.programAddress));
  const assignment = await pda(input.assignment, () => findAssignmentPda(input.task, worker, input.programAddress));
  const escrow = await pda(input.escrow, () => findEscrowPda(input.campaign, input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(worker, input.programAddress));
  const body = new ByteWriter().raw(input.resultHash, 32).shortBytes(uriBytes(input.resultUri), URI_MAX_BYTES);
  return build("submitResult", [signerMeta(input.worker, true), readonlyMeta(config), writableMeta(input.treasury),
    writableMeta(input.campaign), writableMeta(input.task), writableMeta(assignment), writableMeta(escrow), writableMeta(profile)],
  body, input.programAddress);
}

export interface ReviewInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  assignment: Address;
  /** The assignment's worker (for the profile PDA). */
  worker: Address;
  /** 0..100 */
  score: number;
  profile?: Address;
}

export async function getReviewInstruction(input: ReviewInput): Promise<AmplifyInstruction> {
  const profile = await pda(input.profile, () => findWorkerProfilePda(input.worker, input.programAddress));
  return build("review", [signerMeta(input.requester, false), writableMeta(input.campaign), writableMeta(input.assignment),
    writableMeta(profile)], new ByteWriter().u8(input.score), input.programAddress);
}

export interface ReleaseExpiredInput extends ProgramOverride {
  campaign: Address;
  task: Address;
  worker: Address;
  assignment?: Address;
  profile?: Address;
}

/** Permissionless: anyone may free a slot whose assignment is past its expiry. */
export async function getReleaseExpiredInstruction(input: ReleaseExpiredInput): Promise<AmplifyInstruction> {
  const assignment = await pda(input.assignment, () => findAssignmentPda(input.task, input.worker, input.programAddress));
  const profile = await pda(input.profile, () => findWorkerProfilePda(input.worker, input.programAddress));
  return build("releaseExpired", [writableMeta(input.campaign), writableMeta(input.task), writableMeta(assignment), writableMeta(profile)],
    undefined, input.programAddress);
}

export interface CloseCampaignInput extends ProgramOverride {
  requester: SignerInput;
  campaign: Address;
  escrow?: Address;
}

export async function getCloseCampaignInstruction(input: CloseCampaignInput): Promise<AmplifyInstruction> {
  const escrow = await pda(input.escrow, () => findEscrowPda(input.campaign, input.programAddress));
  return build("closeCampaign", [signerMeta(input.requester, true), writableMeta(input.campaign), writableMeta(escrow)], undefined,
    input.programAddress);
}
