// Issue 6 item 6 against the real localnet: the RPC down for a whole session and back, and a
// loopback proxy that drops, delays, errors or loses the reply of half of all requests. Each
// ends with every result paid exactly once and nothing lost, asserted on chain.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Market } from "../../support/market-harness";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore, waitFor } from "../../support/market-harness";
import { acceptTasks, expectPaidExactlyOnce, submitAll } from "./exactly-once";
import { startFaultProxy } from "./fault-proxy";
import type { FaultProxy } from "./fault-proxy";
import { seededRandom } from "../../../shared/random";

let market: Market;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  process.env.AMPLIFY_SYNC_MAX_BACKOFF_MS = "2000";
  market = await startMarket();
});

afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
  await market?.close();
  delete process.env.AMPLIFY_SYNC_MAX_BACKOFF_MS;
});

describe("reliability", () => {
  it("RPC down for a whole session: results queue, the next session syncs them, each paid once", async () => {
    const proxy = await startFaultProxy(market.net.rpcUrl);
    proxies.push(proxy);
    const fixture = await market.createCampaign({ tasks: 5, isPrivate: false });
    const dataDir = join(market.home, "worker-down");
    const worker = await prepareKeystore(dataDir);
    market.net.ledger.airdrop(worker as never, 10n * SOL);

    const first = await startWorkerCore(market, dataDir, { rpcUrl: proxy.url });
    await first.call("keys:unlock", { passphrase: PASSPHRASE });
    const ids = await acceptTasks(first, fixture, 5);
    const escrowBefore = await market.lamports(fixture.escrow);
    proxy.down = true;
    const queued = await submitAll(first, ids);
    await waitFor("offline detected", async () => (await first.call("outbox:summary")).online === false);
    const offline = await first.call("outbox:summary");
    expect(offline.queued).toBe(5);
    expect(offline.reason).toBeTruthy();
    await first.close();

    proxy.down = false;
    const second = await startWorkerCore(market, dataDir, { rpcUrl: proxy.url });
    await second.call("keys:unlock", { passphrase: PASSPHRASE });
    await waitFor("outbox drained", async () => {
      const s = await second.call("outbox:summary");
      return s.queued === 0 && s.confirmed === 5 && s.online === true;
    });
    await expectPaidExactlyOnce(market, fixture, queued, escrowBefore, worker);
    await second.close();
  });

  it("a proxy that drops, delays, errors or loses the reply of half the requests: each paid once", async () => {
    const random = seededRandom(42);
    const rpc = await startFaultProxy(market.net.rpcUrl, random);
    const blobs = await startFaultProxy(market.net.blobUrl, random);
    proxies.push(rpc, blobs);
    const fixture = await market.createCampaign({ tasks: 10, isPrivate: false });
    const dataDir = join(market.home, "worker-faults");
    const worker = await prepareKeystore(dataDir);
    market.net.ledger.airdrop(worker as never, 10n * SOL);
    const core = await startWorkerCore(market, dataDir, { rpcUrl: rpc.url, blobUrl: blobs.url });
    await core.call("keys:unlock", { passphrase: PASSPHRASE });
    const ids = await acceptTasks(core, fixture, 10);
    const escrowBefore = await market.lamports(fixture.escrow);

    rpc.faultRate = 0.5;
    blobs.faultRate = 0.5;
    const queued = await submitAll(core, ids);
    await waitFor(
      "outbox drained through the faulty proxy",
      async () => {
        const s = await core.call("outbox:summary");
        return s.queued === 0;
      },
      120_000,
      250,
    );
    rpc.faultRate = 0;
    const summary = await core.call("outbox:summary");
    expect(summary).toMatchObject({ confirmed: 10, failed: 0 });
    for (const fault of ["drop", "error", "delay", "lost_reply"] as const) expect(rpc.counts[fault]).toBeGreaterThan(0);
    await expectPaidExactlyOnce(market, fixture, queued, escrowBefore, worker);
    await core.close();
  });
});
