// Where market events come from. The store and the screens only see this interface, so the
// source can be today's chain reads (decoding the program's instructions), the program's own
// events (`sol_log_data`, decoded from the logs), or an operator's indexer at mainnet scale.
import type { MarketEvent } from "../../shared/api/market-feed";

export interface SourceStatus {
  readonly live: boolean;
  readonly error: string | null;
}

export interface MarketEventSource {
  /** A short name for people: what the feed is built from. */
  readonly name: string;
  /**
   * Events of transactions newer than `until` (a signature already stored), newest page first;
   * everything the source keeps when `until` is null, up to `limit` transactions. Each yielded
   * page also names the newest signature it covers, so a caller can record progress.
   */
  history(options: { until: string | null; limit: number }): AsyncIterable<HistoryPage>;
  /** Live events as they land; returns a stop function. Status changes on connect and loss. */
  live(onEvents: (events: MarketEvent[]) => void, onStatus: (status: SourceStatus) => void): () => void;
}

export interface HistoryPage {
  readonly events: MarketEvent[];
  /** The newest signature seen on this page (the first page's is the head of the chain). */
  readonly newestSignature: string | null;
}
