import { createMarketSchema } from "../../../../lib/market";
import type { Migration } from "../migration";

/**
 * The live market: every event seen (one row per transaction signature + index, so a catch-up
 * overlapping the live stream stores nothing twice), a row per campaign with the sums the charts
 * and the price quote need, and the newest transaction read (where the next catch-up stops).
 */
export const marketEvents: Migration = {
  version: 3,
  name: "market events, campaign fill sums and the feed's read cursor",
  up(db) {
    createMarketSchema(db);
  },
};
