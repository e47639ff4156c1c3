import { boxIoU } from "../../shared/geometry";
import type { GtBox } from "./scenes";

/**
 * The per-edit cost model (seconds), an assumption stated here rather than a measurement:
 * drawing a box with its label ≈ 7 s (the fast "extreme clicking" figure reported for
 * ImageNet boxes; classic drag-drawing with checking is reported at 25–35 s), fixing a box's
 * extent ≈ 3 s (one or two handle drags), changing a label ≈ 1.5 s (one hotkey after a
 * click), deleting a wrong box ≈ 1 s, and confirming a task's pre-labels ≈ 0.5 s.
 */
export const COST_S = { draw: 7, adjust: 3, relabel: 1.5, remove: 1, confirm: 0.5 } as const;

/** A guessed box at least this close to the truth is accepted as is (annotation noise). */
export const ACCEPT_IOU = 0.9;
/** Below this a guess does not describe the object at all: delete it and draw anew. */
export const MATCH_IOU = 0.5;

export interface Edits {
  draw: number;
  adjust: number;
  relabel: number;
  remove: number;
  confirm: number;
}

/**
 * The fewest edits that turn `start` into `truth`, with one-to-one greedy matching by IoU
 * (labels may differ: relabelling is cheaper than redrawing). Starting blank, it is one draw
 * per true box.
 */
export function editsToReach(start: readonly GtBox[], truth: readonly GtBox[]): Edits {
  const pairs: { i: number; j: number; v: number }[] = [];
  start.forEach((s, i) =>
    truth.forEach((t, j) => {
      const v = boxIoU(s, t);
      if (v >= MATCH_IOU) pairs.push({ i, j, v });
    }),
  );
  pairs.sort((p, q) => q.v - p.v);
  const usedS = new Set<number>();
  const usedT = new Set<number>();
  const edits: Edits = { draw: 0, adjust: 0, relabel: 0, remove: 0, confirm: start.length > 0 ? 1 : 0 };
  for (const p of pairs) {
    if (usedS.has(p.i) || usedT.has(p.j)) continue;
    usedS.add(p.i);
    usedT.add(p.j);
    if (p.v < ACCEPT_IOU) edits.adjust++;
    if (start[p.i]?.label !== truth[p.j]?.label) edits.relabel++;
  }
  edits.remove = start.length - usedS.size;
  edits.draw = truth.length - usedT.size;
  return edits;
}

export const editCount = (e: Edits): number => e.draw + e.adjust + e.relabel + e.remove;

export const editSeconds = (e: Edits): number =>
  e.draw * COST_S.draw +
  e.adjust * COST_S.adjust +
  e.relabel * COST_S.relabel +
  e.remove * COST_S.remove +
  e.confirm * COST_S.confirm;
