// `amplify campaign create --type moderation`: items (JSONL or a folder) and a policy file are
// read and checked in full first; then the same steps as any campaign — check funds, upload the
// (encrypted) items, post the metadata, create the campaign, add its tasks — each idempotent,
// so a re-run with the same inputs resumes.
import type { Address } from "@solana/kit";
import { canonicalJson } from "../../../shared/annotation";
import type { Label } from "../../../shared/annotation";
import { CampaignMetadata } from "../../../shared/api/tasks";
import type { ModerationCategory, TextItemBlob } from "../../../shared/moderation";
import { MODERATION_LABEL_KIND } from "../../../shared/moderation";
import { sha256Hex } from "../../blobs";
import type { AmplifyChain } from "../../chain";
import type { RequesterKeys } from "../keyfile";
import {
  campaignAddress,
  checkTerms,
  inputsKeyOf,
  postCampaign,
  termsInputs,
  type CampaignTerms,
} from "../post-campaign";
import type { ProgressListener } from "../progress";
import { readModerationItems, type ModerationInput } from "./items-source";
import { findModerationManifestByInputs, saveModerationManifest, type ModerationManifest } from "./moderation-manifest";
import { readPolicyFile, type ModerationPolicySpec } from "./policy-file";

export interface CreateModerationOptions extends CampaignTerms {
  chain: AmplifyChain;
  keys: RequesterKeys;
  stateDir: string;
  /** A JSONL file or a folder (the CLI), or items already read (the app, tests). */
  items: string | ModerationInput[];
  /** A policy file (the CLI), or one already parsed. */
  policy: string | ModerationPolicySpec;
  onProgress?: ProgressListener;
}

export interface CreatedModerationCampaign {
  campaign: Address;
  campaignId: bigint;
  taskCount: number;
  resumed: boolean;
  manifest: ModerationManifest;
}

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

export async function createModerationCampaign(opts: CreateModerationOptions): Promise<CreatedModerationCampaign> {
  checkTerms(opts);
  // Both inputs are read and validated before the chain or the blob store is touched.
  const spec = typeof opts.policy === "string" ? readPolicyFile(opts.policy) : opts.policy;
  const items = typeof opts.items === "string" ? readModerationItems(opts.items) : opts.items;
  const blobs = items.map(itemBlob);

  const inputsKey = inputsKeyOf({
    kind: "moderation",
    requester: opts.keys.address,
    items: items.map((item, i) => [item.id, item.kind, sha256Hex(blobs[i] ?? new Uint8Array())]),
    spec,
    ...termsInputs(opts),
  });
  const previous = findModerationManifestByInputs(opts.stateDir, inputsKey);
  const { campaign, campaignId } = await campaignAddress(opts.keys.address, previous);
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

  const taskCount = await postCampaign({
    chain: opts.chain,
    keys: opts.keys,
    terms: opts,
    campaign,
    campaignId,
    blobs,
    manifest,
    entries: manifest.items,
    save: () => saveModerationManifest(opts.stateDir, manifest),
    metadata: (tasksUri) => {
      const metadata = CampaignMetadata.parse({
        tasksUri,
        title: spec.title,
        description: spec.instructions,
        labelKind: MODERATION_LABEL_KIND,
        // Categories as labels too, so views that know only labels still show something sensible.
        labels: spec.policy.categories.map((c, i): Label => ({
          id: c.id,
          name: c.name,
          color: SEVERITY_COLOURS[c.severity],
          hotkey: String(i + 1),
        })),
        moderation: { policy: spec.policy, ...(spec.unblurred ? { unblurred: true } : {}) },
        ...(opts.isPrivate ? { requesterX25519: Buffer.from(opts.keys.x25519.publicKey).toString("hex") } : {}),
      });
      return new TextEncoder().encode(canonicalJson(metadata));
    },
    noun: "items",
    mismatch: "The manifest does not match the items; remove it to start over.",
    onProgress: opts.onProgress,
  });
  return { campaign, campaignId, taskCount, resumed: previous !== undefined, manifest };
}
