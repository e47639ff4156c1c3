// `amplify campaign create`: validate everything locally, check the wallet can pay, upload
// the (encrypted) images, create the campaign and add its tasks in size-packed batches.
// Every step is idempotent and recorded, so a re-run with the same inputs resumes.
import crypto from "node:crypto";
import type { Address, Instruction } from "@solana/kit";
import {
  ACCOUNT_SIZES,
  computeCampaignFunding,
  findCampaignPda,
  findTaskPda,
  getAddTasksInstruction,
  getCreateCampaignInstruction,
  RATING_MAX,
} from "../../../shared/protocol";
import { encryptEnvelope } from "../../../electron/core/crypto";
import { putBlob, sha256Hex } from "./blobClient";
import type { CampaignFirstGuess } from "../../../shared/api/first-guess";
import { encodeMetadata, type CampaignMetadata } from "./campaignMetadata";
import { findManifestByInputs, saveManifest, type CampaignManifest } from "./campaignManifest";
import { MAX_TRANSACTION_BYTES, RequesterError, type AmplifyChain } from "./chain";
import { readGoldFile } from "./goldFile";
import { readImageFolder } from "./images";
import type { RequesterKeys } from "./keyfile";
import { readLabelsFile, type LabelSpec } from "./labelsFile";
import type { ProgressListener } from "./progress";

export interface CreateCampaignOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  /** Where manifests live (resume state, file names, gold). */
  stateDir: string;
  imagesDir: string;
  /** The labels as a file (the CLI) or already parsed (the app's form); one of the two. */
  labelsFile?: string;
  labels?: LabelSpec;
  goldFile?: string;
  priceLamports: bigint;
  /** 0..10000 (5 stars = 10000; unrated workers count as 2000). */
  minRating: number;
  /** 1..10000 basis points of the campaign one worker may take. */
  maxShareBps: number;
  replication: number;
  isPrivate: boolean;
  deadlineSeconds?: number;
  assignmentTimeoutSeconds?: number;
  /** A recommended first-guess model (manifest sha256) and class → label mapping, for workers' apps. */
  firstGuess?: CampaignFirstGuess;
  onProgress?: ProgressListener;
}

export interface CreatedCampaign {
  campaign: Address;
  campaignId: bigint;
  taskCount: number;
  resumed: boolean;
  manifest: CampaignManifest;
}

const MAX_TASKS_PER_TRANSACTION = 12;
const UPLOAD_CONCURRENCY = 6;
const taskPdas = new Map<string, Address>();
const FEE_ALLOWANCE_PER_TX = 10_000n;

function check(condition: boolean, message: string): void {
  if (!condition) throw new RequesterError(message);
}

export async function createCampaign(opts: CreateCampaignOptions): Promise<CreatedCampaign> {
  check(opts.priceLamports > 0n, "The price per task must be positive.");
  check(Number.isInteger(opts.replication) && opts.replication >= 1 && opts.replication <= 100, "Replication must be a whole number from 1 to 100.");
  check(Number.isInteger(opts.minRating) && opts.minRating >= 0 && opts.minRating <= RATING_MAX, "The minimum rating must be between 0 and 5 stars.");
  check(Number.isInteger(opts.maxShareBps) && opts.maxShareBps >= 1 && opts.maxShareBps <= 10_000, "The maximum share must be between 0.01 % and 100 %.");
  const spec = opts.labels ?? (opts.labelsFile !== undefined ? readLabelsFile(opts.labelsFile) : undefined);
  if (!spec) throw new RequesterError("A campaign needs labels: a labels file or a list.");
  const images = readImageFolder(opts.imagesDir);
  const gold = opts.goldFile ? readGoldFile(opts.goldFile, images.map((i) => i.name), spec.labels) : {};
  const progress = opts.onProgress ?? (() => {});

  const inputsKey = sha256Hex(
    new TextEncoder().encode(
      JSON.stringify({
        requester: opts.keys.address,
        images: images.map((i) => [i.name, sha256Hex(i.bytes)]),
        spec,
        gold,
        price: String(opts.priceLamports),
        minRating: opts.minRating,
        maxShareBps: opts.maxShareBps,
        replication: opts.replication,
        isPrivate: opts.isPrivate,
        // Only when set, so campaigns without one keep the keys they were created with.
        ...(opts.firstGuess ? { firstGuess: opts.firstGuess } : {}),
      }),
    ),
  );
  const previous = findManifestByInputs(opts.stateDir, inputsKey);
  const campaignId = previous ? BigInt(previous.campaignId) : BigInt(crypto.randomBytes(6).readUIntLE(0, 6)) || 1n;
  const [campaign] = await findCampaignPda(opts.keys.address, campaignId);
  const manifest: CampaignManifest = previous ?? {
    version: 1,
    inputsKey,
    campaign,
    campaignId: String(campaignId),
    requester: opts.keys.address,
    title: spec.title,
    tool: spec.tool,
    labels: spec.labels,
    isPrivate: opts.isPrivate,
    tasks: images.map((img, index) => ({ index, name: img.name, width: img.width, height: img.height })),
    gold,
    ...(opts.firstGuess ? { firstGuess: opts.firstGuess } : {}),
    complete: false,
  };
  saveManifest(opts.stateDir, manifest);

  const existing = await opts.chain.campaign(campaign);
  if (!existing) {
    const n = images.length;
    const rent = await Promise.all(
      [ACCOUNT_SIZES.campaign, ACCOUNT_SIZES.escrow, ACCOUNT_SIZES.task].map((size) =>
        opts.chain.rpc.getMinimumBalanceForRentExemption(BigInt(size)).send(),
      ),
    );
    const [campaignRent = 0n, escrowRent = 0n, taskRent = 0n] = rent;
    const needed =
      computeCampaignFunding(opts.priceLamports, n, opts.replication) + campaignRent + escrowRent + taskRent * BigInt(n) + FEE_ALLOWANCE_PER_TX * BigInt(2 + n);
    const balance = await opts.chain.balance(opts.keys.address);
    if (balance < needed) {
      throw new RequesterError(
        `The wallet ${opts.keys.address} holds ${formatSol(balance)} SOL; this campaign needs about ${formatSol(needed)} SOL ` +
          `(${n} tasks × ${opts.replication} workers × ${formatSol(opts.priceLamports)} SOL, plus rent and fees). Fund it and run the same command again.`,
      );
    }
  }

  // Upload: content-addressed, so re-uploading after a crash is harmless.
  const { blobUrl } = opts.chain.endpoints;
  let uploaded = 0;
  const uploadOne = async (index: number): Promise<void> => {
    const img = images[index];
    const entry = manifest.tasks[index];
    if (!img || !entry) throw new RequesterError("The manifest does not match the image folder; remove it to start over.");
    if (!entry.uri) {
      const fileKey = opts.isPrivate ? opts.keys.fileKey(campaign, index) : undefined;
      const body = fileKey ? encryptEnvelope(img.bytes, fileKey) : img.bytes;
      fileKey?.fill(0);
      const { hash, uri } = await putBlob(blobUrl, body);
      entry.dataHash = hash;
      entry.uri = uri;
    }
    progress({ phase: "upload", done: ++uploaded, total: images.length });
    if (uploaded % 32 === 0) saveManifest(opts.stateDir, manifest);
  };
  let nextUpload = 0;
  await Promise.all(
    Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
      while (nextUpload < images.length) await uploadOne(nextUpload++);
    }),
  );
  if (!manifest.metadataUri || !manifest.metadataHash) {
    const metadata: CampaignMetadata = {
      title: spec.title,
      description: spec.instructions,
      labelKind: spec.tool,
      labels: spec.labels,
      ...(opts.isPrivate ? { requesterX25519: Buffer.from(opts.keys.x25519.publicKey).toString("hex") } : {}),
      ...(opts.firstGuess ? { firstGuess: opts.firstGuess } : {}),
    };
    const uploaded = await putBlob(blobUrl, encodeMetadata(metadata));
    manifest.metadataUri = uploaded.uri;
    manifest.metadataHash = uploaded.hash;
  }
  saveManifest(opts.stateDir, manifest);

  if (!existing) {
    const now = Math.floor(Date.now() / 1000);
    const ix = await getCreateCampaignInstruction({
      requester: opts.keys.signer,
      id: campaignId,
      price: opts.priceLamports,
      maxTasks: images.length,
      replication: opts.replication,
      minRating: opts.minRating,
      maxShareBps: opts.maxShareBps,
      isPrivate: opts.isPrivate,
      deadline: BigInt(now + (opts.deadlineSeconds ?? 30 * 86_400)),
      assignmentTimeout: BigInt(opts.assignmentTimeoutSeconds ?? 3_600),
      labelSchemaHash: Uint8Array.from(Buffer.from(manifest.metadataHash, "hex")),
      metadataUri: manifest.metadataUri,
    });
    await opts.chain.send(opts.keys.signer, [ix]);
  }

  // Add tasks from wherever the chain says we are.
  let taskCount = (await opts.chain.campaign(campaign))?.taskCount ?? 0;
  progress({ phase: "tasks", done: taskCount, total: images.length });
  const cap = { value: MAX_TASKS_PER_TRANSACTION, fits: MAX_TASKS_PER_TRANSACTION };
  while (taskCount < images.length) {
    const batch = await packBatch(opts, campaign, manifest, taskCount, cap);
    await opts.chain.send(opts.keys.signer, batch.instructions);
    taskCount += batch.count;
    progress({ phase: "tasks", done: taskCount, total: images.length });
  }
  manifest.complete = true;
  saveManifest(opts.stateDir, manifest);
  return { campaign, campaignId, taskCount, resumed: previous !== undefined, manifest };
}

/** The add_tasks instructions for tasks [first, first + count), `cap` tasks per instruction. */
async function addTasks(opts: CreateCampaignOptions, campaign: Address, manifest: CampaignManifest, first: number, count: number, cap: number): Promise<Instruction[]> {
  const starts: number[] = [];
  for (let i = first; i < first + count; i += cap) starts.push(i);
  // PDA derivation is the slow part of building these (SHA-256 + curve checks): derive once.
  for (let i = first; i < first + count; i++) {
    if (!taskPdas.has(`${campaign}:${i}`)) taskPdas.set(`${campaign}:${i}`, (await findTaskPda(campaign, i))[0]);
  }
  const pdasFrom = (start: number, end: number): Address[] =>
    Array.from({ length: end - start }, (_, k) => taskPdas.get(`${campaign}:${start + k}`) as Address);
  return Promise.all(
    starts.map((start) =>
      getAddTasksInstruction({
        requester: opts.keys.signer,
        campaign,
        firstIndex: start,
        taskAddresses: pdasFrom(start, Math.min(start + cap, first + count)),
        tasks: manifest.tasks.slice(start, Math.min(start + cap, first + count)).map((t) => ({
          dataHash: Uint8Array.from(Buffer.from(t.dataHash ?? "", "hex")),
          uri: t.uri ?? "",
        })),
      }),
    ),
  );
}

/** The largest run of tasks from `first` whose transaction (one or more add_tasks) fits in one packet. */
async function packBatch(
  opts: CreateCampaignOptions,
  campaign: Address,
  manifest: CampaignManifest,
  first: number,
  cap: { value: number; fits: number },
): Promise<{ instructions: Instruction[]; count: number }> {
  let count = Math.min(cap.fits, manifest.tasks.length - first);
  for (;;) {
    let instructions: Instruction[];
    try {
      instructions = await addTasks(opts, campaign, manifest, first, count, cap.value);
    } catch (e) {
      // The builder caps tasks per instruction (the program's own limit): learn it once.
      if (!(e instanceof RangeError) || cap.value === 1) throw e;
      cap.value--;
      continue;
    }
    if (count === 1 || (await opts.chain.transactionSize(opts.keys.signer, instructions)) <= MAX_TRANSACTION_BYTES) {
      cap.fits = count;
      return { instructions, count };
    }
    count--;
  }
}

export function formatSol(lamports: bigint): string {
  const whole = lamports / 1_000_000_000n;
  const frac = (lamports % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}
