// `amplify campaign create --type moderation`: items (JSONL or a folder) and a policy file are
// read and checked in full first; then the same steps as any campaign — check funds, upload the
// (encrypted) items, post the metadata, create the campaign, add its tasks — each idempotent,
// so a re-run with the same inputs resumes.
import crypto from "node:crypto";
import type { Address } from "@solana/kit";
import { canonicalJson } from "../../../../shared/annotation";
import type { Label } from "../../../../shared/annotation";
import { CampaignMetadata } from "../../../../shared/api/tasks";
import type { ModerationCategory, TextItemBlob } from "../../../../shared/moderation";
import { MODERATION_LABEL_KIND } from "../../../../shared/moderation";
import { ACCOUNT_SIZES, RATING_MAX, computeCampaignFunding, findCampaignPda, getCreateCampaignInstruction } from "../../../../shared/protocol";
import { encryptEnvelope } from "../../../../electron/core/crypto";
import { putBlob, sha256Hex } from "../blobClient";
import { RequesterError, type AmplifyChain } from "../chain";
import { formatSol } from "../createCampaign";
import type { RequesterKeys } from "../keyfile";
import type { ProgressListener } from "../progress";
import { readModerationItems, type ModerationInput } from "./itemsSource";
import { findModerationManifestByInputs, saveModerationManifest, type ModerationManifest } from "./moderationManifest";
import { readPolicyFile, type ModerationPolicySpec } from "./policyFile";
import { addAllTasks } from "./taskBatches";

export interface CreateModerationOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  stateDir: string;
  /** A JSONL file or a folder (the CLI), or items already read (the app, tests). */
  items: string | ModerationInput[];
  /** A policy file (the CLI), or one already parsed. */
  policy: string | ModerationPolicySpec;
  priceLamports: bigint;
  minRating: number;
  maxShareBps: number;
  replication: number;
  isPrivate: boolean;
  deadlineSeconds?: number;
  assignmentTimeoutSeconds?: number;
  onProgress?: ProgressListener;
}

export interface CreatedModerationCampaign {
  campaign: Address;
  campaignId: bigint;
  taskCount: number;
  resumed: boolean;
  manifest: ModerationManifest;
}

const UPLOAD_CONCURRENCY = 6;
const FEE_ALLOWANCE_PER_TX = 10_000n;
const SEVERITY_COLOURS: Record<ModerationCategory["severity"], string> = {
  none: "#3fb950",
  low: "#58a6ff",
  medium: "#d29922",
  high: "#f0883e",
  critical: "#f85149",
};

/** The bytes stored for one item: an image as itself, a text as canonical JSON (never bare). */
export function itemBlob(item: ModerationInput): Uint8Array {
  if (item.kind === "image") return item.bytes;
  const blob: TextItemBlob = { kind: "text", text: item.text };
  return new TextEncoder().encode(canonicalJson(blob));
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new RequesterError(message);
}

export async function createModerationCampaign(opts: CreateModerationOptions): Promise<CreatedModerationCampaign> {
  check(opts.priceLamports > 0n, "The price per task must be positive.");
  check(Number.isInteger(opts.replication) && opts.replication >= 1 && opts.replication <= 100, "Replication must be a whole number from 1 to 100.");
  check(Number.isInteger(opts.minRating) && opts.minRating >= 0 && opts.minRating <= RATING_MAX, "The minimum rating must be between 0 and 5 stars.");
  check(Number.isInteger(opts.maxShareBps) && opts.maxShareBps >= 1 && opts.maxShareBps <= 10_000, "The maximum share must be between 0.01 % and 100 %.");
  // Both inputs are read and validated before the chain or the blob store is touched.
  const spec = typeof opts.policy === "string" ? readPolicyFile(opts.policy) : opts.policy;
  const items = typeof opts.items === "string" ? readModerationItems(opts.items) : opts.items;
  const progress = opts.onProgress ?? (() => {});
  const blobs = items.map(itemBlob);

  const inputsKey = sha256Hex(
    new TextEncoder().encode(
      JSON.stringify({
        kind: "moderation",
        requester: opts.keys.address,
        items: items.map((item, i) => [item.id, item.kind, sha256Hex(blobs[i] ?? new Uint8Array())]),
        spec,
        price: String(opts.priceLamports),
        minRating: opts.minRating,
        maxShareBps: opts.maxShareBps,
        replication: opts.replication,
        isPrivate: opts.isPrivate,
      }),
    ),
  );
  const previous = findModerationManifestByInputs(opts.stateDir, inputsKey);
  const campaignId = previous ? BigInt(previous.campaignId) : BigInt(crypto.randomBytes(6).readUIntLE(0, 6)) || 1n;
  const [campaign] = await findCampaignPda(opts.keys.address, campaignId);
  const manifest: ModerationManifest = previous ?? {
    version: 1,
    kind: "moderation",
    inputsKey,
    campaign,
    campaignId: String(campaignId),
    requester: opts.keys.address,
    title: spec.title,
    policy: spec.policy,
    isPrivate: opts.isPrivate,
    items: items.map((item, index) => ({ index, id: item.id, kind: item.kind })),
    complete: false,
  };
  saveModerationManifest(opts.stateDir, manifest);

  const existing = await opts.chain.campaign(campaign);
  if (!existing) {
    const n = items.length;
    const [campaignRent = 0n, escrowRent = 0n, taskRent = 0n] = await Promise.all(
      [ACCOUNT_SIZES.campaign, ACCOUNT_SIZES.escrow, ACCOUNT_SIZES.task].map((size) => opts.chain.rpc.getMinimumBalanceForRentExemption(BigInt(size)).send()),
    );
    const needed = computeCampaignFunding(opts.priceLamports, n, opts.replication) + campaignRent + escrowRent + taskRent * BigInt(n) + FEE_ALLOWANCE_PER_TX * BigInt(2 + n);
    const balance = await opts.chain.balance(opts.keys.address);
    if (balance < needed) {
      throw new RequesterError(
        `The wallet ${opts.keys.address} holds ${formatSol(balance)} SOL; this campaign needs about ${formatSol(needed)} SOL ` +
          `(${n} items × ${opts.replication} workers × ${formatSol(opts.priceLamports)} SOL, plus rent and fees). Fund it and run the same command again.`,
      );
    }
  }

  const { blobUrl } = opts.chain.endpoints;
  let uploaded = 0;
  let next = 0;
  const uploadOne = async (index: number): Promise<void> => {
    const entry = manifest.items[index];
    const body = blobs[index];
    if (!entry || !body) throw new RequesterError("The manifest does not match the items; remove it to start over.");
    if (!entry.uri) {
      const fileKey = opts.isPrivate ? opts.keys.fileKey(campaign, index) : undefined;
      const stored = fileKey ? encryptEnvelope(body, fileKey) : body;
      fileKey?.fill(0);
      const { hash, uri } = await putBlob(blobUrl, stored);
      entry.dataHash = hash;
      entry.uri = uri;
    }
    progress({ phase: "upload", done: ++uploaded, total: items.length });
    if (uploaded % 32 === 0) saveModerationManifest(opts.stateDir, manifest);
  };
  await Promise.all(
    Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
      while (next < items.length) await uploadOne(next++);
    }),
  );
  if (!manifest.metadataUri || !manifest.metadataHash) {
    const metadata = CampaignMetadata.parse({
      title: spec.title,
      description: spec.instructions,
      labelKind: MODERATION_LABEL_KIND,
      // Categories as labels too, so views that know only labels still show something sensible.
      labels: spec.policy.categories.map((c, i): Label => ({ id: c.id, name: c.name, color: SEVERITY_COLOURS[c.severity], hotkey: String(i + 1) })),
      moderation: { policy: spec.policy, ...(spec.unblurred ? { unblurred: true } : {}) },
      ...(opts.isPrivate ? { requesterX25519: Buffer.from(opts.keys.x25519.publicKey).toString("hex") } : {}),
    });
    const posted = await putBlob(blobUrl, new TextEncoder().encode(canonicalJson(metadata)));
    manifest.metadataUri = posted.uri;
    manifest.metadataHash = posted.hash;
  }
  saveModerationManifest(opts.stateDir, manifest);

  if (!existing) {
    const now = Math.floor(Date.now() / 1000);
    const ix = await getCreateCampaignInstruction({
      requester: opts.keys.signer,
      id: campaignId,
      price: opts.priceLamports,
      maxTasks: items.length,
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
  const taskCount = await addAllTasks(
    opts.chain,
    opts.keys.signer,
    campaign,
    manifest.items.map((t) => ({ dataHash: t.dataHash ?? "", uri: t.uri ?? "" })),
    progress,
  );
  manifest.complete = true;
  saveModerationManifest(opts.stateDir, manifest);
  return { campaign, campaignId, taskCount, resumed: previous !== undefined, manifest };
}
