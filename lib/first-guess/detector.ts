import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Worker } from "node:worker_threads";
import type { Detection } from "./detection";
import type { DetectParams, DetectorReply, DetectorRequest } from "./detector-messages";
import { modelId } from "./model-manifest";
import type { VerifiedModel } from "./model-registry";
import { moduleFile, startSiblingWorker } from "../threads";

export interface DetectResult {
  readonly width: number;
  readonly height: number;
  readonly detections: Detection[];
  readonly ms: number;
  readonly threadId: number;
}

interface Pending {
  resolve(reply: DetectorReply): void;
  reject(error: Error): void;
}

/** What the service needs of a detector; tests give it a fake, core the worker-thread one. */
export interface DetectorPort {
  load(model: VerifiedModel): Promise<{ ms: number; backend: string }>;
  detect(image: Uint8Array, params?: DetectParams): Promise<DetectResult>;
  dispose(): Promise<void>;
}

export const DEFAULT_DETECT_PARAMS: DetectParams = { minScore: 0.3, iouThreshold: 0.5, maxDetections: 50 };

/** The wasm binaries of the installed tfjs-backend-wasm package: loaded from disk, never a CDN. */
export function defaultWasmDir(): string {
  return join(
    dirname(createRequire(moduleFile(import.meta.url)).resolve("@tensorflow/tfjs-backend-wasm/package.json")),
    "dist",
  );
}

/**
 * Main-thread handle on the detector thread. Every call is a message; nothing here computes, so
 * the caller's event loop stays free while a model loads or an image is analysed.
 */
export class Detector implements DetectorPort {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: { wasmDir?: string; log?: (line: string) => void } = {}) {}

  async load(model: VerifiedModel): Promise<{ ms: number; backend: string }> {
    const m = model.entry.manifest;
    const reply = await this.request((id) => ({
      type: "load",
      id,
      wasmDir: this.options.wasmDir ?? defaultWasmDir(),
      model: {
        id: modelId(m),
        graphBytes: model.graphBytes,
        weightSpecs: model.weightSpecs,
        weightData: model.weightData,
        inputSize: m.inputSize,
        output: m.output,
        classCount: m.classes.length,
      },
    }));
    if (reply.type !== "loaded") throw new Error("detector thread answered a load with something else");
    return { ms: reply.ms, backend: reply.backend };
  }

  async detect(image: Uint8Array, params: DetectParams = DEFAULT_DETECT_PARAMS): Promise<DetectResult> {
    const reply = await this.request((id) => ({ type: "detect", id, image, params }));
    if (reply.type !== "detected") throw new Error("detector thread answered a detection with something else");
    return {
      width: reply.width,
      height: reply.height,
      detections: reply.detections,
      ms: reply.ms,
      threadId: reply.threadId,
    };
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error("detector stopped"));
    this.pending.clear();
    if (worker) await worker.terminate();
  }

  private request(make: (id: number) => DetectorRequest): Promise<DetectorReply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<DetectorReply>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => (reply.type === "failed" ? reject(new Error(reply.message)) : resolve(reply)),
        reject,
      });
      // Held only while work is pending: an idle detector must not keep a CLI or test alive.
      worker.ref();
      worker.postMessage(make(id));
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on("message", (reply: DetectorReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      pending.resolve(reply);
    });
    worker.on("error", (error) => this.crashed(worker, error));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.crashed(worker, new Error(`detector thread exited with code ${code}`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.options.log?.(`detector thread failed: ${error.message}`);
    this.worker = null;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

function startWorker(): Worker {
  return startSiblingWorker(import.meta.url, "detector-worker");
}
