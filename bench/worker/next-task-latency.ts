// Next-task latency with decrypt-ahead (run: npx tsx bench/worker/next-task-latency.ts).
// A private campaign of 2 MB images on the real localnet; the worker opens tasks one after the
// other with a short "labelling" pause between them, as a person would, and the time from
// tasks:open to the decrypted bytes in hand is measured. Prints p50/p95/max, and the cold
// open (nothing prefetched) for comparison.
import { join } from "node:path";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore } from "../../test/support/market-harness";

const TASKS = Number(process.env.TASKS ?? 40);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 250);
const market = await startMarket();
try {
  const fixture = await market.createCampaign({ tasks: TASKS, isPrivate: true, imageBytes: 2 * 1024 * 1024 });
  const dataDir = join(market.home, "bench-worker");
  const worker = await prepareKeystore(dataDir);
  market.net.ledger.airdrop(worker as never, 100n * SOL);
  const core = await startWorkerCore(market, dataDir);
  await core.call("keys:unlock", { passphrase: PASSPHRASE });
  await core.call("settings:update", { prefetchCount: 4 });
  for (let left = TASKS; left > 0; left -= 100)
    await core.call("market:accept", { items: [{ campaign: fixture.campaign, count: Math.min(100, left) }] });
  await market.grantKeys(fixture, worker);
  const tasks = await core.call("tasks:list");

  const coldStart = performance.now();
  await core.call("tasks:open", { id: tasks[0]!.id });
  const cold = performance.now() - coldStart;
  const samples: number[] = [];
  for (const task of tasks.slice(1)) {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const started = performance.now();
    const opened = await core.call("tasks:open", { id: task.id });
    samples.push(performance.now() - started);
    if (opened.image.length < 1) throw new Error("empty image");
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): string => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(
    `next-task latency over ${samples.length} opens of 2 MB private images (prefetch 4, ${PAUSE_MS} ms between opens)`,
  );
  console.log(`  p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${samples.at(-1)!.toFixed(1)} ms   (goal: p95 < 50 ms)`);
  console.log(`  cold open without prefetch: ${cold.toFixed(1)} ms`);
  await core.close();
} finally {
  await market.close();
}
