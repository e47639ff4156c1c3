// Where the feed list reads the rows it lacks: positions in a snapshot are stable, and the store
// pages by key, so a read starts at the nearest key the list already knows.
import type { FeedFrom, FeedKey, FeedRow } from "../../../../shared/api";

export const keyOf = (row: FeedRow): FeedKey => ({ slot: row.slot, signature: row.signature, index: row.index });

/**
 * The cheapest way to read positions [start, end) of a snapshot: from whichever is nearest of the
 * newest end, the oldest end, or a page boundary already read (keyset: the store steps from that
 * key, so the cost is the distance to it, not the depth in the list).
 */
export function nearestRead(
  start: number,
  end: number,
  total: number,
  anchors: ReadonlyMap<number, FeedKey>,
): { from: FeedFrom; skip: number } {
  let best: { from: FeedFrom; skip: number } = { from: { kind: "newest" }, skip: start };
  const consider = (from: FeedFrom, skip: number) => {
    if (skip >= 0 && skip < best.skip) best = { from, skip };
  };
  consider({ kind: "oldest" }, total - end);
  for (const [at, key] of anchors) {
    if (at < start) consider({ kind: "after", key }, start - at - 1);
    else if (at >= end) consider({ kind: "before", key }, at - end);
  }
  return best;
}

/** The first and last held rows' keys: where reads next to them can start. */
export function anchorsOf(rows: ReadonlyMap<number, FeedRow>): Map<number, FeedKey> {
  const anchors = new Map<number, FeedKey>();
  const at = [...rows.keys()];
  if (at.length) {
    anchors.set(Math.min(...at), keyOf(rows.get(Math.min(...at))!));
    anchors.set(Math.max(...at), keyOf(rows.get(Math.max(...at))!));
  }
  return anchors;
}
