// A real localnet with the Amplify program, a requester that creates private campaigns and
// grants keys (like the CLI's key service), and worker cores driven through the contract.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address, generateKeyPairSigner, getAddressEncoder } from "@solana/kit";
import type { Address, Instruction, KeyPairSigner } from "@solana/kit";
import { startLocalnet } from "../../localnet";
import type { Localnet } from "../../localnet";
import { canonicalJson } from "../../shared/annotation";
import type { CallChannel, CallInput, CallOutput } from "../../shared/api";
import {
  ACCOUNT_SIZES,
  ASSIGNMENT_OFFSETS,
  DISCRIMINATORS,
  decodeAssignment,
  decodeCampaign,
  decodeWorkerProfile,
  findCampaignPda,
  findEscrowPda,
  findWorkerProfilePda,
  computeTasksRoot,
  encodeTaskList,
  getAddTaskPageInstructions,
  getCreateCampaignInstruction,
  getGrantKeyInstruction,
} from "../../shared/protocol";
import { ChainClient, waitForConfirmation } from "../../lib/chain";
import { encryptEnvelope, generateFileKey, generateX25519KeyPair, sha256, toHex, wrapFileKey } from "../../lib/crypto";
import type { X25519KeyPair } from "../../lib/crypto";
import { createCore } from "../../electron/core";
import type { Core } from "../../electron/core";
import { Keystore } from "../../electron/core/keystore";

export const SOL = 1_000_000_000n;
export const PASSPHRASE = "worker passphrase for tests";
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface TaskFile {
  readonly index: number;
  readonly plain: Uint8Array;
  readonly key: Uint8Array;
  readonly hash: string;
}

export interface CampaignFixture {
  readonly campaign: Address;
  readonly escrow: Address;
  readonly price: bigint;
  readonly files: TaskFile[];
  readonly requesterBox: X25519KeyPair;
}

export interface Market {
  readonly net: Localnet;
  readonly chain: ChainClient;
  readonly requester: KeyPairSigner;
  readonly home: string;
  send(signer: KeyPairSigner, instructions: Instruction[]): Promise<string>;
  putBlob(bytes: Uint8Array): Promise<string>;
  createCampaign(options: {
    tasks: number;
    price?: bigint;
    isPrivate?: boolean;
    replication?: number;
    timeoutSeconds?: bigint;
    imageBytes?: number;
    /** Replaces or adds metadata fields (labelKind, labels, description, noneOfThese, …). */
    metadata?: Record<string, unknown>;
  }): Promise<CampaignFixture>;
  grantKeys(fixture: CampaignFixture, worker: string, override?: (file: TaskFile) => Uint8Array): Promise<number>;
  lamports(at: string): Promise<bigint>;
  close(): Promise<void>;
}

let nextCampaignId = 1n;

/** PNG-looking bytes so the worker's MIME sniffing has something real to recognise. */
export function fakeImage(size: number): Uint8Array {
  const bytes = Uint8Array.from(randomBytes(size));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return bytes;
}

export async function startMarket(options: { slotMs?: number } = {}): Promise<Market> {
  const home = mkdtempSync(join(tmpdir(), "amplify-worker-it-"));
  const net = await startLocalnet({
    home: join(home, "localnet"),
    rpcPort: 0,
    wsPort: 0,
    blobPort: 0,
    slotMs: options.slotMs ?? 100,
    log: () => {},
  });
  const chain = new ChainClient({ rpcUrl: () => net.rpcUrl });
  const requester = await generateKeyPairSigner();
  net.ledger.airdrop(requester.address, 100n * SOL);

  const send = async (signer: KeyPairSigner, instructions: Instruction[]): Promise<string> => {
    const tx = await chain.sign(signer, instructions);
    await chain.send(tx.wire, { skipPreflight: false });
    const outcome = await waitForConfirmation(chain, tx.signature, 20_000, 50);
    if (!outcome?.ok) throw new Error(`transaction failed: ${outcome ? outcome.failure.message : "timeout"}`);
    return tx.signature;
  };
  const putBlob = async (bytes: Uint8Array): Promise<string> => {
    const hash = toHex(sha256(bytes));
    const uri = `${net.blobUrl}/blobs/${hash}`;
    const response = await fetch(uri, { method: "PUT", body: bytes as Uint8Array<ArrayBuffer> });
    if (response.status !== 201) throw new Error(`blob upload failed: ${response.status}`);
    return uri;
  };

  return {
    net,
    chain,
    requester,
    home,
    send,
    putBlob,
    async createCampaign({
      tasks,
      price = 1_000_000n,
      isPrivate = true,
      replication = 1,
      timeoutSeconds = 3600n,
      imageBytes,
      metadata: extra,
    }) {
      const id = nextCampaignId++;
      const requesterBox = generateX25519KeyPair();
      const files: TaskFile[] = [];
      const newTasks = [];
      for (let i = 0; i < tasks; i++) {
        const plain = fakeImage((imageBytes ?? 2048) + i);
        const key = generateFileKey();
        const stored = isPrivate ? encryptEnvelope(plain, key) : plain;
        const uri = await putBlob(stored);
        files.push({ index: i, plain, key, hash: toHex(sha256(stored)) });
        newTasks.push({ dataHash: sha256(stored), uri });
      }
      const tasksUri = await putBlob(encodeTaskList(newTasks));
      const metadata = new TextEncoder().encode(
        canonicalJson({
          title: `Campaign ${id}`,
          labelKind: "box",
          labels: [{ id: "car", name: "car", color: "#ff0000" }],
          requesterX25519: Buffer.from(requesterBox.publicKey).toString("hex"),
          tasksUri,
          ...extra,
        }),
      );
      const metadataUri = await putBlob(metadata);
      const [campaign] = await findCampaignPda(requester.address, id);
      const [escrow] = await findEscrowPda(campaign);
      await send(requester, [
        await getCreateCampaignInstruction({
          requester,
          id,
          price,
          taskCount: tasks,
          replication,
          minRating: 0,
          admitUnrated: true,
          maxShareBps: 10_000,
          isPrivate,
          deadline: BigInt(Math.floor(Date.now() / 1000) + 86_400),
          assignmentTimeout: timeoutSeconds,
          reviewWindow: 86_400n,
          tasksRoot: computeTasksRoot(newTasks),
          labelSchemaHash: sha256(metadata),
          metadataUri,
        }),
        ...(await getAddTaskPageInstructions({ requester, campaign, taskCount: tasks })),
      ]);
      return { campaign, escrow, price, files, requesterBox };
    },
    async grantKeys(fixture, worker, override) {
      const [profilePda] = await findWorkerProfilePda(address(worker));
      const profile = decodeWorkerProfile((await chain.account(profilePda))!.data);
      const raw = await chain.programAccounts(ACCOUNT_SIZES.assignment, [
        { offset: 0, bytes: DISCRIMINATORS.assignment },
        { offset: ASSIGNMENT_OFFSETS.campaign, bytes: Buffer.from(addressBytes(fixture.campaign)) },
      ]);
      let granted = 0;
      for (const item of raw) {
        const assignment = decodeAssignment(item.data);
        if (assignment.worker !== worker || assignment.wrappedKey.some((b) => b !== 0)) continue;
        const file = fixture.files[assignment.taskIndex]!;
        const wrapped = override ? override(file) : wrapFileKey(file.key, profile.x25519PublicKey);
        await send(requester, [
          await getGrantKeyInstruction({
            requester,
            campaign: fixture.campaign,
            assignment: address(item.address),
            wrappedKey: wrapped,
          }),
        ]);
        granted++;
      }
      return granted;
    },
    async lamports(at) {
      return (await chain.account(at))?.lamports ?? 0n;
    },
    async close() {
      await net.close();
    },
  };
}

function addressBytes(at: Address): Uint8Array {
  return Uint8Array.from(getAddressEncoder().encode(at));
}

export async function campaignAccount(market: Market, campaign: Address) {
  return decodeCampaign((await market.chain.account(campaign))!.data);
}

/** Makes a keystore file with cheap scrypt so cores in tests (and killed children) unlock fast. */
export async function prepareKeystore(dataDir: string, secret?: string): Promise<string> {
  const keystore = new Keystore({ dataDir, autoLockMinutes: () => 60, scrypt: FAST_SCRYPT });
  const status = secret
    ? await keystore.import({ kind: "base58", secret }, PASSPHRASE)
    : await keystore.create(PASSPHRASE);
  keystore.dispose();
  return status.publicKey!;
}

export interface WorkerCore {
  readonly core: Core;
  readonly dataDir: string;
  call<C extends CallChannel>(channel: C, input?: CallInput<C>): Promise<CallOutput<C>>;
  close(): Promise<void>;
}

export async function startWorkerCore(
  market: { net: Pick<Localnet, "rpcUrl" | "wsUrl" | "blobUrl"> },
  dataDir: string,
  options: { background?: boolean; rpcUrl?: string; blobUrl?: string } = {},
): Promise<WorkerCore> {
  const core = createCore({
    identity: { name: "Amplify Workstation", version: "test", shell: "browser", dataDir },
    background: options.background ?? true,
    wsUrl: market.net.wsUrl,
    log: () => {},
  });
  const call = async <C extends CallChannel>(channel: C, input?: CallInput<C>): Promise<CallOutput<C>> => {
    const reply = await core.dispatch(channel, input);
    if (!reply.ok)
      throw Object.assign(new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`), {
        code: reply.error.code,
        fields: reply.error.fields ?? [],
      });
    return reply.value as CallOutput<C>;
  };
  await call("settings:update", {
    rpcUrl: options.rpcUrl ?? market.net.rpcUrl,
    blobGateways: [options.blobUrl ?? market.net.blobUrl],
  });
  return { core, dataDir, call, close: () => core.dispose() };
}

export { waitFor } from "./wait-for";
