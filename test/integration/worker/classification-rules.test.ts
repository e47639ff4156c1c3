// A classification campaign's rules reach the worker's core: its instructions and label
// descriptions travel with the opened task, and an empty classification is refused with a
// sentence unless the requester allows "none of these". Nothing refused enters the outbox.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_CLASS_CHOSEN, emptyDocument } from "../../../shared/annotation";
import type { OpenedTask, TaskMeta } from "../../../shared/api";
import { SOL, PASSPHRASE, prepareKeystore, startMarket, startWorkerCore, waitFor } from "../../support/market-harness";
import type { CampaignFixture, Market, WorkerCore } from "../../support/market-harness";

const labels = [
  { id: "cat", name: "cat", color: "#ff0000", description: "Any cat, a drawing counts" },
  { id: "dog", name: "dog", color: "#00ff00" },
];

let market: Market;
let worker: WorkerCore;
let strict: CampaignFixture;
let lenient: CampaignFixture;
let tasks: TaskMeta[];

beforeAll(async () => {
  market = await startMarket();
  const dataDir = join(market.home, "worker");
  const address = await prepareKeystore(dataDir);
  market.net.ledger.airdrop(address as never, 10n * SOL);
  // No sync loop: this is about what enters the outbox, not about paying it.
  worker = await startWorkerCore(market, dataDir, { background: false });
  await worker.call("keys:unlock", { passphrase: PASSPHRASE });
  const metadata = { labelKind: "class", labels, description: "Pick the animal in the photo." };
  strict = await market.createCampaign({ tasks: 1, isPrivate: false, metadata });
  lenient = await market.createCampaign({ tasks: 1, isPrivate: false, metadata: { ...metadata, noneOfThese: true } });
  await worker.call("profile:register");
  await worker.call("market:accept", {
    items: [
      { campaign: strict.campaign, count: 1 },
      { campaign: lenient.campaign, count: 1 },
    ],
  });
  tasks = await waitFor("both tasks", async () => {
    const list = await worker.call("tasks:list");
    return list.length === 2 ? list : null;
  });
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

const taskOf = (campaign: string) => tasks.find((t) => t.campaign === campaign)!;
const submit = (task: OpenedTask, classes: string[]) =>
  worker.call("tasks:submit", { id: task.meta.id, doc: { ...emptyDocument(task.meta.id, task.labels), classes } });

describe("classification rules", () => {
  it("opens a task with the campaign's instructions and label descriptions", async () => {
    const task = await worker.call("tasks:open", { id: taskOf(strict.campaign).id });
    expect(task.instructions).toBe("Pick the animal in the photo.");
    expect(task.labels.find((l) => l.id === "cat")?.description).toBe("Any cat, a drawing counts");
    expect(task.noneOfThese).toBe(false);
  });

  it("refuses an empty classification with a sentence and queues nothing, then takes a chosen class", async () => {
    const task = await worker.call("tasks:open", { id: taskOf(strict.campaign).id });
    await expect(submit(task, [])).rejects.toThrow(NO_CLASS_CHOSEN);
    expect(await worker.call("outbox:list")).toEqual([]);
    await submit(task, ["dog"]);
    expect((await worker.call("outbox:list")).map((i) => i.id)).toEqual([task.meta.id]);
  });

  it("accepts no class as the answer where the campaign allows none of these", async () => {
    const task = await worker.call("tasks:open", { id: taskOf(lenient.campaign).id });
    expect(task.noneOfThese).toBe(true);
    await submit(task, []);
    expect((await worker.call("outbox:list")).map((i) => i.id)).toContain(task.meta.id);
  });
});
