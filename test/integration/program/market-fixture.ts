// Builds a market in a fresh LiteSVM: config, treasury, workers, funded campaigns and tasks.
import {
  decodeCampaign, decodeWorkerProfile, findCampaignPda, findConfigPda, findEscrowPda, findTaskPda, findWorkerProfilePda,
  getAcceptTaskInstruction, getAddTasksInstructions, getCreateCampaignInstruction, getInitConfigInstruction,
  getRegisterWorkerInstruction, WORKER_PROFILE_OFFSETS,
} from "../../../shared/protocol/index";
import { plantAccount, ProgramHarness, SOL } from "./harness";
import type { DeployOptions } from "./harness";
import type { CreateCampaignInput } from "../../../shared/protocol/index";
import type { Address, KeyPairSigner } from "@solana/kit";

export interface Market {
  h: ProgramHarness;
  governance: KeyPairSigner;
  treasury: KeyPairSigner;
  config: Address;
}

export interface CampaignFixture {
  requester: KeyPairSigner;
  id: bigint;
  campaign: Address;
  escrow: Address;
  price: bigint;
  replication: number;
  maxTasks: number;
}

let nextCampaignId = 1n;

/** A market on a program deployed through the loader; its deployer (upgrade authority) governs it. */
export async function setupMarket(feeBps = 500, options: DeployOptions = {}): Promise<Market> {
  const h = await ProgramHarness.deploy(options);
  const governance = h.deployer;
  const treasury = await h.fundedSigner(SOL);
  const programAddress = h.programId;
  await h.sendOk([await getInitConfigInstruction({ payer: governance, authority: governance.address, treasury: treasury.address, feeBps,
    programAddress })], governance);
  return { h, governance, treasury, config: (await findConfigPda(programAddress))[0] };
}

export async function registerWorker(m: Market, rating?: number): Promise<KeyPairSigner> {
  const worker = await m.h.fundedSigner(10n * SOL);
  await m.h.sendOk([await getRegisterWorkerInstruction({ worker, x25519PublicKey: new Uint8Array(32).fill(7), programAddress: m.h.programId })], worker);
  if (rating !== undefined) await setWorkerRating(m, worker.address, rating);
  return worker;
}

/** Test shortcut: writes a rating straight into the profile (the rating formula has its own tests). */
export async function setWorkerRating(m: Market, worker: Address, rating: number): Promise<void> {
  const profile = (await findWorkerProfilePda(worker, m.h.programId))[0];
  const data = m.h.data(profile);
  new DataView(data.buffer).setUint32(WORKER_PROFILE_OFFSETS.rating, rating, true);
  plantAccount(m.h, profile, data, m.h.programId);
}

export type CampaignOptions = Partial<Omit<CreateCampaignInput, "requester" | "id">> & { requester?: KeyPairSigner };

export function campaignInput(m: Market, requester: KeyPairSigner, id: bigint, options: CampaignOptions = {}): CreateCampaignInput {
  return {
    requester,
    id,
    price: 1_000_000n,
    maxTasks: 10,
    replication: 2,
    minRating: 0,
    maxShareBps: 10_000,
    isPrivate: false,
    deadline: m.h.now() + 86_400n,
    assignmentTimeout: 3_600n,
    labelSchemaHash: new Uint8Array(32).fill(1),
    metadataUri: "blob://campaign-metadata",
    programAddress: m.h.programId,
    ...options,
  };
}

export async function createCampaign(m: Market, options: CampaignOptions = {}): Promise<CampaignFixture> {
  const requester = options.requester ?? (await m.h.fundedSigner(1000n * SOL));
  const id = nextCampaignId++;
  const input = campaignInput(m, requester, id, options);
  await m.h.sendOk([await getCreateCampaignInstruction(input)], requester);
  const campaign = (await findCampaignPda(requester.address, id, m.h.programId))[0];
  return { requester, id, campaign, escrow: (await findEscrowPda(campaign, m.h.programId))[0], price: input.price, replication: input.replication,
    maxTasks: input.maxTasks };
}

export async function addTasks(m: Market, c: CampaignFixture, count: number): Promise<Address[]> {
  const first = decodeCampaign(m.h.data(c.campaign)).taskCount;
  const tasks = Array.from({ length: count }, (_, i) => ({ dataHash: new Uint8Array(32).fill(first + i + 1), uri: `blob://task/${first + i}` }));
  await m.h.sendOk(await getAddTasksInstructions({ requester: c.requester, campaign: c.campaign, firstIndex: first, tasks, programAddress: m.h.programId }), c.requester);
  return Promise.all(tasks.map(async (_, i) => (await findTaskPda(c.campaign, first + i, m.h.programId))[0]));
}

export async function acceptTask(m: Market, c: CampaignFixture, task: Address, worker: KeyPairSigner): Promise<void> {
  await m.h.sendOk([await getAcceptTaskInstruction({ worker, campaign: c.campaign, task, programAddress: m.h.programId })], worker);
}

export async function profileOf(m: Market, worker: Address): Promise<ReturnType<typeof decodeWorkerProfile>> {
  return decodeWorkerProfile(m.h.data((await findWorkerProfilePda(worker, m.h.programId))[0]));
}
