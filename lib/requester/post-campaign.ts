// The steps every campaign takes once its creator has read and checked its inputs: record the
// manifest, check the wallet can pay, upload each task's blob (encrypted with its file key if
// the campaign is private), post the metadata, create the campaign and add its tasks. Each step
// is idempotent and recorded in the manifest, so a re-run with the same inputs resumes.
import crypto from "node:crypto";
import type { Address } from "@solana/kit";
import {
  computeCampaignFunding,
  computeRequesterRent,
  computeTasksRoot,
  encodeTaskList,
  findCampaignPda,
  getAddTaskPageInstructions,
  getCreateCampaignInstruction,
  RATING_MAX,
  RATING_PRIOR,
} from "../../shared/protocol";
import { encryptEnvelope } from "../crypto";
import { putBlob, sha256Hex } from "../blobs";
import { RequesterError, type AmplifyChain, type RequesterInput } from "../chain";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import { formatSol } from "./sol-amount";

/** What the requester offers, as create_campaign takes it. */
export interface CampaignTerms {
  priceLamports: bigint;
  /** 0..10000 (5 stars = 10000), for rated workers. */
  minRating: number;
  /** Whether workers with no reviews yet may take tasks; default: when minRating is at most the prior (2000). */
  admitUnrated?: boolean;
  /** 1..10000 basis points of the campaign one worker may take. */
  maxShareBps: number;
  replication: number;
  isPrivate: boolean;
  deadlineSeconds?: number;
  assignmentTimeoutSeconds?: number;
  /** Seconds after the last possible submission that reviews stay open (default 7 days). */
  reviewWindowSeconds?: number;
}

/** The part of a manifest the pipeline fills in: the metadata blob and whether creation finished. */
export interface PostedManifest {
  metadataUri?: string | undefined;
  metadataHash?: string | undefined;
  complete: boolean;
}

/** One task's entry in the manifest: its blob's hash and URI once uploaded. */
export interface BlobEntry {
  dataHash?: string | undefined;
  uri?: string | undefined;
}

export interface PostCampaignOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  terms: CampaignTerms;
  campaign: Address;
  campaignId: bigint;
  /** Task i's bytes, before encryption. */
  blobs: readonly Uint8Array[];
  manifest: PostedManifest;
  /** The manifest's per-task entries (the same objects), filled in as blobs are uploaded. */
  entries: BlobEntry[];
  /** Writes the manifest to disk. */
  save: () => void;
  /** The campaign's canonical metadata bytes, naming the task-list blob; built only if not posted yet. */
  metadata: (tasksUri: string) => Uint8Array;
  /** How the funding message counts the tasks ("tasks", "items"). */
  noun: string;
  /** The error when the manifest does not match the inputs. */
  mismatch: string;
  onProgress?: ProgressListener | undefined;
}

const UPLOAD_CONCURRENCY = 6;
const FEE_ALLOWANCE_PER_TX = 10_000n;

function check(condition: boolean, message: string, input: RequesterInput): void {
  if (!condition) throw new RequesterError(message, input);
}

/** Rejects terms the program would refuse, before any input is read. */
export function checkTerms(terms: CampaignTerms): void {
  check(terms.priceLamports > 0n, "The price per task must be more than 0 SOL.", "price");
  check(
    Number.isInteger(terms.replication) && terms.replication >= 1 && terms.replication <= 100,
    "Replication must be a whole number from 1 to 100.",
    "replication",
  );
  check(
    Number.isInteger(terms.minRating) && terms.minRating >= 0 && terms.minRating <= RATING_MAX,
    "The minimum rating must be between 0 and 5 stars.",
    "minRating",
  );
  check(
    Number.isInteger(terms.maxShareBps) && terms.maxShareBps >= 1 && terms.maxShareBps <= 10_000,
    "The maximum share must be between 0.01 % and 100 %.",
    "maxShare",
  );
}

/** The terms as they enter a campaign's inputs key (this order: the key must not change). */
export function termsInputs(terms: CampaignTerms): {
  price: string;
  minRating: number;
  maxShareBps: number;
  replication: number;
  isPrivate: boolean;
} {
  return {
    price: String(terms.priceLamports),
    minRating: terms.minRating,
    maxShareBps: terms.maxShareBps,
    replication: terms.replication,
    isPrivate: terms.isPrivate,
  };
}

/** The key a manifest is found by: the hash of everything that defines the campaign. */
export function inputsKeyOf(inputs: unknown): string {
  return sha256Hex(new TextEncoder().encode(JSON.stringify(inputs)));
}

/** The campaign a resumed manifest names, or a new one with a random id. */
export async function campaignAddress(
  requester: Address,
  previous: { campaignId: string } | undefined,
): Promise<{ campaign: Address; campaignId: bigint }> {
  const campaignId = previous ? BigInt(previous.campaignId) : BigInt(crypto.randomBytes(6).readUIntLE(0, 6)) || 1n;
  const [campaign] = await findCampaignPda(requester, campaignId);
  return { campaign, campaignId };
}

/** Runs (or resumes) the pipeline and returns the campaign's task count. */
export async function postCampaign(opts: PostCampaignOptions): Promise<number> {
  const { chain, keys, terms, campaign, manifest, entries, blobs } = opts;
  const progress = opts.onProgress ?? (() => {});
  const total = blobs.length;
  opts.save();

  const existing = await chain.campaign(campaign);
  if (!existing) await checkFunds(opts);

  // Upload: content-addressed, so re-uploading after a crash is harmless.
  const { blobUrl } = chain.endpoints;
  let uploaded = 0;
  const uploadOne = async (index: number): Promise<void> => {
    const body = blobs[index];
    const entry = entries[index];
    if (!body || !entry) throw new RequesterError(opts.mismatch);
    if (!entry.uri) {
      const fileKey = terms.isPrivate ? keys.fileKey(campaign, index) : undefined;
      const stored = fileKey ? encryptEnvelope(body, fileKey) : body;
      fileKey?.fill(0);
      const { hash, uri } = await putBlob(blobUrl, stored);
      entry.dataHash = hash;
      entry.uri = uri;
    }
    progress({ phase: "upload", done: ++uploaded, total });
    if (uploaded % 32 === 0) opts.save();
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
      while (next < total) await uploadOne(next++);
    }),
  );
  const tasks = entries.map((t) => ({
    dataHash: Uint8Array.from(Buffer.from(t.dataHash ?? "", "hex")),
    uri: t.uri ?? "",
  }));
  if (!manifest.metadataUri || !manifest.metadataHash) {
    // The task list is content-addressed: uploading it again after a crash lands at the same URI.
    const list = await putBlob(blobUrl, encodeTaskList(tasks));
    const posted = await putBlob(blobUrl, opts.metadata(list.uri));
    manifest.metadataUri = posted.uri;
    manifest.metadataHash = posted.hash;
  }
  opts.save();

  if (!existing) {
    const now = Math.floor(Date.now() / 1000);
    const ix = await getCreateCampaignInstruction({
      requester: keys.signer,
      id: opts.campaignId,
      price: terms.priceLamports,
      taskCount: total,
      replication: terms.replication,
      minRating: terms.minRating,
      admitUnrated: terms.admitUnrated ?? terms.minRating <= RATING_PRIOR,
      reviewWindow: BigInt(terms.reviewWindowSeconds ?? 7 * 86_400),
      tasksRoot: computeTasksRoot(tasks),
      maxShareBps: terms.maxShareBps,
      isPrivate: terms.isPrivate,
      deadline: BigInt(now + (terms.deadlineSeconds ?? 30 * 86_400)),
      assignmentTimeout: BigInt(terms.assignmentTimeoutSeconds ?? 3_600),
      labelSchemaHash: Uint8Array.from(Buffer.from(manifest.metadataHash, "hex")),
      metadataUri: manifest.metadataUri,
    });
    await chain.send(keys.signer, [ix]);
  }

  // The task pages: one per 8,192 tasks, all in one transaction when they fit.
  const onChain = await chain.campaign(campaign);
  if (!onChain) throw new RequesterError(`The campaign ${campaign} was not created.`);
  const pages = await getAddTaskPageInstructions({ requester: keys.signer, campaign, taskCount: onChain.taskCount });
  const missing: typeof pages = [];
  for (const ix of pages) if (!(await chain.accountData(ix.accounts[2]!.address))) missing.push(ix);
  for (const ix of missing) await chain.send(keys.signer, [ix]);
  progress({ phase: "tasks", done: total, total });
  manifest.complete = true;
  opts.save();
  return onChain.taskCount;
}

/** Rent for the campaign, escrow and task pages (all refunded at close), the workers' pay, and a fee allowance. */
async function checkFunds({ chain, keys, terms, blobs, noun }: PostCampaignOptions): Promise<void> {
  const n = blobs.length;
  const needed =
    computeCampaignFunding(terms.priceLamports, n, terms.replication) +
    computeRequesterRent(n) +
    FEE_ALLOWANCE_PER_TX * BigInt(4);
  const balance = await chain.balance(keys.address);
  if (balance < needed) {
    throw new RequesterError(
      `The wallet ${keys.address} holds ${formatSol(balance)} SOL; this campaign needs about ${formatSol(needed)} SOL ` +
        `(${n} ${noun} × ${terms.replication} workers × ${formatSol(terms.priceLamports)} SOL, plus rent and fees). Fund it and create the campaign again with the same inputs: it resumes where it stopped.`,
    );
  }
}
