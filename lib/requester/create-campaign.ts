// `amplify campaign create`: validate everything locally, then post the campaign (check the
// wallet can pay, upload the (encrypted) images, create it, add its tasks in size-packed
// batches). Every step is idempotent and recorded, so a re-run with the same inputs resumes.
import type { Address } from "@solana/kit";
import type { CampaignFirstGuess } from "../../shared/api/first-guess";
import { sha256Hex } from "../blobs";
import { encodeMetadata } from "./campaign-metadata";
import { findManifestByInputs, saveManifest, type CampaignManifest } from "./campaign-manifest";
import { RequesterError, type AmplifyChain } from "../chain";
import { readGoldFile } from "./gold-file";
import { readExamples, uploadExamples } from "./examples";
import type { ExampleImage } from "./examples";
import { readImageFolder } from "./images";
import type { RequesterKeys } from "./keyfile";
import { readLabelsFile, type LabelSpec } from "./labels-file";
import { readPrelabels } from "./prelabels";
import {
  campaignAddress,
  checkTerms,
  inputsKeyOf,
  postCampaign,
  termsInputs,
  type CampaignTerms,
} from "./post-campaign";
import type { ProgressListener } from "./progress";

export { formatSol } from "./sol-amount";

export interface CreateCampaignOptions extends CampaignTerms {
  chain: AmplifyChain;
  keys: RequesterKeys;
  /** Where manifests live (resume state, file names, gold). */
  stateDir: string;
  imagesDir: string;
  /** The labels as a file (the CLI) or already parsed (the app's form); one of the two. */
  labelsFile?: string;
  labels?: LabelSpec;
  goldFile?: string;
  /** A COCO, YOLO, VOC or CVAT file (or folder) whose shapes workers start from. Public campaigns only. */
  prelabelsFile?: string;
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

export async function createCampaign(opts: CreateCampaignOptions): Promise<CreatedCampaign> {
  checkTerms(opts);
  const spec = opts.labels ?? (opts.labelsFile !== undefined ? readLabelsFile(opts.labelsFile) : undefined);
  if (!spec) throw new RequesterError("A campaign needs labels: a labels file or a list.");
  const images = await readImageFolder(opts.imagesDir);
  const gold = opts.goldFile
    ? readGoldFile(
        opts.goldFile,
        images.map((i) => i.name),
        spec.labels,
      )
    : {};
  if (opts.prelabelsFile !== undefined && opts.isPrivate)
    throw new RequesterError(
      "Prelabels travel in the campaign's public metadata, so a private campaign cannot carry them; post it public or without --prelabels.",
    );
  const preLabels =
    opts.prelabelsFile !== undefined ? readPrelabels(opts.prelabelsFile, images, spec.labels) : undefined;

  // Read (and refused) before anything is paid for; posted with the metadata.
  const examples: ExampleImage[] = spec.examples ? await readExamples(spec.examples) : [];
  const specKey = { ...spec };
  delete specKey.examples;
  const inputsKey = inputsKeyOf({
    requester: opts.keys.address,
    images: images.map((i) => [i.name, sha256Hex(i.bytes)]),
    spec: specKey,
    // By content, not path; only when set, so campaigns without examples keep their keys.
    ...(examples.length > 0 ? { examples: examples.map((e) => [e.sha256, e.caption]) } : {}),
    gold,
    ...termsInputs(opts),
    // Only when set, so campaigns without one keep the keys they were created with.
    ...(opts.firstGuess ? { firstGuess: opts.firstGuess } : {}),
    ...(preLabels ? { preLabels } : {}),
  });
  const previous = findManifestByInputs(opts.stateDir, inputsKey);
  const { campaign, campaignId } = await campaignAddress(opts.keys.address, previous);
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

  // Uploaded before the metadata that names them (only while it is not posted yet).
  const postedExamples =
    examples.length > 0 && !manifest.metadataUri ? await uploadExamples(opts.chain.endpoints.blobUrl, examples) : [];
  const taskCount = await postCampaign({
    chain: opts.chain,
    keys: opts.keys,
    terms: opts,
    campaign,
    campaignId,
    blobs: images.map((img) => img.bytes),
    manifest,
    entries: manifest.tasks,
    save: () => saveManifest(opts.stateDir, manifest),
    metadata: (tasksUri) =>
      encodeMetadata({
        tasksUri,
        title: spec.title,
        description: spec.instructions,
        labelKind: spec.tool,
        labels: spec.labels,
        ...(spec.noneOfThese ? { noneOfThese: true } : {}),
        ...(postedExamples.length > 0 ? { examples: postedExamples } : {}),
        ...(opts.isPrivate ? { requesterX25519: Buffer.from(opts.keys.x25519.publicKey).toString("hex") } : {}),
        ...(opts.firstGuess ? { firstGuess: opts.firstGuess } : {}),
        ...(preLabels ? { preLabels } : {}),
      }),
    noun: "tasks",
    mismatch: "The manifest does not match the image folder; remove it to start over.",
    onProgress: opts.onProgress,
  });
  return { campaign, campaignId, taskCount, resumed: previous !== undefined, manifest };
}
