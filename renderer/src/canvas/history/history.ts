import type { DocumentDiff } from "../model/diff";
import { emptyDiff, invertDiff, isEmptyDiff, squashInto } from "../model/diff";

export interface HistoryTarget {
  apply(diff: DocumentDiff, recorded: boolean): void;
}

/**
 * Undo/redo over diffs (tldraw's history, not Label Studio's snapshots): memory grows with what
 * changed, not with document size, so it is unbounded within a task and cheap at 10,000 shapes.
 *
 * A mark opens a step (pointer-down); every recorded diff until the step closes (pointer-up) is
 * squashed into it, so one drag is one undo. `bail` rolls the open step back (Escape).
 */
export class History {
  private readonly undos: DocumentDiff[] = [];
  private redos: DocumentDiff[] = [];
  private open: DocumentDiff | null = null;

  constructor(private readonly target: HistoryTarget) {}

  /** Called for every recorded store change. */
  push(diff: DocumentDiff): void {
    if (isEmptyDiff(diff)) return;
    this.redos = [];
    if (this.open) squashInto(this.open, diff);
    else {
      const step = emptyDiff();
      squashInto(step, diff);
      this.undos.push(step);
    }
  }

  mark(): void {
    this.commit();
    this.open = emptyDiff();
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  commit(): void {
    if (!this.open) return;
    if (!isEmptyDiff(this.open)) this.undos.push(this.open);
    this.open = null;
  }

  /** Undoes everything since the mark and forgets it, as if the gesture never happened. */
  bail(): void {
    const step = this.open;
    this.open = null;
    if (step && !isEmptyDiff(step)) this.target.apply(invertDiff(step), false);
  }

  undo(): boolean {
    this.commit();
    const step = this.undos.pop();
    if (!step) return false;
    this.target.apply(invertDiff(step), false);
    this.redos.push(step);
    return true;
  }

  redo(): boolean {
    this.commit();
    const step = this.redos.pop();
    if (!step) return false;
    this.target.apply(step, false);
    this.undos.push(step);
    return true;
  }

  get canUndo(): boolean {
    return this.undos.length > 0 || (this.open !== null && !isEmptyDiff(this.open));
  }

  /** How many shapes the step undo would revert next records (added, updated or removed). */
  get nextUndoSize(): number {
    const step = this.open && !isEmptyDiff(this.open) ? this.open : this.undos.at(-1);
    return step ? step.added.size + step.updated.size + step.removed.size : 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  clear(): void {
    this.undos.length = 0;
    this.redos = [];
    this.open = null;
  }
}
