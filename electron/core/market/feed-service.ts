import type { FeedStatus } from "../../../shared/api/market-feed";
import {
  ChainReadSource,
  MarketEventStore,
  MarketFeed,
  createJsonRpc,
  eventsFromNotification,
  fetchQuoteTerms,
} from "../../../lib/market";
import { amplifyProgramAddress } from "../../../shared/protocol";
import type { QuoteTerms } from "../../../lib/market";
import type { EventHub, HandlerGroup } from "../api";
import { guard } from "../errors";
import type { Store } from "../store";
import type { CampaignMetadataCache } from "../tasks";

export interface MarketFeedServiceOptions {
  readonly store: Store;
  readonly events: EventHub;
  readonly rpcUrl: () => string;
  readonly wsUrl: () => string;
  readonly metadata: CampaignMetadataCache;
  readonly log: (line: string) => void;
}

export interface MarketFeedService {
  readonly feed: MarketFeed;
  readonly handlers: HandlerGroup<"feed:page" | "feed:charts" | "feed:status" | "feed:quote">;
  start(): void;
  stop(): void;
}

/** The live market in core: events from the chain into the store, pages and aggregates out. */
export function createMarketFeedService(options: MarketFeedServiceOptions): MarketFeedService {
  const store = new MarketEventStore(options.store.db);
  // Live events come from the program's own log lines (no getTransaction per transaction); history
  // and campaign postings (whose metadata URI is instruction data) are read from transactions.
  const program = amplifyProgramAddress();
  const source = new ChainReadSource({
    rpcUrl: options.rpcUrl,
    wsUrl: options.wsUrl,
    program,
    fromLogs: eventsFromNotification(program),
    log: options.log,
  });
  const feed = new MarketFeed({
    store,
    source,
    labelKindOf: async (uri, hash, campaign) => {
      if (!hash) return null;
      return (await options.metadata.get(campaign, uri, Buffer.from(hash, "hex")))?.labelKind ?? null;
    },
    onAppended: (added, head, latest) => options.events.emit("feed:appended", { added, head, latest }),
    onStatus: (status: FeedStatus) => options.events.emit("feed:statusChanged", status),
    log: options.log,
  });
  const rpc = createJsonRpc(options.rpcUrl);
  let lastTerms: QuoteTerms | null = null;
  return {
    feed,
    handlers: {
      "feed:page": (request) => guard(() => store.page(request)),
      "feed:charts": (request) =>
        guard(() => store.charts(request.windowSeconds, request.buckets ?? 120, Math.floor(Date.now() / 1000))),
      "feed:status": () => guard(() => feed.status()),
      "feed:quote": (request) =>
        guard(async () => {
          const fetched = await fetchQuoteTerms(rpc, lastTerms?.feeBps);
          // Offline, the fee rate last read from the chain is better than the default.
          const terms = fetched.offline && lastTerms ? lastTerms : fetched;
          if (!fetched.offline) lastTerms = fetched;
          return feed.quote(request, terms);
        }),
    },
    start: () => feed.start(),
    stop: () => feed.stop(),
  };
}
