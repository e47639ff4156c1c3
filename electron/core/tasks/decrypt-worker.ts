import { parentPort } from "node:worker_threads";
import { EnvelopeError, decryptEnvelope } from "../../../lib/crypto";
import type { DecryptReply, DecryptRequest } from "./decrypt-messages";

// Runs in a worker thread: big decrypts never block core's event loop (and with it every
// call from the renderer). The plaintext goes back as a transferred buffer, never copied.
parentPort?.on("message", (request: DecryptRequest) => {
  let reply: DecryptReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const plain = decryptEnvelope(request.cipher, request.key);
    reply = { id: request.id, ok: true, plain };
    transfer = [plain.buffer as ArrayBuffer];
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      code: error instanceof EnvelopeError ? error.code : "internal",
      message: error instanceof Error ? error.message : String(error),
    };
  } finally {
    request.key.fill(0);
  }
  parentPort?.postMessage(reply, transfer);
});
