import { stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { address as toAddress, type Address } from "@solana/kit";
import type {
  CreateCampaignRequest,
  CreatedCampaign,
  ExportOutcome,
  ExportRequest,
  RequesterCampaign,
  RequesterProgress,
  RequesterRent,
  ReviewOutcome,
  WorkerReview,
} from "../../../shared/api";
import { ApiError } from "../../../shared/api";
import {
  AmplifyChain,
  campaignRentHeld,
  campaignStatus,
  closeCampaign,
  closedCampaignRent,
  createCampaign,
  endCampaign,
  exportResults,
  loadManifest,
  parseLabels,
  parseSol,
  reviewCampaign,
  type Progress,
  type RequesterKeys,
} from "../../../lib/requester";
import { RATING_PRIOR } from "../../../shared/protocol";
import { CampaignTitles } from "./campaign-titles";

export interface RequesterEndpoints {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  /** Where campaign images and metadata are uploaded; null when no blob store is configured. */
  readonly blobUrl: string | null;
}

export interface RequesterServiceOptions {
  readonly dataDir: string;
  readonly endpoints: () => RequesterEndpoints;
  /** The unlocked keystore as the library's requester (throws "locked" otherwise). */
  readonly keys: () => RequesterKeys;
  readonly onProgress: (progress: RequesterProgress) => void;
  /** Told after a campaign is created, so the key service can start for a private one. */
  readonly onCreated: (campaign: Address, isPrivate: boolean) => void;
}

export class RequesterUnavailable extends Error {
  override readonly name = "RequesterUnavailable";
}

/**
 * The Requester view's operations: thin calls into the same library the `amplify` CLI runs,
 * with the keystore as signer and the app's data directory as the manifests' home.
 */
export class RequesterService {
  /** Manifests (resume state, file names) live here, as under the CLI's state directory. */
  readonly stateDir: string;
  private readonly titles = new CampaignTitles();
  private cached: { key: string; chain: AmplifyChain } | null = null;

  constructor(private readonly options: RequesterServiceOptions) {
    this.stateDir = join(options.dataDir, "requester");
  }

  chain(): AmplifyChain {
    const e = this.options.endpoints();
    const key = `${e.rpcUrl} ${e.wsUrl} ${e.blobUrl ?? ""}`;
    if (this.cached?.key !== key)
      this.cached = { key, chain: new AmplifyChain({ rpcUrl: e.rpcUrl, wsUrl: e.wsUrl, blobUrl: e.blobUrl ?? "" }) };
    return this.cached.chain;
  }

  async create(request: CreateCampaignRequest): Promise<CreatedCampaign> {
    if (!this.options.endpoints().blobUrl)
      throw new RequesterUnavailable("no blob store to upload images to: add a blob gateway in Settings");
    const keys = this.options.keys();
    const examplesFolder = request.examples?.length ? request.examplesFolder : undefined;
    if (examplesFolder !== undefined && !isAbsolute(examplesFolder))
      throw ApiError.field(
        "examplesFolder",
        `“${examplesFolder}” is a relative path, and the app would not know where it is. Give the full path of the examples folder (starting with /).`,
      );
    const progress = (p: Progress) =>
      this.options.onProgress({ operation: "create", phase: p.phase, done: p.done, total: p.total });
    this.options.onProgress({ operation: "create", phase: "read", done: 0, total: 0 });
    const created = await createCampaign({
      chain: this.chain(),
      keys,
      stateDir: this.stateDir,
      imagesDir: request.folder,
      // The form's fields go through the CLI's labels-file parser: same ids, colours, hotkeys.
      labels: parseLabels(
        JSON.stringify({
          title: request.title,
          instructions: request.instructions,
          tool:
            request.labelKind === "class"
              ? "class"
              : [request.labelKind, ...(request.kinds ?? []).filter((k) => k !== request.labelKind)].join("+"),
          labels:
            request.skeleton || request.attributes
              ? request.labels.map((name) => ({
                  name,
                  ...(request.skeleton ? { skeleton: request.skeleton } : {}),
                  ...(request.attributes ? { attributes: request.attributes } : {}),
                }))
              : request.labels,
          ...(request.labelKind === "class" && request.noneOfThese ? { noneOfThese: true } : {}),
          ...(examplesFolder !== undefined && request.examples
            ? {
                examples: request.examples.map((e) => ({
                  image: join(examplesFolder, e.file),
                  caption: e.caption,
                })),
              }
            : {}),
        }),
        "the campaign form",
      ),
      priceLamports: parseSol(request.priceSol),
      minRating: Math.round(request.minStars * 2000),
      maxShareBps: 10_000,
      replication: request.replication,
      isPrivate: request.isPrivate,
      deadlineSeconds: request.deadlineDays * 86_400,
      onProgress: progress,
    });
    this.titles.remember(created.campaign, request.title, request.labelKind);
    this.options.onCreated(created.campaign, request.isPrivate);
    return { campaign: created.campaign, taskCount: created.taskCount, resumed: created.resumed };
  }

  async campaigns(): Promise<RequesterCampaign[]> {
    const keys = this.options.keys();
    const chain = this.chain();
    const mine = await chain.campaigns(keys.address);
    const rows = await Promise.all(
      mine.map(async ({ address }): Promise<RequesterCampaign> => {
        const s = await campaignStatus(chain, address);
        const c = s.campaign;
        const manifest = this.manifest(address);
        const { title, labelKind } = manifest
          ? { title: manifest.title, labelKind: manifest.tool }
          : await this.titles.get(address, c);
        const a = s.assignments;
        return {
          address,
          title,
          labelKind,
          private: c.isPrivate,
          closed: c.endedAt !== 0n,
          priceLamports: Number(c.price),
          replication: c.replication,
          tasks: s.tasks,
          slots: s.slots,
          filled: a.accepted + a.keyGranted + a.submitted + a.reviewed,
          submitted: a.submitted + a.reviewed,
          reviewed: a.reviewed,
          awaitingReview: a.submitted,
          escrowLamports: Number(c.escrowBalance),
          rentHeldLamports: Number(await campaignRentHeld(chain, address, c)),
          openAssignments: c.openAssignments,
          ended: c.endedAt !== 0n,
          deadline: Number(c.deadline),
          incomplete: manifest ? !manifest.complete : false,
        };
      }),
    );
    return rows.sort((x, y) => y.deadline - x.deadline || x.address.localeCompare(y.address));
  }

  async rent(): Promise<RequesterRent> {
    const keys = this.options.keys();
    const chain = this.chain();
    const [open, closed] = await Promise.all([this.campaigns(), closedCampaignRent(chain, keys.address)]);
    return {
      heldLamports: open.reduce((sum, c) => sum + c.rentHeldLamports, 0),
      returnedLamports: Number(closed.reduce((sum, c) => sum + c.rentLamports, 0n)),
      closed: closed.slice(-1000).map((c) => ({
        campaign: c.campaign,
        title: this.manifest(c.campaign)?.title ?? null,
        rentLamports: Number(c.rentLamports),
        refundLamports: Number(c.refundLamports),
        closedAt: c.closedAt,
      })),
    };
  }

  async end(campaign: string): Promise<{ signature: string }> {
    return { signature: (await endCampaign(this.chain(), this.options.keys(), toAddress(campaign))).signature };
  }

  /** Releases expired work, closes the campaign, then the workers' shares (lib/requester closeCampaign). */
  async close(campaign: string): Promise<{ signature: string; refundLamports: number }> {
    const closed = await closeCampaign({
      chain: this.chain(),
      keys: this.options.keys(),
      campaign: toAddress(campaign),
    });
    return { signature: closed.signatures.at(-1) ?? "", refundLamports: Number(closed.refund) };
  }

  async review(campaign: string, dryRun = false): Promise<ReviewOutcome> {
    const keys = this.options.keys();
    const chain = this.chain();
    const address = toAddress(campaign);
    const manifest = this.manifest(address);
    const results = await reviewCampaign({
      chain,
      keys,
      campaign: address,
      ...(manifest ? { manifest } : {}),
      dryRun,
      onProgress: (p) => this.options.onProgress({ operation: "review", phase: p.phase, done: p.done, total: p.total }),
    });
    const byWorker = new Map<Address, number[]>();
    for (const r of results)
      byWorker.set(r.worker, [...(byWorker.get(r.worker) ?? []), ...(r.score === undefined ? [] : [r.score])]);
    const workers = await Promise.all(
      [...byWorker.entries()].map(async ([worker, scores]): Promise<WorkerReview> => {
        const profile = await chain.workerProfile(worker);
        return {
          worker,
          results: results.filter((r) => r.worker === worker).length,
          meanScore: scores.length === 0 ? null : scores.reduce((s, v) => s + v, 0) / scores.length,
          rating: profile ? profile.rating : RATING_PRIOR,
          reviewCount: profile?.reviewCount ?? 0,
        };
      }),
    );
    return {
      results: results.map((r) => ({
        assignment: r.assignment,
        worker: r.worker,
        taskIndex: r.taskIndex,
        score: r.score ?? null,
        basis: r.basis,
      })),
      workers: workers.sort((a, b) => (b.meanScore ?? -1) - (a.meanScore ?? -1)),
      posted: dryRun ? 0 : results.filter((r) => r.score !== undefined && r.basis !== "already-reviewed").length,
    };
  }

  async export(request: ExportRequest): Promise<ExportOutcome> {
    const keys = this.options.keys();
    const address = toAddress(request.campaign);
    await checkExportFolder(request.outDir);
    // Results of another requester's campaign are theirs (and their sealed ones cannot be
    // opened with this key anyway): only this key's own campaigns are written out.
    const campaign = await this.chain().campaign(address);
    if (!campaign)
      throw new ApiError(
        "not_found",
        `There is no campaign ${address} on this network: check the RPC address in Settings.`,
      );
    if (campaign.requester !== keys.address) {
      throw new ApiError(
        "rejected",
        `campaign ${address} belongs to ${campaign.requester}, not to this key (${keys.address}): only your own campaigns can be exported`,
      );
    }
    const manifest = this.manifest(address);
    const summary = await exportResults({
      chain: this.chain(),
      keys,
      campaign: address,
      ...(manifest ? { manifest } : {}),
      format: request.format,
      outDir: request.outDir,
      onProgress: (p) => this.options.onProgress({ operation: "export", phase: p.phase, done: p.done, total: p.total }),
    });
    return summary;
  }

  private manifest(address: Address) {
    try {
      return loadManifest(this.stateDir, address);
    } catch {
      // A damaged manifest only costs file names and gold answers; the chain still has the rest.
      return undefined;
    }
  }
}

/**
 * The export folder must be a full path to a folder that exists: a relative path would land
 * wherever core happens to run, and a typo must not silently create a new folder tree.
 */
async function checkExportFolder(outDir: string): Promise<void> {
  if (!isAbsolute(outDir))
    throw ApiError.field(
      "outDir",
      `“${outDir}” is a relative path, and the app would not know where it lands. Give the full path of the export folder (starting with /), or choose it with “Choose…”.`,
    );
  let info;
  try {
    info = await stat(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw ApiError.field(
        "outDir",
        `The folder ${outDir} does not exist. The app does not create folders on its own: create it first, or choose another one.`,
      );
    throw error;
  }
  if (!info.isDirectory())
    throw ApiError.field("outDir", `${outDir} is a file, not a folder: choose a folder to export into.`);
}
