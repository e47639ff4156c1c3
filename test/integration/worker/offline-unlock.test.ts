// Unlocking while offline: the profile last read from chain says the worker is registered, so
// the app goes straight back to work instead of the first-run "Fund and register" screen.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOL, PASSPHRASE, prepareKeystore, startMarket, startWorkerCore } from "../../support/market-harness";
import type { Market, WorkerCore } from "../../support/market-harness";

const DEAD_RPC = "http://127.0.0.1:9";

let market: Market;
let worker: WorkerCore;

beforeAll(async () => {
  market = await startMarket();
  const dataDir = join(market.home, "worker");
  const address = await prepareKeystore(dataDir);
  market.net.ledger.airdrop(address as never, 10n * SOL);
  worker = await startWorkerCore(market, dataDir, { background: false });
  await worker.call("keys:unlock", { passphrase: PASSPHRASE });
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

describe("offline unlock", () => {
  it("has nothing to fall back on before the profile was ever read", async () => {
    await worker.call("settings:update", { rpcUrl: DEAD_RPC });
    await expect(worker.call("profile:get")).rejects.toThrow();
    await worker.call("settings:update", { rpcUrl: market.net.rpcUrl });
  });

  it("reads the profile it last read from chain when the chain is unreachable, marked as cached", async () => {
    const { profile: online } = await worker.call("profile:register");
    expect(online).toMatchObject({ registered: true, keyMatches: true });
    expect(online.cachedAt).toBeUndefined();
    await worker.call("keys:lock");
    await worker.call("settings:update", { rpcUrl: DEAD_RPC });
    await worker.call("keys:unlock", { passphrase: PASSPHRASE });
    const offline = await worker.call("profile:get");
    expect(offline).toMatchObject({
      address: online.address,
      registered: true,
      keyMatches: true,
      balanceLamports: online.balanceLamports,
    });
    expect(offline.cachedAt).toBeGreaterThan(0);
  });
});
