export type { MarketEventSource, HistoryPage, SourceStatus } from "./source";
export { ChainReadSource } from "./chain-read-source";
export type { ChainReadSourceOptions } from "./chain-read-source";
export { decodeTransaction, FetchedTransaction } from "./transaction-decoder";
export { eventsFromNotification, marketEventsFromLogs } from "./log-events";
export type { CampaignMetadata, LogContext } from "./log-events";
export {
  MarketEventStore,
  addMarketKeysetIndexes,
  createMarketSchema,
  niceBucket,
  openMarketSchema,
} from "./event-store";
export type { FillSample } from "./event-store";
export { MarketFeed } from "./market-feed";
export type { MarketFeedOptions } from "./market-feed";
export { quoteCampaign, campaignCost, defaultRent, describeSeconds, QUOTE_LOOKBACK_SECONDS } from "./quote";
export type { QuoteTerms, CampaignRent } from "./quote";
export { fetchQuoteTerms } from "./quote-terms";
export { createJsonRpc, JsonRpcError } from "./json-rpc";
export type { JsonRpc, RpcCall } from "./json-rpc";
export { quoteFromChain } from "./quote-from-chain";
export type { QuoteFromChainOptions } from "./quote-from-chain";
export { fetchLabelKind } from "./label-kind";
export {
  workerTerms,
  describeWorkerTerms,
  campaignStopsAt,
  reviewDeadline,
  shareClosable,
  solText,
  SIGNATURE_FEE_LAMPORTS,
} from "./worker-terms";
export type { WorkerTerms, WorkerTermsInput, CampaignClock } from "./worker-terms";
