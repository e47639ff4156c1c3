import type { CampaignMetadata } from "../../../shared/api/tasks";
import { CampaignMetadata as MetadataSchema } from "../../../shared/api/tasks";
import { toHex } from "../../../lib/crypto";

/** Where metadata bytes come from: the blob client, which caps, times out and checks the hash. */
export interface MetadataFetcher {
  fetch(uri: string, hashHex: string, kind: "metadata"): Promise<Uint8Array>;
}

export interface CampaignMetadataOptions {
  readonly log?: (line: string) => void;
  readonly now?: () => number;
  /** Fetches in flight at once, whatever the number of campaigns listed. */
  readonly maxConcurrent?: number;
  /** First wait after a failure; doubles per failure up to `maxBackoffMs`. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Bytes of metadata documents kept in memory (least recently used go first). */
  readonly maxCachedBytes?: number;
  /** Told when a fetch that a caller stopped waiting for has settled (the market can refresh). */
  readonly onSettled?: (campaign: string) => void;
}

interface Failure {
  readonly count: number;
  readonly retryAt: number;
}

interface Entry {
  readonly value: CampaignMetadata | null;
  readonly bytes: number;
}

/**
 * A campaign's metadata (title, labels, pre-labels), fetched from its metadata URI and
 * accepted only when its sha256 is the campaign's label-schema hash on chain.
 *
 * The URI is chain data any requester writes, so every listing must survive hostile ones:
 * one fetch per campaign at a time and a few at once, failures remembered with a doubling
 * backoff (a listing never refetches a campaign that just failed), callers may stop waiting
 * (the fetch carries on and lands here), and the memory held is bounded in bytes.
 */
export class CampaignMetadataCache {
  private readonly cache = new Map<string, Entry>();
  private cachedBytes = 0;
  private readonly failures = new Map<string, Failure>();
  private readonly inFlight = new Map<string, Promise<CampaignMetadata | null>>();
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private readonly options: CampaignMetadataOptions;
  private readonly log: (line: string) => void;
  private readonly now: () => number;

  constructor(
    private readonly blobs: MetadataFetcher,
    logOrOptions: ((line: string) => void) | CampaignMetadataOptions = {},
  ) {
    this.options = typeof logOrOptions === "function" ? { log: logOrOptions } : logOrOptions;
    this.log = this.options.log ?? (() => {});
    this.now = this.options.now ?? Date.now;
  }

  peek(campaign: string): CampaignMetadata | null {
    return this.cache.get(campaign)?.value ?? null;
  }

  /**
   * The campaign's metadata, or null when it has none, is invalid, or is not available (yet).
   * With `waitMs`, answers after at most that long; a fetch still running then carries on.
   */
  async get(
    campaign: string,
    uri: string,
    schemaHash: Uint8Array,
    waitMs = Number.POSITIVE_INFINITY,
  ): Promise<CampaignMetadata | null> {
    const hit = this.cache.get(campaign);
    if (hit) {
      // Most recently used goes last: eviction takes the first.
      this.cache.delete(campaign);
      this.cache.set(campaign, hit);
      return hit.value;
    }
    if (!uri || schemaHash.every((b) => b === 0)) {
      this.remember(campaign, null, 0);
      return null;
    }
    const failure = this.failures.get(campaign);
    if (failure && this.now() < failure.retryAt) return null;
    let running = this.inFlight.get(campaign);
    if (!running) {
      running = this.load(campaign, uri, toHex(schemaHash)).finally(() => this.inFlight.delete(campaign));
      this.inFlight.set(campaign, running);
    }
    if (!Number.isFinite(waitMs)) return running;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), Math.max(0, waitMs));
    });
    const first = await Promise.race([running, late]);
    clearTimeout(timer);
    if (first !== "late") return first;
    void running.then(() => this.options.onSettled?.(campaign));
    return null;
  }

  /** How many campaigns are waiting out a failure (for tests and the status screen). */
  failing(): number {
    return this.failures.size;
  }

  private async load(campaign: string, uri: string, hashHex: string): Promise<CampaignMetadata | null> {
    await this.slot();
    let bytes: Uint8Array;
    try {
      bytes = await this.blobs.fetch(uri, hashHex, "metadata");
    } catch (error) {
      const count = (this.failures.get(campaign)?.count ?? 0) + 1;
      const wait = Math.min(
        this.options.maxBackoffMs ?? 60 * 60_000,
        (this.options.baseBackoffMs ?? 30_000) * 2 ** (count - 1),
      );
      this.failures.set(campaign, { count, retryAt: this.now() + wait });
      this.log(
        `campaign ${campaign} metadata unavailable (next try in ${Math.round(wait / 1000)} s): ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    } finally {
      this.release();
    }
    this.failures.delete(campaign);
    let value: CampaignMetadata | null = null;
    try {
      const parsed = MetadataSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      if (parsed.success) value = parsed.data;
      else this.log(`campaign ${campaign} metadata does not validate: ${parsed.error.issues[0]?.message ?? ""}`);
    } catch {
      this.log(`campaign ${campaign} metadata is not JSON`);
    }
    // Bytes that match the chain's hash never change: an invalid document stays invalid.
    this.remember(campaign, value, bytes.length);
    return value;
  }

  private remember(campaign: string, value: CampaignMetadata | null, bytes: number): void {
    const budget = this.options.maxCachedBytes ?? 16 * 1024 * 1024;
    this.cache.set(campaign, { value, bytes });
    this.cachedBytes += bytes;
    for (const [key, entry] of this.cache) {
      if (this.cachedBytes <= budget || key === campaign) break;
      this.cache.delete(key);
      this.cachedBytes -= entry.bytes;
    }
  }

  private slot(): Promise<void> {
    if (this.active < (this.options.maxConcurrent ?? 6)) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(() => resolve()));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active -= 1;
  }
}
