import type { Label, Shape } from "../../../../shared/annotation";
import type { SnapshotFrame } from "./shape-painting";

/**
 * Messages between the settled painter and the snapshot worker (structured clone, in order on one
 * port: a render request sees every shape change posted before it).
 */
export type SnapshotRequest =
  | { readonly type: "labels"; readonly labels: readonly Label[] }
  /** Shape changes by id with their stacking position; `reset` drops every shape held first. */
  | {
      readonly type: "shapes";
      readonly reset: boolean;
      readonly upsert: ReadonlyArray<{ readonly shape: Shape; readonly z: number }>;
      readonly remove: readonly string[];
    }
  /** Shapes being edited, drawn by the selection layer and left out of snapshots. */
  | { readonly type: "exclude"; readonly ids: readonly string[] }
  | {
      readonly type: "render";
      readonly id: number;
      readonly frame: SnapshotFrame;
      /** The bitmap's size in device pixels. */
      readonly width: number;
      readonly height: number;
    };

export type SnapshotReply =
  | {
      readonly type: "rendered";
      readonly id: number;
      readonly bitmap: ImageBitmap;
      readonly count: number;
      /** Drawn by moving the last snapshot's pixels and drawing only the uncovered strips. */
      readonly scrolled: boolean;
    }
  | { readonly type: "error"; readonly id: number; readonly message: string };
