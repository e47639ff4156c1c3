// The steps every campaign takes once its creator has read and checked its inputs: record the
// manifest, check the wallet can pay, upload each task's blob (encrypted with its file key if
// the campaign is private), post the metadata, create the campaign and add its tasks. Each step
// is idempotent and recorded in the manifest, so a re-run with the same inputs resumes.
import crypto from "node:crypto";
import type { Address } from "@solana/kit";
import { ACCOUNT_SIZES, computeCampaignFunding, findCampaignPda, getCreateCampaignInstruction, RATING_MAX } from "../../shared/protocol";
import { encryptEnvelope } from "../crypto";
import { addAllTasks } from "./add-all-tasks";
import { putBlob, sha256Hex } from "../blobs";
import { RequesterError, type AmplifyChain } from "../chain";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import { formatSol } from "./sol-amount";

/** What the requester offers, as create_campaign takes it. */
export interface CampaignTerms {
  priceLamports: bigint;
  /** 0..10000 (5 stars = 10000; unrated workers count as 2000). */
  minRating: number;
  /** 1..10000 basis points of the campaign one worker may take. */
  maxShareBps: number;
  replication: number;
  isPrivate: boolean;
  deadlineSeconds?: number;
  assignmentTimeoutSeconds?: number;
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
  /** The campaign's canonical metadata bytes; built only if not posted yet. */
  metadata: () => Uint8Array;
  /** How the funding message counts the tasks ("tasks", "items"). */
  noun: string;
  /** The error when the manifest does not match the inputs. */
  mismatch: string;
  onProgress?: ProgressListener | undefined;
}

const UPLOAD_CONCURRENCY = 6;
const FEE_ALLOWANCE_PER_TX = 10_000n;

function check(condition: boolean, message: string): void {
  if (!condition) throw new RequesterError(message);
}

/** Rejects terms the program would refuse, before any input is read. */
export function checkTerms(terms: CampaignTerms): void {
  check(terms.priceLamports > 0n, "The price per task must be positive.");
  check(Number.isInteger(terms.replication) && terms.replication >= 1 && terms.replication <= 100, "Replication must be a whole number from 1 to 100.");
  check(Number.isInteger(terms.minRating) && terms.minRating >= 0 && terms.minRating <= RATING_MAX, "The minimum rating must be between 0 and 5 stars.");
  check(Number.isInteger(terms.maxShareBps) && terms.maxShareBps >= 1 && terms.maxShareBps <= 10_000, "The maximum share must be between 0.01 % and 100 %.");
}

/** The terms as they enter a campaign's inputs key (this order: the key must not change). */
export function termsInputs(terms: CampaignTerms): { price: string; minRating: number; maxShareBps: number; replication: number; isPrivate: boolean } {
  return { price: String(terms.priceLamports), minRating: terms.minRating, maxShareBps: terms.maxShareBps, replication: terms.replication, isPrivate: terms.isPrivate };
}

/** The key a manifest is found by: the hash of everything that defines the campaign. */
export function inputsKeyOf(inputs: unknown): string {
  return sha256Hex(new TextEncoder().encode(JSON.stringify(inputs)));
}

/** The campaign a resumed manifest names, or a new one with a random id. */
export async function campaignAddress(requester: Address, previous: { campaignId: string } | undefined): Promise<{ campaign: Address; campaignId: bigint }> {
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
  if (!manifest.metadataUri || !manifest.metadataHash) {
    const posted = await putBlob(blobUrl, opts.metadata());
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
      maxTasks: total,
      replication: terms.replication,
      minRating: terms.minRating,
      maxShareBps: terms.maxShareBps,
      isPrivate: terms.isPrivate,
      deadline: BigInt(now + (terms.deadlineSeconds ?? 30 * 86_400)),
      assignmentTimeout: BigInt(terms.assignmentTimeoutSeconds ?? 3_600),
      labelSchemaHash: Uint8Array.from(Buffer.from(manifest.metadataHash, "hex")),
      metadataUri: manifest.metadataUri,
    });
    await chain.send(keys.signer, [ix]);
  }

  const taskCount = await addAllTasks(
    chain,
    keys.signer,
    campaign,
    entries.map((t) => ({ dataHash: t.dataHash ?? "", uri: t.uri ?? "" })),
    progress,
  );
  manifest.complete = true;
  opts.save();
  return taskCount;
}

/** Rent for the campaign, escrow and task accounts, the workers' pay, and a fee allowance. */
async function checkFunds({ chain, keys, terms, blobs, noun }: PostCampaignOptions): Promise<void> {
  const n = blobs.length;
  const [campaignRent = 0n, escrowRent = 0n, taskRent = 0n] = await Promise.all(
    [ACCOUNT_SIZES.campaign, ACCOUNT_SIZES.escrow, ACCOUNT_SIZES.task].map((size) => chain.rpc.getMinimumBalanceForRentExemption(BigInt(size)).send()),
  );
  const needed = computeCampaignFunding(terms.priceLamports, n, terms.replication) + campaignRent + escrowRent + taskRent * BigInt(n) + FEE_ALLOWANCE_PER_TX * BigInt(2 + n);
  const balance = await chain.balance(keys.address);
  if (balance < needed) {
    throw new RequesterError(
      `The wallet ${keys.address} holds ${formatSol(balance)} SOL; this campaign needs about ${formatSol(needed)} SOL ` +
        `(${n} ${noun} × ${terms.replication} workers × ${formatSol(terms.priceLamports)} SOL, plus rent and fees). Fund it and run the same command again.`,
    );
  }
}
