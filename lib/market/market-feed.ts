// Keeps the local store in step with the market: live events as they land, and a catch-up
// from the newest stored transaction whenever the live stream (re)connects, so nothing missed
// while offline is lost and nothing is stored twice.
import type { FeedRow, FeedStatus, MarketEvent, Quote, QuoteRequest } from "../../shared/api/market-feed";
import type { MarketEventStore } from "./event-store";
import { QUOTE_LOOKBACK_SECONDS, quoteCampaign } from "./quote";
import type { QuoteTerms } from "./quote";
import type { MarketEventSource, SourceStatus } from "./source";

const HEAD_CURSOR = "head";

export interface MarketFeedOptions {
  readonly store: MarketEventStore;
  readonly source: MarketEventSource;
  /** The label kind a campaign's metadata names ("box", "moderation", …), when it can be read. */
  readonly labelKindOf?: (metadataUri: string, metadataHash: string | null, campaign: string) => Promise<string | null>;
  /** New rows, coalesced: at most one call per `pushMs`. */
  readonly onAppended?: (added: number, head: number, latest: FeedRow[]) => void;
  readonly onStatus?: (status: FeedStatus) => void;
  /** Transactions read on the very first catch-up (older history is left to an indexer). */
  readonly firstHistoryLimit?: number;
  readonly pushMs?: number;
  readonly log?: (line: string) => void;
}

export class MarketFeed {
  private stopLive: (() => void) | null = null;
  private sourceStatus: SourceStatus = { live: false, error: null };
  private catchingUp: Promise<void> | null = null;
  private again = false;
  private pending: FeedRow[] = [];
  private pendingCount = 0;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private resolvingKinds: Promise<void> | null = null;

  constructor(private readonly options: MarketFeedOptions) {}

  start(): void {
    if (this.stopLive) return;
    this.stopLive = this.options.source.live(
      (events) => this.ingest(events),
      (status) => {
        const reconnected = status.live && !this.sourceStatus.live;
        this.sourceStatus = status;
        this.options.onStatus?.(this.status());
        if (reconnected) void this.catchUp();
      },
    );
    // Fill the gap since last time even before PubSub answers (or if it never does).
    void this.catchUp();
  }

  stop(): void {
    this.stopLive?.();
    this.stopLive = null;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = undefined;
  }

  status(): FeedStatus {
    return {
      live: this.sourceStatus.live,
      stored: this.options.store.head().count,
      source: this.options.source.name,
      lastError: this.sourceStatus.error,
    };
  }

  /**
   * Reads everything newer than the newest transaction already stored. Runs once at a time; a
   * request while running schedules one more pass. The head cursor moves only after a whole pass,
   * so an interrupted catch-up is simply repeated (the store drops what it already has).
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.again = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      do {
        this.again = false;
        const until = this.options.store.cursor(HEAD_CURSOR);
        let newest: string | null = null;
        try {
          for await (const page of this.options.source.history({
            until,
            limit: until ? Number.MAX_SAFE_INTEGER : (this.options.firstHistoryLimit ?? 20_000),
          })) {
            newest ??= page.newestSignature;
            this.ingest(page.events);
          }
          if (newest) this.options.store.setCursor(HEAD_CURSOR, newest);
        } catch (error) {
          this.sourceStatus = {
            ...this.sourceStatus,
            error: `catching up: ${error instanceof Error ? error.message : String(error)}`,
          };
          this.options.onStatus?.(this.status());
          this.options.log?.(`market feed: ${this.sourceStatus.error}`);
          break;
        }
      } while (this.again);
    })().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  quote(request: QuoteRequest, terms: QuoteTerms, nowSeconds = Math.floor(Date.now() / 1000)): Quote {
    return quoteCampaign(this.options.store.fillSamples(nowSeconds - QUOTE_LOOKBACK_SECONDS, 5_000), request, terms);
  }

  private ingest(events: readonly MarketEvent[]): void {
    if (events.length === 0) return;
    const added = this.options.store.append(events);
    if (added.length === 0) return;
    if (added.some((e) => e.kind === "campaign_posted")) void this.resolveKinds();
    this.pendingCount += added.length;
    this.pending = [...this.pending, ...added].slice(-50);
    this.pushTimer ??= setTimeout(() => {
      this.pushTimer = undefined;
      const latest = this.pending;
      const count = this.pendingCount;
      this.pending = [];
      this.pendingCount = 0;
      this.options.onAppended?.(count, this.options.store.head().head, latest);
    }, this.options.pushMs ?? 200);
  }

  /** Resolves once the label kinds of stored campaigns have been looked up. */
  async settled(): Promise<void> {
    await this.resolveKinds();
  }

  private resolveKinds(): Promise<void> {
    this.resolvingKinds ??= this.lookUpKinds().finally(() => {
      this.resolvingKinds = null;
    });
    return this.resolvingKinds;
  }

  private async lookUpKinds(): Promise<void> {
    const lookup = this.options.labelKindOf;
    if (!lookup) return;
    // Each campaign is asked once per pass; one whose metadata cannot be read stays unknown.
    const seen = new Set<string>();
    for (;;) {
      const todo = this.options.store.campaignsWithoutKind(1_000).filter((c) => !seen.has(c.campaign));
      if (todo.length === 0) break;
      for (const { campaign, uri, hash } of todo) {
        seen.add(campaign);
        const kind = await lookup(uri, hash, campaign).catch(() => null);
        if (kind) this.options.store.setLabelKind(campaign, kind);
      }
    }
  }
}
