// Outbox figures on the real localnet (run: npx tsx bench/worker/sync-1000.ts). Queues 1,000
// results offline (public campaign), then starts the sync loop and times until every one is
// confirmed; checks on chain that the escrow paid exactly 1,000 results. Also prints the
// sign rate (signatures per second, no network) and the sign-and-send rate of the sync loop.
import { join } from "node:path";
import { generateKeyPairSigner } from "@solana/kit";
import { getSubmitResultInstruction } from "../../shared/protocol";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore } from "../../test/support/market-harness";

const RESULTS = Number(process.env.RESULTS ?? 1000);
const market = await startMarket({ slotMs: 400 });
try {
  const started = performance.now();
  const fixture = await market.createCampaign({ tasks: RESULTS, isPrivate: false, imageBytes: 256 });
  console.log(`setup: campaign with ${RESULTS} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const dataDir = join(market.home, "bench-sync");
  const worker = await prepareKeystore(dataDir);
  market.net.ledger.airdrop(worker as never, 1000n * SOL);

  // Sign rate: the sync loop's signing step alone (kit, WebCrypto Ed25519), no network.
  const signer = await generateKeyPairSigner();
  const lifetime = await market.chain.latestBlockhash();
  const ix = await getSubmitResultInstruction({
    worker: signer,
    campaign: fixture.campaign,
    taskIndex: 0,
    resultHash: new Uint8Array(32),
    resultUri: "http://127.0.0.1/blobs/" + "0".repeat(64),
  });
  const signStart = performance.now();
  for (let i = 0; i < 1000; i++) await market.chain.sign(signer, [ix], lifetime);
  console.log(`sign rate: ${(1000 / ((performance.now() - signStart) / 1000)).toFixed(0)} transactions/s`);

  const setup = await startWorkerCore(market, dataDir, { background: false });
  await setup.call("keys:unlock", { passphrase: PASSPHRASE });
  const acceptStart = performance.now();
  for (let left = RESULTS; left > 0; left -= 100) {
    const out = await setup.call("market:accept", {
      items: [{ campaign: fixture.campaign, count: Math.min(100, left) }],
    });
    if (out.some((o) => !o.ok)) throw new Error(`accept failed: ${out.find((o) => !o.ok)!.error}`);
  }
  console.log(
    `bulk accept: ${RESULTS} tasks in ${((performance.now() - acceptStart) / 1000).toFixed(1)} s (4 per transaction)`,
  );
  const tasks = await setup.call("tasks:list");
  const queueStart = performance.now();
  for (const task of tasks) {
    await setup.call("tasks:submit", {
      id: task.id,
      doc: { schema: 1, taskId: task.id, labels: [], shapes: [], classes: [], timeSpentMs: 1 },
    });
  }
  console.log(`queued ${tasks.length} results offline in ${((performance.now() - queueStart) / 1000).toFixed(1)} s`);
  await setup.close();
  const escrowBefore = await market.lamports(fixture.escrow);

  const syncStart = performance.now();
  const core = await startWorkerCore(market, dataDir);
  await core.call("keys:unlock", { passphrase: PASSPHRASE });
  let summary = await core.call("outbox:summary");
  while (summary.queued > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    summary = await core.call("outbox:summary");
  }
  const syncSeconds = (performance.now() - syncStart) / 1000;
  const paid = (escrowBefore - (await market.lamports(fixture.escrow))) / fixture.price;
  console.log(
    `sync: ${summary.confirmed} results uploaded, signed, sent and confirmed in ${syncSeconds.toFixed(1)} s (${(summary.confirmed / syncSeconds).toFixed(0)}/s); escrow paid ${paid} results, failed ${summary.failed}`,
  );
  await core.close();
} finally {
  await market.close();
}
