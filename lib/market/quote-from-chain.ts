// `amplify campaign quote`: the same quote the app's campaign form shows, for a command line
// that keeps no app running. The market's events are kept in a SQLite file beside the CLI's
// state and brought up to date from the chain (only what is new since last time) before quoting.
import Database from "better-sqlite3";
import type { Quote, QuoteRequest } from "../../shared/api/market-feed";
import { ChainReadSource } from "./chain-read-source";
import { MarketEventStore, openMarketSchema } from "./event-store";
import { createJsonRpc } from "./json-rpc";
import { fetchLabelKind } from "./label-kind";
import { MarketFeed } from "./market-feed";
import { fetchQuoteTerms } from "./quote-terms";

export interface QuoteFromChainOptions {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  /** The SQLite file that keeps market events between runs. */
  readonly databasePath: string;
  readonly request: QuoteRequest;
  /** Transactions read the first time (older history is an indexer's job). */
  readonly historyLimit?: number;
}

export async function quoteFromChain(
  options: QuoteFromChainOptions,
): Promise<Quote & { stored: number; error: string | null }> {
  const db = new Database(options.databasePath);
  try {
    db.pragma("journal_mode = WAL");
    openMarketSchema(db);
    const store = new MarketEventStore(db);
    let error: string | null = null;
    const feed = new MarketFeed({
      store,
      source: new ChainReadSource({ rpcUrl: () => options.rpcUrl, wsUrl: () => options.wsUrl }),
      labelKindOf: (uri, hash) => fetchLabelKind(uri, hash),
      onStatus: (status) => (error = status.lastError),
      ...(options.historyLimit ? { firstHistoryLimit: options.historyLimit } : {}),
    });
    await feed.catchUp();
    await feed.settled();
    const terms = await fetchQuoteTerms(createJsonRpc(() => options.rpcUrl));
    return { ...feed.quote(options.request, terms), stored: store.head().count, error };
  } finally {
    db.close();
  }
}
