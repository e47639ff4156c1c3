// Decryption throughput (run: npx tsx bench/worker/decrypt-throughput.ts). Prints, does not
// judge: the envelope (chunked AES-256-GCM via node:crypto) against tweetnacl secretbox on the
// same bytes in the same run, for 1, 10 and 100 MB; plus the worker-thread pool end to end.
import { randomBytes } from "node:crypto";
import nacl from "tweetnacl";
import { decryptEnvelope, encryptEnvelope, generateFileKey } from "../../electron/core/crypto";
import { DecryptPool } from "../../electron/core/tasks";

const MB = 1024 * 1024;

function best(runs: number, fn: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const pool = new DecryptPool();
console.log("size    envelope MB/s   secretbox MB/s   ratio   pool (worker thread) MB/s");
for (const size of [1, 10, 100]) {
  const plain = Uint8Array.from(randomBytes(size * MB));
  const key = generateFileKey();
  const sealed = encryptEnvelope(plain, key);
  const nonce = nacl.randomBytes(24);
  const boxed = nacl.secretbox(plain, nonce, key);
  const runs = size === 100 ? 2 : 5;
  const envelopeMs = best(runs, () => decryptEnvelope(sealed, key));
  const secretboxMs = best(runs, () => {
    if (!nacl.secretbox.open(boxed, nonce, key)) throw new Error("secretbox failed");
  });
  let poolMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await pool.decrypt(sealed, Uint8Array.from(key));
    poolMs = Math.min(poolMs, performance.now() - started);
  }
  const rate = (ms: number): string => ((size * 1000) / ms).toFixed(0).padStart(8);
  console.log(
    `${String(size).padStart(3)} MB  ${rate(envelopeMs)}        ${rate(secretboxMs)}        ${(secretboxMs / envelopeMs).toFixed(1).padStart(5)}x  ${rate(poolMs)}`,
  );
}
await pool.dispose();
