import type { Label } from "../../../shared/annotation";
import type {
  CampaignFirstGuess,
  FirstGuessRequest,
  FirstGuessResult,
  FirstGuessStatus,
  LabelMapping,
} from "../../../shared/api/first-guess";
import { FirstGuessRequest as RequestSchema } from "../../../shared/api/first-guess";
import { ApiError } from "../../../shared/api/errors";
import type { Detection, DetectorPort, ModelEntry, ModelRegistry, ScanResult } from "../../../lib/first-guess";
import { DEFAULT_DETECT_PARAMS, detectionsToShapes, modelId, modelInfo } from "../../../lib/first-guess";
import type { FirstGuessPrefs } from "./first-guess-prefs";
import { SuggestionQueue } from "./suggestion-queue";

/** Where decrypted task bytes come from (the task subsystem's in-memory cache), by task id. */
export type ImageSource = (taskId: string) => Promise<Uint8Array | null>;

export interface FirstGuessServiceOptions {
  readonly registry: ModelRegistry;
  readonly detector: DetectorPort;
  readonly prefs: FirstGuessPrefs;
  readonly imageSource?: ImageSource;
  readonly onStatus?: (status: FirstGuessStatus) => void;
  readonly log?: (line: string) => void;
  /** Detections kept per (task, model) so reopening a task or a prefetched one is instant. */
  readonly cacheSize?: number;
}

export interface PreparedTask {
  readonly taskId: string;
  readonly campaignId: string;
  readonly image: Uint8Array;
  readonly labels: Label[];
  /** The campaign's recommendation (metadata `firstGuess`), if any. */
  readonly firstGuess?: CampaignFirstGuess | undefined;
}

interface Detected {
  readonly model: ModelEntry;
  readonly width: number;
  readonly height: number;
  readonly detections: Detection[];
  readonly ms: number;
}

/**
 * First guesses for tasks: verifies and loads a model in the detector thread, runs the task
 * on screen before prefetched ones, and maps detections onto the campaign's labels. Every
 * method returns a promise at once; none waits on the model to answer anything else.
 */
export class FirstGuessService {
  private readonly queue = new SuggestionQueue<Detected>();
  private readonly cache = new Map<string, Detected>();
  private state: FirstGuessStatus["state"] = "idle";
  private error: string | null = null;
  private loaded: ModelEntry | null = null;
  private loading: Promise<ModelEntry> | null = null;
  private loadingHash: string | undefined;
  private scanned: ScanResult | null = null;
  /** Campaigns seen recommending first guesses: on for them unless the worker turned them off. */
  private readonly recommending = new Set<string>();

  constructor(private readonly options: FirstGuessServiceOptions) {}

  async status(): Promise<FirstGuessStatus> {
    const scan = this.scanned ?? (await this.rescan());
    return {
      state: this.state,
      loadedModel: this.loaded ? modelId(this.loaded.manifest) : null,
      error: this.error,
      models: scan.models.map(modelInfo),
      refused: scan.refused,
      enabledCampaigns: this.enabledCampaigns(),
      queued: this.queue.size,
    };
  }

  async rescan(): Promise<ScanResult> {
    this.scanned = await this.options.registry.scan();
    return this.scanned;
  }

  /** The worker's switch; a campaign that recommends a model has them on until switched off. */
  isEnabled(campaignId: string): boolean {
    if (this.options.prefs.enabledCampaigns().includes(campaignId)) return true;
    return this.recommending.has(campaignId) && !this.options.prefs.disabledCampaigns().includes(campaignId);
  }

  enabledCampaigns(): string[] {
    const disabled = new Set(this.options.prefs.disabledCampaigns());
    const on = new Set([
      ...this.options.prefs.enabledCampaigns(),
      ...[...this.recommending].filter((c) => !disabled.has(c)),
    ]);
    return [...on].sort();
  }

  setEnabled(campaignId: string, enabled: boolean): { campaignId: string; enabled: boolean } {
    this.options.prefs.setEnabled(campaignId, enabled);
    // Turning it on warms the model up in the background, so the next task opens with guesses.
    if (enabled) void this.ensureModel().catch(() => {});
    this.emitStatus();
    return { campaignId, enabled };
  }

  /** Starts (or joins) loading a model; the status says "loading" meanwhile. */
  ensureModel(hash?: string): Promise<ModelEntry> {
    // No hash means the shipped default: a campaign's recommended model does not stand in for it.
    const fits = (m: ModelEntry): boolean => (hash ? m.hash === hash : m.origin === "shipped");
    if (this.loaded && fits(this.loaded) && !this.loading) return Promise.resolve(this.loaded);
    if (this.loading && this.loadingHash === hash) return this.loading;
    const previous = this.loading ?? Promise.resolve(null);
    this.loadingHash = hash;
    this.state = "loading";
    this.emitStatus();
    const loading = previous
      .catch(() => null)
      .then(async () => {
        const model = await this.options.registry.load(hash);
        await this.options.detector.load(model);
        return model.entry;
      })
      .then(
        (entry) => {
          if (this.loading === loading) this.loading = null;
          this.loaded = entry;
          this.state = "ready";
          this.error = null;
          this.options.log?.(`first guesses: ${modelId(entry.manifest)} loaded`);
          this.emitStatus();
          return entry;
        },
        (error: unknown) => {
          if (this.loading === loading) this.loading = null;
          this.loaded = null;
          this.state = "failed";
          this.error = error instanceof Error ? error.message : String(error);
          this.options.log?.(`first guesses: model failed to load: ${this.error}`);
          this.emitStatus();
          throw new ApiError("unavailable", this.error);
        },
      );
    this.loading = loading;
    return loading;
  }

  async suggest(input: FirstGuessRequest): Promise<FirstGuessResult> {
    const request = RequestSchema.parse(input);
    if (request.campaignId && !this.isEnabled(request.campaignId))
      throw new ApiError("rejected", `first guesses are off for campaign ${request.campaignId}`);
    const minScore = request.minScore ?? DEFAULT_DETECT_PARAMS.minScore;
    const key = `${request.taskId}|${request.modelHash ?? "default"}|${minScore}`;
    let detected = this.cache.get(key);
    if (!detected) {
      detected = await this.queue.enqueue(key, request.priority, () =>
        this.detect(request.taskId, request.image, request.modelHash, minScore),
      );
      this.remember(key, detected);
    }
    return resultOf(request.taskId, detected, request.labels, request.mapping);
  }

  /**
   * The guesses for a task when they were already made (a prefetched task), with the same key
   * `prepare` used; null otherwise. Starts nothing, so task opening can carry them for free.
   */
  ready(task: Omit<PreparedTask, "image">): FirstGuessResult | null {
    if (!this.isEnabled(task.campaignId)) return null;
    const detected = this.cache.get(
      `${task.taskId}|${task.firstGuess?.model ?? "default"}|${DEFAULT_DETECT_PARAMS.minScore}`,
    );
    return detected ? resultOf(task.taskId, detected, task.labels, task.firstGuess?.mapping) : null;
  }

  /**
   * The task subsystem's hook for the worker's queue: notes a campaign's recommendation and, when
   * first guesses are on for it, starts loading the model (recommended or default) in the
   * background, so the first task opens with guesses instead of waiting for the load.
   */
  warm(campaignId: string, recommendation: CampaignFirstGuess | undefined): void {
    if (recommendation && !this.recommending.has(campaignId)) {
      this.recommending.add(campaignId);
      this.emitStatus();
    }
    if (!this.isEnabled(campaignId)) return;
    this.ensureModel(recommendation?.model).catch(() => {
      // The status says why; the task's own request reports it again.
    });
  }

  /**
   * The task subsystem's hook: call it with the decrypted bytes when a task is opened or
   * prefetched. Does nothing when the campaign has first guesses off; otherwise the guesses are
   * computed in the background and cached, so `guesses:suggest` for that task answers at once.
   * Returns whether first guesses are on for the task's campaign.
   */
  prepare(task: PreparedTask, reason: "open" | "prefetch"): boolean {
    if (task.firstGuess && !this.recommending.has(task.campaignId)) {
      this.recommending.add(task.campaignId);
      this.emitStatus();
    }
    if (!this.isEnabled(task.campaignId)) return false;
    // The contract's schema types bytes as ArrayBuffer-backed; task bytes are never shared memory.
    const request = {
      taskId: task.taskId,
      campaignId: task.campaignId,
      image: task.image as Uint8Array<ArrayBuffer>,
      labels: task.labels,
      mapping: task.firstGuess?.mapping,
      modelHash: task.firstGuess?.model,
    };
    if (reason === "prefetch") this.prefetch(request);
    else
      this.suggest({ ...request, priority: "current" }).catch((error: unknown) =>
        this.options.log?.(
          `first guesses: ${task.taskId} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    return true;
  }

  /** Queues a task behind the current one; failures are logged, never thrown at the caller. */
  prefetch(input: Omit<FirstGuessRequest, "priority">): void {
    this.suggest({ ...input, priority: "prefetch" }).catch((error: unknown) => {
      this.options.log?.(
        `first guesses: prefetch of ${input.taskId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  async dispose(): Promise<void> {
    this.queue.clear(new Error("first guesses stopped"));
    await this.options.detector.dispose();
  }

  private async detect(
    taskId: string,
    image: Uint8Array | undefined,
    hash: string | undefined,
    minScore: number,
  ): Promise<Detected> {
    const bytes = image ?? (await this.options.imageSource?.(taskId)) ?? null;
    if (!bytes)
      throw new ApiError(
        "not_found",
        "This task's image is no longer in memory for first guesses: open the task again.",
      );
    const model = await this.ensureModel(hash);
    this.emitStatus();
    try {
      const result = await this.options.detector.detect(bytes, { ...DEFAULT_DETECT_PARAMS, minScore });
      return { model, width: result.width, height: result.height, detections: result.detections, ms: result.ms };
    } catch (error) {
      throw new ApiError(
        "invalid_input",
        `first guesses for task ${taskId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private remember(key: string, detected: Detected): void {
    this.cache.delete(key);
    this.cache.set(key, detected);
    const max = this.options.cacheSize ?? 64;
    while (this.cache.size > max) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private emitStatus(): void {
    const listener = this.options.onStatus;
    if (!listener) return;
    void this.status().then(listener, () => {});
  }
}

/** Detections → the contract's answer: boxes on the campaign's labels, unmapped classes dropped. */
function resultOf(
  taskId: string,
  detected: Detected,
  labels: readonly Label[],
  mapping: LabelMapping | undefined,
): FirstGuessResult {
  const model = modelId(detected.model.manifest);
  const shapes = detectionsToShapes(detected.detections, {
    classes: detected.model.manifest.classes,
    labels,
    mapping,
    model,
  });
  return { taskId, model, image: { width: detected.width, height: detected.height }, shapes, inferenceMs: detected.ms };
}
