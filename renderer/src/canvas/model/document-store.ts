import type { AnnotationDocument, Label, Shape } from "../../../../shared/annotation";
import { ANNOTATION_SCHEMA_VERSION } from "../../../../shared/annotation";
import { ShapeIndex } from "../spatial-index/shape-index";
import type { DocumentDiff, ShapeRecord } from "./diff";
import { emptyDiff, isEmptyDiff } from "./diff";

export type DiffListener = (diff: DocumentDiff, recorded: boolean) => void;

/**
 * The annotation document while it is being edited: shapes by id with their stacking order,
 * the image classes, and an R-tree over the shapes. Every write is a diff and says whether it
 * is recorded (user edits) or not (loads, undo/redo replays), as tldraw's store does.
 */
export class DocumentStore {
  private readonly records = new Map<string, ShapeRecord>();
  private classList: readonly string[] = [];
  private ordered: Shape[] | null = null;
  private orderIndex = new Map<string, number>();
  /** Ids updated since the ordered array was last handed out: patched lazily, in one copy. */
  private readonly stale = new Set<string>();
  private nextZ = 1;
  private readonly listeners = new Set<DiffListener>();
  readonly index = new ShapeIndex();
  /** Bumped on every change; cheap "did anything change since I last looked" for autosave. */
  version = 0;

  constructor(
    readonly taskId: string,
    readonly labels: readonly Label[],
    readonly image: { width: number; height: number },
    doc?: AnnotationDocument,
  ) {
    if (doc) {
      for (const shape of doc.shapes) this.records.set(shape.id, { shape, z: this.nextZ++ });
      this.classList = [...doc.classes];
      this.index.load(doc.shapes);
    }
  }

  get(id: string): Shape | undefined {
    return this.records.get(id)?.shape;
  }

  record(id: string): ShapeRecord | undefined {
    return this.records.get(id);
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  get count(): number {
    return this.records.size;
  }

  get classes(): readonly string[] {
    return this.classList;
  }

  /** Shapes bottom to top. Cached; rebuilt only after an add or a remove. */
  shapes(): readonly Shape[] {
    if (!this.ordered) {
      const records = [...this.records.values()].sort((a, b) => a.z - b.z);
      this.ordered = records.map((r) => r.shape);
      this.orderIndex = new Map(records.map((r, i) => [r.shape.id, i]));
      this.stale.clear();
    } else if (this.stale.size > 0) {
      // a new array, so views that compare by identity see the change
      const next = [...this.ordered];
      for (const id of this.stale) {
        const at = this.orderIndex.get(id);
        const record = this.records.get(id);
        if (at !== undefined && record) next[at] = record.shape;
      }
      this.ordered = next;
      this.stale.clear();
    }
    return this.ordered;
  }

  zOf(id: string): number {
    return this.records.get(id)?.z ?? 0;
  }

  allocateZ(): number {
    return this.nextZ++;
  }

  onChange(listener: DiffListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(diff: DocumentDiff, recorded: boolean): void {
    if (isEmptyDiff(diff)) return;
    for (const [id] of diff.removed) {
      this.records.delete(id);
      this.index.remove(id);
    }
    for (const [id, record] of diff.added) {
      this.records.set(id, record);
      this.index.upsert(record.shape);
      if (record.z >= this.nextZ) this.nextZ = record.z + 1;
    }
    if (diff.added.size > 0 || diff.removed.size > 0) this.ordered = null;
    // Updates keep the order: the cached array is patched when next asked for, instead of
    // being re-sorted (or even copied) per drag step at 10,000 shapes.
    for (const [id, [, to]] of diff.updated) {
      const current = this.records.get(id);
      if (!current) continue;
      this.records.set(id, { shape: to, z: current.z });
      this.index.upsert(to);
      this.stale.add(id);
    }
    if (diff.classes) this.classList = diff.classes[1];
    this.version++;
    for (const listener of this.listeners) listener(diff, recorded);
  }

  /** Builds and applies a diff that replaces shapes (same ids) with new versions. */
  update(next: readonly Shape[], recorded = true): DocumentDiff {
    const diff = emptyDiff();
    for (const shape of next) {
      const from = this.records.get(shape.id)?.shape;
      if (from && from !== shape) diff.updated.set(shape.id, [from, shape]);
    }
    this.apply(diff, recorded);
    return diff;
  }

  add(shapes: readonly Shape[], recorded = true): DocumentDiff {
    const diff = emptyDiff();
    for (const shape of shapes) diff.added.set(shape.id, { shape, z: this.allocateZ() });
    this.apply(diff, recorded);
    return diff;
  }

  remove(ids: Iterable<string>, recorded = true): DocumentDiff {
    const diff = emptyDiff();
    for (const id of ids) {
      const record = this.records.get(id);
      if (record) diff.removed.set(id, record);
    }
    this.apply(diff, recorded);
    return diff;
  }

  setClasses(classes: readonly string[], recorded = true): DocumentDiff {
    const diff = emptyDiff();
    const same = classes.length === this.classList.length && classes.every((c, i) => c === this.classList[i]);
    if (!same) diff.classes = [this.classList, [...classes]];
    this.apply(diff, recorded);
    return diff;
  }

  toDocument(timeSpentMs: number): AnnotationDocument {
    return {
      schema: ANNOTATION_SCHEMA_VERSION,
      taskId: this.taskId,
      image: { width: this.image.width, height: this.image.height },
      labels: [...this.labels],
      shapes: [...this.shapes()],
      classes: [...this.classList],
      timeSpentMs: Math.max(0, Math.round(timeSpentMs)),
    };
  }
}
