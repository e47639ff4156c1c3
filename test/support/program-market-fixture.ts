// Builds a market in a fresh LiteSVM: config + fee vault, workers, funded campaigns with their
// committed task lists and task pages.
import {
  computeTasksRoot,
  decodeWorkerProfile,
  findCampaignPda,
  findConfigPda,
  findEscrowPda,
  findFeeVaultPda,
  findWorkerProfilePda,
  getAcceptTaskInstruction,
  getAddTaskPageInstructions,
  getCreateCampaignInstruction,
  getInitConfigInstruction,
  getRegisterWorkerInstruction,
  getSubmitResultInstruction,
  WORKER_PROFILE_OFFSETS,
} from "../../shared/protocol/index";
import { plantAccount, ProgramHarness, SOL } from "./program-harness";
import type { DeployOptions } from "./program-harness";
import type { AmplifyInstruction, CreateCampaignInput, TaskDescriptor } from "../../shared/protocol/index";
import type { Address, KeyPairSigner } from "@solana/kit";

export interface Market {
  h: ProgramHarness;
  governance: KeyPairSigner;
  treasury: KeyPairSigner;
  config: Address;
  feeVault: Address;
}

export interface CampaignFixture {
  requester: KeyPairSigner;
  id: bigint;
  campaign: Address;
  escrow: Address;
  price: bigint;
  replication: number;
  taskCount: number;
  tasks: TaskDescriptor[];
  programAddress: Address;
}

let nextCampaignId = 1n;

/** A market on a program deployed through the loader; its deployer (upgrade authority) governs it. */
export async function setupMarket(feeBps = 500, options: DeployOptions = {}): Promise<Market> {
  const h = await ProgramHarness.deploy(options);
  const governance = h.deployer;
  const treasury = await h.fundedSigner(SOL);
  const programAddress = h.programId;
  await h.sendOk(
    [
      await getInitConfigInstruction({
        payer: governance,
        authority: governance.address,
        treasury: treasury.address,
        feeBps,
        programAddress,
      }),
    ],
    governance,
  );
  return {
    h,
    governance,
    treasury,
    config: (await findConfigPda(programAddress))[0],
    feeVault: (await findFeeVaultPda(programAddress))[0],
  };
}

export async function registerWorker(m: Market, rating?: number, balance = 10n * SOL): Promise<KeyPairSigner> {
  const worker = await m.h.fundedSigner(balance);
  await m.h.sendOk(
    [
      await getRegisterWorkerInstruction({
        worker,
        x25519PublicKey: new Uint8Array(32).fill(7),
        programAddress: m.h.programId,
      }),
    ],
    worker,
  );
  if (rating !== undefined) await setWorkerRating(m, worker.address, rating);
  return worker;
}

/** Test shortcut: writes a rating (and one review, so the worker counts as rated) straight into the profile. */
export async function setWorkerRating(m: Market, worker: Address, rating: number): Promise<void> {
  const profile = (await findWorkerProfilePda(worker, m.h.programId))[0];
  const data = m.h.data(profile);
  const view = new DataView(data.buffer);
  view.setUint32(WORKER_PROFILE_OFFSETS.rating, rating, true);
  view.setUint32(
    WORKER_PROFILE_OFFSETS.reviewCount,
    Math.max(1, view.getUint32(WORKER_PROFILE_OFFSETS.reviewCount, true)),
    true,
  );
  plantAccount(m.h, profile, data, m.h.programId);
}

export function taskList(count: number, salt = 0): TaskDescriptor[] {
  return Array.from({ length: count }, (_, i) => ({
    dataHash: new Uint8Array(32).fill((i + salt + 1) % 256),
    uri: `blob://task/${salt}/${i}`,
  }));
}

export type CampaignOptions = Partial<Omit<CreateCampaignInput, "requester" | "id">> & {
  requester?: KeyPairSigner;
  pages?: boolean;
};

export function campaignInput(
  m: Market,
  requester: KeyPairSigner,
  id: bigint,
  options: CampaignOptions = {},
): CreateCampaignInput {
  const taskCount = options.taskCount ?? 10;
  return {
    requester,
    id,
    price: 1_000_000n,
    taskCount,
    replication: 2,
    minRating: 0,
    admitUnrated: true,
    maxShareBps: 10_000,
    isPrivate: false,
    deadline: m.h.now() + 86_400n,
    assignmentTimeout: 3_600n,
    reviewWindow: 7n * 86_400n,
    tasksRoot: computeTasksRoot(taskList(taskCount, Number(id))),
    labelSchemaHash: new Uint8Array(32).fill(1),
    metadataUri: "blob://campaign-metadata",
    programAddress: m.h.programId,
    ...options,
  };
}

/** A campaign with its task pages posted (unless `pages: false`). */
export async function createCampaign(m: Market, options: CampaignOptions = {}): Promise<CampaignFixture> {
  const requester = options.requester ?? (await m.h.fundedSigner(1000n * SOL));
  const id = nextCampaignId++;
  const input = campaignInput(m, requester, id, options);
  await m.h.sendOk([await getCreateCampaignInstruction(input)], requester);
  const programAddress = m.h.programId;
  const campaign = (await findCampaignPda(requester.address, id, programAddress))[0];
  if (options.pages !== false) {
    await m.h.sendOk(
      await getAddTaskPageInstructions({ requester, campaign, taskCount: input.taskCount, programAddress }),
      requester,
    );
  }
  return {
    requester,
    id,
    campaign,
    escrow: (await findEscrowPda(campaign, programAddress))[0],
    price: input.price,
    replication: input.replication,
    taskCount: input.taskCount,
    tasks: taskList(input.taskCount, Number(id)),
    programAddress,
  };
}

export async function acceptIx(
  c: CampaignFixture,
  taskIndex: number,
  worker: KeyPairSigner,
): Promise<AmplifyInstruction> {
  return getAcceptTaskInstruction({ worker, campaign: c.campaign, taskIndex, programAddress: c.programAddress });
}

export async function acceptTask(
  m: Market,
  c: CampaignFixture,
  taskIndex: number,
  worker: KeyPairSigner,
): Promise<void> {
  await m.h.sendOk([await acceptIx(c, taskIndex, worker)], worker);
}

export async function submitIx(
  c: CampaignFixture,
  taskIndex: number,
  worker: KeyPairSigner,
  fill = 5,
): Promise<AmplifyInstruction> {
  return getSubmitResultInstruction({
    worker,
    campaign: c.campaign,
    taskIndex,
    resultHash: new Uint8Array(32).fill(fill),
    resultUri: `blob://result/${taskIndex}`,
    programAddress: c.programAddress,
  });
}

export async function profileOf(m: Market, worker: Address): Promise<ReturnType<typeof decodeWorkerProfile>> {
  return decodeWorkerProfile(m.h.data((await findWorkerProfilePda(worker, m.h.programId))[0]));
}
