import type { DocumentStore } from "../model/document-store";
import type { SnapshotFrame } from "./shape-painting";
import type { SnapshotReply, SnapshotRequest } from "./snapshot-protocol";

/** What the client needs of a worker (typed to the snapshot protocol). */
export interface SnapshotPort {
  postMessage(message: SnapshotRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SnapshotReply>) => void) | null;
  /** A worker that fails to load or throws outside a message reports here. */
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * The app's bundler (Vite) finds the worker by this URL; the canvas benchmark serves its own
 * bundle of the worker under the same name beside its page.
 */
function startWorker(): SnapshotPort {
  return new Worker(new URL("./snapshot-worker.ts", import.meta.url), {
    type: "module",
    name: "snapshots",
  }) as unknown as SnapshotPort;
}

/**
 * The UI thread's side of the snapshot worker: mirrors the document's shapes into it by diffs
 * (a full copy once, then only what changes) and asks for snapshots, answered by `onRendered`.
 */
export class SnapshotClient {
  private readonly port: SnapshotPort;
  private readonly off: () => void;
  private nextId = 1;

  private constructor(port: SnapshotPort, store: DocumentStore, onReply: (reply: SnapshotReply) => void) {
    this.port = port;
    port.onmessage = (event) => onReply(event.data);
    port.onerror = (event) =>
      onReply({ type: "error", id: -1, message: event.message || "the snapshot worker failed" });
    port.postMessage({ type: "labels", labels: store.labels });
    port.postMessage({
      type: "shapes",
      reset: true,
      upsert: store.shapes().map((shape) => ({ shape, z: store.zOf(shape.id) })),
      remove: [],
    });
    this.off = store.onChange((diff) => {
      const upsert = [...diff.added.values()].map(({ shape, z }) => ({ shape, z }));
      for (const [id, [, shape]] of diff.updated) upsert.push({ shape, z: store.zOf(id) });
      if (upsert.length > 0 || diff.removed.size > 0)
        port.postMessage({ type: "shapes", reset: false, upsert, remove: [...diff.removed.keys()] });
    });
  }

  /** A client on a new worker, or null where workers cannot start (the caller renders itself). */
  static start(store: DocumentStore, onReply: (reply: SnapshotReply) => void): SnapshotClient | null {
    try {
      return new SnapshotClient(startWorker(), store, onReply);
    } catch {
      return null;
    }
  }

  exclude(ids: Iterable<string>): void {
    this.port.postMessage({ type: "exclude", ids: [...ids] });
  }

  /** Asks for a snapshot; returns the id its reply will carry. */
  render(frame: SnapshotFrame, width: number, height: number): number {
    const id = this.nextId++;
    this.port.postMessage({ type: "render", id, frame, width, height });
    return id;
  }

  dispose(): void {
    this.off();
    this.port.terminate();
  }
}
