// Any requester writes a campaign's metadata URI and hash on chain. A worker's core lists 100
// hostile campaigns (endless, huge, slow, missing and wrong-type metadata on a hostile gateway,
// file:///dev/zero, a FIFO, a host nobody configured) and keeps answering, with memory bounded.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHostileGateway } from "../../support/hostile-gateway";
import type { HostileBehaviour, HostileGateway } from "../../support/hostile-gateway";
import { prepareKeystore, startMarket, startWorkerCore } from "../../support/market-harness";
import { postRawCampaigns } from "../../support/raw-campaigns";
import type { Market, WorkerCore } from "../../support/market-harness";

const CAMPAIGNS = 100;
const MiB = 1024 * 1024;
let market: Market;
let gateway: HostileGateway;
let worker: WorkerCore;
const uris: string[] = [];

beforeAll(async () => {
  market = await startMarket();
  gateway = await startHostileGateway();
  const fifo = join(market.home, "metadata.fifo");
  execFileSync("mkfifo", [fifo]);
  const kinds: HostileBehaviour[] = ["endless", "huge", "slow", "wrong-type", "not-json", "missing"];
  for (let i = 0; i < CAMPAIGNS; i++) {
    const special = i % 10;
    if (special === 7) uris.push("file:///dev/zero");
    else if (special === 8) uris.push(pathToFileURL(fifo).href);
    else if (special === 9) uris.push("http://10.255.255.1/metadata.json");
    else uris.push(gateway.add(kinds[i % kinds.length]!).url);
  }
  await postRawCampaigns(market, uris);
  const dataDir = join(market.home, "worker");
  await prepareKeystore(dataDir);
  worker = await startWorkerCore(market, dataDir, { background: false, blobUrl: gateway.url });
}, 180_000);

afterAll(async () => {
  await worker?.close();
  await gateway?.close();
  await market?.close();
});

describe("a market of hostile campaigns", () => {
  it("lists 100 hostile campaigns, keeps answering, never reads local files, and memory stays bounded", async () => {
    const rss: number[] = [];
    const baseline = process.memoryUsage().rss;
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 50);
    try {
      const listing = worker.call("market:list", { sort: "newest" });
      // Core answers other calls while the listing fetches.
      expect((await worker.call("app:ping", { nonce: "during" })).nonce).toBe("during");
      const views = await listing;
      expect(views.length).toBeGreaterThanOrEqual(CAMPAIGNS);
      // Nothing hostile became a title: wrong-type, not-json, endless and the rest have none.
      expect(views.filter((v) => v.title !== null && v.title !== "slow")).toEqual([]);
      // A second listing answers from the failure cache: nothing is fetched again.
      const hitsAfterFirst = new Map(gateway.hits);
      expect((await worker.call("market:list", { sort: "newest" })).length).toBe(views.length);
      for (const [path, count] of gateway.hits)
        if (!path.endsWith(uris.find((u) => u.includes("slow")) ?? "-"))
          expect(count).toBe(hitsAfterFirst.get(path) ?? count);
      expect((await worker.call("app:ping", { nonce: "after" })).nonce).toBe("after");
    } finally {
      clearInterval(sampler);
    }
    const peak = Math.max(...rss, process.memoryUsage().rss);
    console.log(
      `hostile market: rss baseline ${Math.round(baseline / MiB)} MiB, peak ${Math.round(peak / MiB)} MiB, gateway sent ${Math.round(gateway.bytesSent() / MiB)} MiB`,
    );
    // Test process = vitest + localnet + core: the growth is core's, and it is bounded by the caps.
    expect(peak - baseline).toBeLessThan(200 * MiB);
    expect(peak).toBeLessThan(800 * MiB);
  }, 120_000);
});
