import type { Detection } from "./detection";
import type { WeightSpecs } from "./graph-file";

/** What the detector thread needs to build the model: verified bytes only, never a path. */
export interface ModelPayload {
  readonly id: string;
  /** The verified graph file; the thread reads its modelTopology (cloning bytes beats an object tree). */
  readonly graphBytes: Uint8Array;
  readonly weightSpecs: WeightSpecs;
  readonly weightData: Uint8Array;
  readonly inputSize: number;
  readonly output: string;
  readonly classCount: number;
}

export interface DetectParams {
  readonly minScore: number;
  readonly iouThreshold: number;
  readonly maxDetections: number;
}

export type DetectorRequest =
  | { readonly type: "load"; readonly id: number; readonly model: ModelPayload; readonly wasmDir: string }
  | { readonly type: "detect"; readonly id: number; readonly image: Uint8Array; readonly params: DetectParams };

export type DetectorReply =
  | { readonly type: "loaded"; readonly id: number; readonly ms: number; readonly backend: string }
  | {
      readonly type: "detected";
      readonly id: number;
      readonly width: number;
      readonly height: number;
      readonly detections: Detection[];
      readonly ms: number;
      /** The thread that ran it: lets tests prove the work left the main thread. */
      readonly threadId: number;
    }
  | { readonly type: "failed"; readonly id: number; readonly message: string };
