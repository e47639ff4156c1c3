import type { Shape } from "../../../../shared/annotation";

/** A shape and its stacking position; z never changes, so undoing a delete restores the order. */
export interface ShapeRecord {
  readonly shape: Shape;
  readonly z: number;
}

/**
 * One change to the document, as tldraw's RecordsDiff: what was added, updated (from, to) and
 * removed. History and saving both work on diffs, never on snapshots of the whole document.
 */
export interface DocumentDiff {
  readonly added: Map<string, ShapeRecord>;
  readonly updated: Map<string, readonly [Shape, Shape]>;
  readonly removed: Map<string, ShapeRecord>;
  /** Image-level classes before and after, when they changed. */
  classes: readonly [readonly string[], readonly string[]] | null;
}

export function emptyDiff(): DocumentDiff {
  return { added: new Map(), updated: new Map(), removed: new Map(), classes: null };
}

export function isEmptyDiff(d: DocumentDiff): boolean {
  return d.added.size === 0 && d.updated.size === 0 && d.removed.size === 0 && d.classes === null;
}

export function invertDiff(d: DocumentDiff): DocumentDiff {
  const updated = new Map<string, readonly [Shape, Shape]>();
  for (const [id, [from, to]] of d.updated) updated.set(id, [to, from]);
  return {
    added: new Map(d.removed),
    updated,
    removed: new Map(d.added),
    classes: d.classes ? [d.classes[1], d.classes[0]] : null,
  };
}

/**
 * Folds `next` into `into` so that applying the result equals applying both in turn. This is
 * what merges the hundred pointer moves of one drag into a single undo step.
 */
export function squashInto(into: DocumentDiff, next: DocumentDiff): void {
  for (const [id, record] of next.added) {
    const wasRemoved = into.removed.get(id);
    if (wasRemoved) {
      into.removed.delete(id);
      if (wasRemoved.shape !== record.shape) into.updated.set(id, [wasRemoved.shape, record.shape]);
    } else into.added.set(id, record);
  }
  for (const [id, [from, to]] of next.updated) {
    const added = into.added.get(id);
    if (added) {
      into.added.set(id, { shape: to, z: added.z });
      continue;
    }
    const earlier = into.updated.get(id);
    into.updated.set(id, [earlier ? earlier[0] : from, to]);
  }
  for (const [id, record] of next.removed) {
    if (into.added.delete(id)) continue;
    const earlier = into.updated.get(id);
    into.updated.delete(id);
    into.removed.set(id, earlier ? { shape: earlier[0], z: record.z } : record);
  }
  if (next.classes) into.classes = [into.classes ? into.classes[0] : next.classes[0], next.classes[1]];
}

/** Ids whose geometry or flags a diff touches (for redraw and the spatial index). */
export function touchedIds(d: DocumentDiff): Set<string> {
  return new Set([...d.added.keys(), ...d.updated.keys(), ...d.removed.keys()]);
}
