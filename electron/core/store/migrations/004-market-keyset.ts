import { addMarketKeysetIndexes } from "../../../../lib/market";
import type { Migration } from "../migration";

/**
 * The feed pages by key instead of by offset: indexes that hold its order and the columns its
 * filters test, so a page deep in 100,000 events, a skip or a count never reads the rows.
 */
export const marketKeyset: Migration = {
  version: 4,
  name: "market feed keyset indexes",
  up(db) {
    addMarketKeysetIndexes(db);
  },
};
