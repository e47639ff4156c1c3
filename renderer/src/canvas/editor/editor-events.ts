/**
 * Change channels, by how often they fire; layers and panels listen only to what they draw.
 * doc: shapes or classes; selection; viewport; draft: tool preview and pointer (every move);
 * ui: tool, active label, view settings; announce: a sentence for the live region.
 */
export type EditorChannel = "doc" | "selection" | "viewport" | "draft" | "ui" | "announce";

export class EditorEvents {
  private readonly listeners = new Map<EditorChannel, Set<() => void>>();
  private readonly versions = new Map<EditorChannel, number>();

  on(channel: EditorChannel, listener: () => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(channel: EditorChannel): void {
    this.versions.set(channel, (this.versions.get(channel) ?? 0) + 1);
    for (const listener of this.listeners.get(channel) ?? []) listener();
  }

  version(channel: EditorChannel): number {
    return this.versions.get(channel) ?? 0;
  }
}
