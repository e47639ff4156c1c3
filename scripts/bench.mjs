#!/usr/bin/env node
// `npm run bench [area...]`: runs the benchmarks under bench/, one after another (they measure
// side by side within each script; running them in parallel would only add noise).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Entry points by area; helper modules next to them are not benchmarks. */
const BENCHES = {
  program: ["bench/program/compute-units.ts", "bench/program/economics.ts", "bench/program/governance.ts"],
  localnet: ["bench/localnet/run.ts"],
  worker: ["bench/worker/decrypt-throughput.ts", "bench/worker/next-task-latency.ts", "bench/worker/sync-1000.ts"],
  canvas: ["bench/canvas/run.ts"],
  "first-guess": ["bench/first-guess/latency.ts", "bench/first-guess/edits.ts"],
  market: ["bench/market/run.ts"],
  fuzz: ["bench/fuzz/run.ts"],
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  console.error(`unknown bench area: ${unknown.join(", ")} (areas: ${Object.keys(BENCHES).join(", ")})`);
  process.exit(2);
}
let failed = 0;
for (const [area, entries] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(area)) continue;
  for (const entry of entries) {
    console.log(`\n=== ${entry} ===`);
    const result = spawnSync(process.execPath, ["--import", "tsx", entry], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) {
      failed++;
      console.error(`${entry} exited with ${result.status ?? result.signal}`);
    }
  }
}
process.exit(failed ? 1 : 0);
