import type { Statement } from "better-sqlite3";
import type { AnnotationDocument } from "../../../shared/annotation";
import { AnnotationDocument as DocumentSchema } from "../../../shared/annotation";
import type { SavedDraft } from "../../../shared/api";
import type { Store } from "../store";

/** Autosaved annotation documents, one row per task, replaced whole on every save. */
export class DraftRepository {
  private readonly upsert: Statement<[string, string, number]>;
  private readonly select: Statement<[string], { doc: string; saved_at: number }>;
  private readonly remove: Statement<[string]>;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {
    this.upsert = store.db.prepare(
      "INSERT INTO drafts(task_id, doc, saved_at) VALUES (?, ?, ?) ON CONFLICT(task_id) DO UPDATE SET doc = excluded.doc, saved_at = excluded.saved_at",
    );
    this.select = store.db.prepare("SELECT doc, saved_at FROM drafts WHERE task_id = ?");
    this.remove = store.db.prepare("DELETE FROM drafts WHERE task_id = ?");
  }

  save(doc: AnnotationDocument): number {
    const savedAt = this.now();
    this.store.transaction("drafts:save", () => this.upsert.run(doc.taskId, JSON.stringify(doc), savedAt));
    return savedAt;
  }

  load(taskId: string): SavedDraft | null {
    const row = this.select.get(taskId);
    if (!row) return null;
    const parsed = DocumentSchema.safeParse(JSON.parse(row.doc));
    // A draft that no longer validates is kept on disk (never deleted behind the user's back)
    // but not handed to the canvas.
    if (!parsed.success) return null;
    return { doc: parsed.data, savedAt: row.saved_at };
  }

  discard(taskId: string): boolean {
    return this.remove.run(taskId).changes > 0;
  }
}
