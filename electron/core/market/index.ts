export { MarketService, sortAndFilter } from "./market-service";
export { MarketWatcher, deriveWsUrl } from "./market-watcher";
export type { MarketWatcherOptions } from "./market-watcher";
export { campaignView, tasksLeft } from "./campaign-view";
export { marketHandlers } from "./market-handlers";
export { createMarketFeedService } from "./feed-service";
export type { MarketFeedService, MarketFeedServiceOptions } from "./feed-service";
