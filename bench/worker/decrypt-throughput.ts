// Decryption throughput (run: npx tsx bench/worker/decrypt-throughput.ts). Prints, does not
// judge: the envelope (chunked AES-256-GCM via node:crypto) against tweetnacl secretbox on the
// same bytes in the same run, for 1, 10 and 100 MB; plus the worker-thread pool end to end.
import { randomBytes } from "node:crypto";
import nacl from "tweetnacl";
import { decryptEnvelope, encryptEnvelope, generateFileKey } from "../../lib/crypto";
import { DecryptPool } from "../../electron/core/tasks";

const MB = 1024 * 1024;

/** CPU milliseconds of one call (wall time here measures mostly the wait for a shared core). */
function cpuMs(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

const pool = new DecryptPool();
console.log(
  "median of 7 interleaved runs after a warm-up; in-thread figures per CPU second, the pool figure in wall time\nsize    envelope MB/s   secretbox MB/s   ratio   pool (worker thread, wall) MB/s",
);
for (const size of [1, 10, 100]) {
  const plain = Uint8Array.from(randomBytes(size * MB));
  const key = generateFileKey();
  const sealed = encryptEnvelope(plain, key);
  const nonce = nacl.randomBytes(24);
  const boxed = nacl.secretbox(plain, nonce, key);
  const runs = 7;
  const open = (): void => {
    if (!nacl.secretbox.open(boxed, nonce, key)) throw new Error("secretbox failed");
  };
  decryptEnvelope(sealed, key);
  open();
  // Interleaved, so both see the same moments of a noisy machine.
  const envelopeTimes: number[] = [];
  const secretboxTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    envelopeTimes.push(cpuMs(() => decryptEnvelope(sealed, key)));
    secretboxTimes.push(cpuMs(open));
  }
  const envelopeMs = median(envelopeTimes);
  const secretboxMs = median(secretboxTimes);
  await pool.decrypt(sealed, Uint8Array.from(key));
  const poolTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await pool.decrypt(sealed, Uint8Array.from(key));
    poolTimes.push(performance.now() - started);
  }
  const poolMs = median(poolTimes);
  const rate = (ms: number): string => ((size * 1000) / ms).toFixed(0).padStart(8);
  console.log(
    `${String(size).padStart(3)} MB  ${rate(envelopeMs)}        ${rate(secretboxMs)}        ${(secretboxMs / envelopeMs).toFixed(1).padStart(5)}x  ${rate(poolMs)}`,
  );
}
await pool.dispose();
