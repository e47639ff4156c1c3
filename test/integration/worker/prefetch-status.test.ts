// Preparing ahead, as the queue screen shows it: every open task's state (in memory, waiting
// for its key, failed with a reason) and the window's done/total for the overall bar.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrefetchStatus } from "../../../shared/api";
import { generateFileKey, wrapFileKey } from "../../../lib/crypto";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore, waitFor } from "../../support/market-harness";
import type { CampaignFixture, Market, WorkerCore } from "../../support/market-harness";

let market: Market;
let worker: WorkerCore;
let workerAddress: string;
let granted: CampaignFixture;
let ungranted: CampaignFixture;
const events: PrefetchStatus[] = [];

beforeAll(async () => {
  market = await startMarket();
  const dataDir = join(market.home, "worker");
  workerAddress = await prepareKeystore(dataDir);
  market.net.ledger.airdrop(workerAddress as never, 10n * SOL);
  worker = await startWorkerCore(market, dataDir);
  worker.core.events.subscribe((event, payload) => {
    if (event === "tasks:prefetchChanged") events.push(payload as PrefetchStatus);
  });
  await worker.call("keys:unlock", { passphrase: PASSPHRASE });
  await worker.call("settings:update", { prefetchCount: 8 });
  granted = await market.createCampaign({ tasks: 3, isPrivate: true });
  ungranted = await market.createCampaign({ tasks: 1, isPrivate: true });
  await worker.call("profile:register");
  await worker.call("market:accept", {
    items: [
      { campaign: granted.campaign, count: 3 },
      { campaign: ungranted.campaign, count: 1 },
    ],
  });
  const { x25519PublicKey } = await worker.call("keys:status");
  // Task 2's key is wrapped to the worker but opens the wrong file: it must fail alone.
  await market.grantKeys(granted, workerAddress, (file) =>
    wrapFileKey(file.index === 2 ? generateFileKey() : file.key, Buffer.from(x25519PublicKey!, "hex")),
  );
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

describe("prefetch status", () => {
  it("prepares the queue's head ahead and reports each task's state and the window", async () => {
    const tasks = await waitFor("four tasks, three with keys", async () => {
      const list = await worker.call("tasks:list");
      return list.length === 4 && list.filter((t) => t.state === "key_granted").length === 3 ? list : null;
    });
    const first = await worker.call("tasks:prefetch");
    expect(first.total).toBe(4);
    expect(first.items.map((i) => i.id).sort()).toEqual(tasks.map((t) => t.id).sort());

    const final = await waitFor("the round to end", async () => {
      const s = await worker.call("tasks:prefetch");
      return s.items.every((i) => i.state !== "queued" && i.state !== "fetching") ? s : null;
    });
    const stateOf = (campaign: string, index: number) =>
      final.items.find((i) => i.id === tasks.find((t) => t.campaign === campaign && t.taskIndex === index)?.id);
    expect(stateOf(granted.campaign, 0)?.state).toBe("ready");
    expect(stateOf(granted.campaign, 1)?.state).toBe("ready");
    expect(stateOf(granted.campaign, 2)).toMatchObject({
      state: "failed",
      message: expect.stringMatching(/cannot be opened/),
    });
    expect(stateOf(ungranted.campaign, 0)?.state).toBe("waiting_key");
    expect(final.done).toBe(2);
    // The screen heard each step: something was fetching before it was ready.
    expect(events.some((e) => e.items.some((i) => i.state === "fetching"))).toBe(true);
    expect(events.at(-1)?.done).toBe(2);
    // Ready tasks are listed as in memory too.
    expect((await worker.call("tasks:list")).filter((t) => t.ready)).toHaveLength(2);
  });
});
