import { ApiError } from "../../../shared/api";
import type { OpenedTask, PrefetchState, PrefetchStatus, TaskMeta } from "../../../shared/api/tasks";
import { AssignmentState, computeWorkerPay } from "../../../shared/protocol";
import type { Shape } from "../../../shared/annotation";
import type { BlobFetcher } from "../../../lib/blobs";
import type { ProtocolConfig } from "../../../lib/chain";
import { toHex } from "../../../lib/crypto";
import type { DraftRepository } from "../drafts";
import type { Keystore } from "../keystore";
import type { DecryptPool } from "./decrypt-pool";
import type { FirstGuessResult } from "../../../shared/api/first-guess";
import type { FirstGuessHook } from "./first-guess-hook";
import { toApiError as coreApiError } from "../errors";
import { fetchExample } from "./campaign-examples";
import { sniffMime } from "./mime";
import { PlaintextCache } from "./plaintext-cache";
import type { TaskDirectory, TaskRecord } from "./task-directory";
import { isOpen } from "./task-directory";

export interface TaskServiceOptions {
  readonly directory: TaskDirectory;
  readonly blobs: BlobFetcher;
  readonly pool: DecryptPool;
  readonly keystore: Keystore;
  readonly drafts: DraftRepository;
  readonly config: ProtocolConfig;
  readonly prefetchCount: () => number;
  /** Decrypted bytes held ahead, in total. */
  readonly memoryCapBytes?: number;
  /** Tasks already submitted locally (in the outbox) are not prefetched again. */
  readonly isQueued?: (id: string) => boolean;
  readonly onFailed?: (id: string, code: string, message: string) => void;
  /** Preparing ahead moved on; the queue screen shows it per task and as one bar. */
  readonly onPrefetch?: (status: PrefetchStatus) => void;
  /** Handed the decrypted bytes of every task opened or prefetched (first guesses). */
  readonly firstGuess?: FirstGuessHook;
  readonly log?: (line: string) => void;
}

interface Plain {
  readonly bytes: Uint8Array;
  readonly mime: string;
}

const STATE: Record<number, TaskMeta["state"]> = {
  [AssignmentState.Accepted]: "accepted",
  [AssignmentState.KeyGranted]: "key_granted",
};

/**
 * Opens tasks: fetch (cache by hash), verify, unwrap, decrypt off-thread, hand over. After each
 * open it prepares the next K tasks within a memory cap so the next one appears at once.
 */
export class TaskService {
  private readonly ready: PlaintextCache<Plain>;
  private readonly inflight = new Map<string, Promise<Plain>>();
  private prefetching: Promise<void> | null = null;
  /** Tasks of the current prefetch round that are not in memory yet, and why. */
  private readonly prefetchStates = new Map<string, { state: PrefetchState; message?: string }>();
  /** When a task last failed to prepare: it is not retried ahead for a while (opening it still tries). */
  private readonly prefetchFailedAt = new Map<string, number>();
  /** The task on screen: its bytes stay in memory (only) while it is open, for first guesses. */
  private current: { readonly id: string; readonly plain: Plain } | null = null;

  constructor(private readonly options: TaskServiceOptions) {
    this.ready = new PlaintextCache(options.memoryCapBytes ?? 256 * 1024 * 1024);
  }

  async list(includeDone = false): Promise<TaskMeta[]> {
    let records: TaskRecord[];
    try {
      records = await this.options.directory.refresh();
    } catch (error) {
      // Offline: the last list read from chain is still the worker's queue. Labelling goes on
      // from it (prefetched and cached task data), and the next refresh corrects it.
      records = this.options.directory.all();
      if (records.length === 0) throw error;
    }
    const fee = this.options.config.peek()?.feeBps ?? (await this.options.config.get()).feeBps;
    this.warmGuesses(records);
    // A result already in the outbox is done from the worker's side, even before it lands.
    return records
      .filter((r) => includeDone || (isOpen(r) && !this.options.isQueued?.(r.id)))
      .map((r) => this.meta(r, fee));
  }

  async open(id: string): Promise<OpenedTask> {
    const record = await this.options.directory.lookup(id);
    if (!record)
      throw new ApiError("not_found", "This task is no longer in your queue (submitted, expired or released).");
    let plain = this.ready.get(id);
    if (plain) this.ready.delete(id);
    else {
      try {
        plain = await this.load(record);
      } catch (error) {
        const api = toApiError(error);
        this.options.onFailed?.(id, api.code, api.message);
        throw api;
      }
    }
    this.current = { id, plain };
    const firstGuess = record.metadata?.firstGuess;
    const guessing = this.prepareGuesses(record, plain, "open");
    // Guessed ahead (while prefetched): they travel with the image, no second request.
    const guesses = guessing ? this.readyGuesses(record) : null;
    this.prefetchAfter(id);
    const fee = this.options.config.peek()?.feeBps ?? (await this.options.config.get()).feeBps;
    const preLabels: Shape[] = record.metadata?.preLabels?.[String(record.assignment.taskIndex)] ?? [];
    return {
      meta: this.meta(record, fee),
      image: plain.bytes as Uint8Array<ArrayBuffer>,
      mime: plain.mime,
      labels: record.metadata?.labels ?? [],
      labelKind: record.metadata?.labelKind ?? null,
      instructions: record.metadata?.description ?? "",
      noneOfThese: record.metadata?.noneOfThese === true,
      ...(record.metadata?.examples?.length
        ? { examples: record.metadata.examples.map((e) => ({ caption: e.caption })) }
        : {}),
      preLabels,
      draft: this.options.drafts.load(id),
      firstGuess: {
        enabled: guessing,
        ...(firstGuess?.model ? { model: firstGuess.model } : {}),
        ...(firstGuess?.mapping ? { mapping: firstGuess.mapping } : {}),
        ...(guesses ? { guesses } : {}),
      },
    };
  }

  /** One example image of the task's campaign (public, verified by hash and first bytes; see fetchExample). */
  async example(id: string, index: number): Promise<{ image: Uint8Array<ArrayBuffer>; mime: string }> {
    const record = await this.options.directory.lookup(id);
    if (!record) throw new ApiError("not_found", "This task is no longer in your queue.");
    const example = record.metadata?.examples?.[index];
    if (!example) throw new ApiError("not_found", `This campaign has no example image ${index + 1}.`);
    return fetchExample(this.options.blobs, example, index);
  }

  /**
   * Decrypted bytes of a task if they are in memory (the open task or a prefetched one), for
   * first guesses asked for after the open; null otherwise. Never reads the network or disk.
   */
  bytesInMemory(id: string): Uint8Array | null {
    if (this.current?.id === id) return this.current.plain.bytes;
    return this.ready.has(id) ? (this.ready.get(id)?.bytes ?? null) : null;
  }

  /** Starts preparing ahead from the open task (or the queue's head) unless a round is running. */
  prefetchAhead(): PrefetchStatus {
    this.prefetchAfter(this.current?.id ?? null);
    return this.prefetchStatus();
  }

  /**
   * The prefetch state of every open task that has one (the rest are idle: beyond the window),
   * so a long queue does not send hundreds of rows per step; the window is the next tasks to
   * open, up to the prefetch size.
   */
  prefetchStatus(): PrefetchStatus {
    const all = this.openQueue();
    const items = all.flatMap((r) => {
      // The task on screen is not "ahead": it is open (its bytes left the prefetch cache).
      if (this.current?.id === r.id) return { id: r.id, state: "open" as const };
      if (this.ready.has(r.id)) return { id: r.id, state: "ready" as const };
      const tracked = this.prefetchStates.get(r.id);
      if (tracked && tracked.state !== "failed") return { id: r.id, ...tracked };
      if (waitingForKey(r)) return { id: r.id, state: "waiting_key" as const };
      return tracked ? { id: r.id, ...tracked } : [];
    });
    const window = this.windowAfter(all, this.current?.id ?? null);
    const done = window.filter((r) => this.ready.has(r.id)).length;
    return { items, done, total: window.length };
  }

  /** Resolves when the current prefetch round has finished (tests, benches). */
  async settled(): Promise<void> {
    while (this.prefetching) await this.prefetching;
  }

  cachedBytes(): number {
    return this.ready.bytes();
  }

  forget(id: string): void {
    this.ready.delete(id);
    if (this.current?.id === id) this.current = null;
  }

  dispose(): void {
    this.ready.clear();
    this.current = null;
  }

  private meta(record: TaskRecord, feeBps: number): TaskMeta {
    return {
      id: record.id,
      task: record.task.key,
      campaign: record.assignment.campaign,
      taskIndex: record.assignment.taskIndex,
      state: STATE[record.assignment.state] ?? "accepted",
      private: record.campaign.isPrivate,
      payLamports: Number(computeWorkerPay(record.campaign.price, feeBps)),
      expiresAt: Number(record.assignment.expiresAt),
      title: record.metadata?.title ?? null,
      ready: this.ready.has(record.id),
    };
  }

  /** Lets first guesses load their model while the worker looks at the queue. */
  private warmGuesses(records: readonly TaskRecord[]): void {
    const hook = this.options.firstGuess;
    if (!hook) return;
    const seen = new Set<string>();
    for (const r of records) {
      if (!isOpen(r) || seen.has(r.assignment.campaign)) continue;
      seen.add(r.assignment.campaign);
      try {
        hook.warm(r.assignment.campaign, r.metadata?.firstGuess);
      } catch (error) {
        this.options.log?.(
          `first guesses not warmed for ${r.assignment.campaign}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private readyGuesses(record: TaskRecord): FirstGuessResult | null {
    try {
      return (
        this.options.firstGuess?.ready({
          taskId: record.id,
          campaignId: record.assignment.campaign,
          labels: record.metadata?.labels ?? [],
          firstGuess: record.metadata?.firstGuess,
        }) ?? null
      );
    } catch {
      return null; // the renderer asks for them instead
    }
  }

  /** Hands the bytes to first guesses (memory to memory); whether they are on for the campaign. */
  private prepareGuesses(record: TaskRecord, plain: Plain, reason: "open" | "prefetch"): boolean {
    const hook = this.options.firstGuess;
    if (!hook) return false;
    try {
      return hook.prepare(
        {
          taskId: record.id,
          campaignId: record.assignment.campaign,
          image: plain.bytes,
          labels: record.metadata?.labels ?? [],
          firstGuess: record.metadata?.firstGuess,
        },
        reason,
      );
    } catch (error) {
      // Guesses are a help, never a reason a task does not open.
      this.options.log?.(
        `first guesses for ${record.id} not prepared: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  }

  private load(record: TaskRecord): Promise<Plain> {
    const running = this.inflight.get(record.id);
    if (running) return running;
    const work = this.fetchAndDecrypt(record).finally(() => this.inflight.delete(record.id));
    this.inflight.set(record.id, work);
    return work;
  }

  private async fetchAndDecrypt(record: TaskRecord): Promise<Plain> {
    // The hash on chain is checked before a byte is parsed, unwrapped or decrypted.
    const cipher = await this.options.blobs.fetch(record.task.uri, toHex(record.task.dataHash));
    let bytes: Uint8Array;
    if (record.campaign.isPrivate) {
      if (record.assignment.wrappedKey.every((b) => b === 0)) {
        throw new ApiError(
          "unavailable",
          "The requester's app has not granted this private task's key yet; it usually arrives within seconds. Try again shortly.",
        );
      }
      const key = this.options.keystore.unwrap(record.assignment.wrappedKey);
      bytes = await this.options.pool.decrypt(cipher, key);
    } else {
      bytes = cipher;
    }
    return { bytes, mime: sniffMime(bytes) };
  }

  private openQueue(): TaskRecord[] {
    return this.options.directory.all().filter((r) => isOpen(r) && !this.options.isQueued?.(r.id));
  }

  /** The next tasks after `id` (from the queue's head when null), wrapping, up to the prefetch size. */
  private windowAfter(all: TaskRecord[], id: string | null): TaskRecord[] {
    const at = id === null ? -1 : all.findIndex((r) => r.id === id);
    return [...all.slice(at + 1), ...all.slice(0, Math.max(0, at))].slice(0, Math.max(0, this.options.prefetchCount()));
  }

  private markPrefetch(id: string, state: PrefetchState | null, message?: string): void {
    if (state === null) this.prefetchStates.delete(id);
    else this.prefetchStates.set(id, message === undefined ? { state } : { state, message });
    this.options.onPrefetch?.(this.prefetchStatus());
  }

  private prefetchAfter(id: string | null): void {
    const count = this.options.prefetchCount();
    if (count <= 0 || this.prefetching) return;
    const now = Date.now();
    const next = this.windowAfter(this.openQueue(), id).filter(
      (r) =>
        !this.ready.has(r.id) &&
        !waitingForKey(r) &&
        now - (this.prefetchFailedAt.get(r.id) ?? -Infinity) > PREFETCH_RETRY_MS,
    );
    if (next.length === 0) return;
    for (const record of next) this.prefetchStates.set(record.id, { state: "queued" });
    this.prefetching = (async () => {
      for (const [i, record] of next.entries()) {
        if (this.ready.has(record.id)) continue;
        this.markPrefetch(record.id, "fetching");
        try {
          const plain = await this.load(record);
          if (!this.ready.set(record.id, plain)) {
            for (const rest of next.slice(i)) this.prefetchStates.delete(rest.id);
            break;
          }
          this.prefetchFailedAt.delete(record.id);
          this.markPrefetch(record.id, null);
          this.prepareGuesses(record, plain, "prefetch");
          if (this.ready.bytes() >= (this.options.memoryCapBytes ?? 256 * 1024 * 1024)) {
            // The memory cap ends the round; what was not reached is no longer on its way.
            for (const rest of next.slice(i + 1)) this.prefetchStates.delete(rest.id);
            break;
          }
        } catch (error) {
          const api = toApiError(error);
          this.prefetchFailedAt.set(record.id, Date.now());
          this.markPrefetch(record.id, "failed", api.message);
          this.options.onFailed?.(record.id, api.code, api.message);
        }
      }
    })().finally(() => {
      this.prefetching = null;
      this.options.onPrefetch?.(this.prefetchStatus());
    });
  }
}

/** How long a task that failed to prepare ahead is left alone before a prefetch round tries it again. */
const PREFETCH_RETRY_MS = 30_000;

/** A private task whose key the requester has not granted yet: nothing to prepare. */
function waitingForKey(record: TaskRecord): boolean {
  return record.campaign.isPrivate && record.assignment.wrappedKey.every((b) => b === 0);
}

function toApiError(error: unknown): ApiError {
  // Core's one mapping of typed failures (sealed data, blob gateway, keystore, network) to sentences.
  const mapped = coreApiError(error);
  if (mapped instanceof ApiError) return mapped;
  return new ApiError("unavailable", "This task could not be prepared right now; it is tried again later.");
}
