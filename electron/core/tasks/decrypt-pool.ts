import type { Worker } from "node:worker_threads";
import { EnvelopeError, decryptEnvelope } from "../../../lib/crypto";
import { startSiblingWorker } from "../../../lib/threads";
import type { EnvelopeErrorCode } from "../../../lib/crypto";
import type { DecryptReply, DecryptRequest } from "./decrypt-messages";

interface Pending {
  resolve(plain: Uint8Array): void;
  reject(error: Error): void;
}

/**
 * Decrypts envelopes in one worker thread (two cores: one for core, one for crypto). Where no
 * worker can be started (a bundle without the worker file), it decrypts in-thread and says so.
 */
export class DecryptPool {
  private worker: Worker | null = null;
  private failedToStart = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** True once work is known to run off the main thread. */
  get threaded(): boolean {
    return this.worker !== null;
  }

  decrypt(cipher: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
    const worker = this.ensureWorker();
    if (!worker) {
      try {
        return Promise.resolve(decryptEnvelope(cipher, key));
      } catch (error) {
        return Promise.reject(error as Error);
      } finally {
        key.fill(0);
      }
    }
    const id = this.nextId++;
    // Keep the process alive while work is pending; an idle worker must not hold it open.
    worker.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: DecryptRequest = { id, cipher, key };
      // The key copy travels to the worker; ours is wiped right away.
      worker.postMessage(request);
      key.fill(0);
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.pending.values()) pending.reject(new Error("decryption cancelled: shutting down"));
    this.pending.clear();
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.failedToStart) return this.worker;
    try {
      const worker = startWorker();
      worker.on("message", (reply: DecryptReply) => {
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        this.pending.delete(reply.id);
        if (this.pending.size === 0) worker.unref();
        if (reply.ok) pending.resolve(reply.plain);
        else
          pending.reject(
            reply.code === "internal"
              ? new Error(reply.message)
              : new EnvelopeError(reply.code as EnvelopeErrorCode, reply.message),
          );
      });
      worker.on("error", (error) => this.crashed(error));
      worker.on("exit", (code) => {
        if (this.worker === worker && code !== 0) this.crashed(new Error(`decrypt worker exited with ${code}`));
      });
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.failedToStart = true;
      this.log(
        `decrypt worker unavailable, decrypting in-thread: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return this.worker;
  }

  private crashed(error: Error): void {
    this.log(`decrypt worker failed: ${error.message}`);
    this.worker = null;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

function startWorker(): Worker {
  return startSiblingWorker((import.meta as { url?: string }).url, "decrypt-worker");
}
