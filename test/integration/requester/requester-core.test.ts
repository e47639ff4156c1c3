// The Requester view's core against a real localnet: create from a folder (with progress),
// bad input refused with a sentence, a dead RPC costs nothing (creating again resumes), and
// the key service core runs for a private campaign grants a worker's key.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateCampaignRequest, RequesterProgress } from "../../../shared/api";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore, waitFor } from "../../support/market-harness";
import type { Market, WorkerCore } from "../../support/market-harness";
import { LINK_NEEDS_FOLDER } from "../../../electron/core/requester/requester-handlers";

let market: Market;
let requester: WorkerCore;
const progress: RequesterProgress[] = [];

function imageFolder(name: string, count: number): string {
  const dir = join(market.home, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const png = new PNG({ width: 16 + i, height: 12 });
    png.data.fill(40 * i);
    writeFileSync(join(dir, `img-${i}.png`), PNG.sync.write(png));
  }
  return dir;
}

function request(folder: string, patch: Partial<CreateCampaignRequest> = {}): CreateCampaignRequest {
  return {
    folder,
    title: "Boxes from the app",
    instructions: "Box every shape.",
    labelKind: "box",
    labels: ["shape", "other"],
    priceSol: "0.002",
    minStars: 0,
    replication: 1,
    deadlineDays: 3,
    isPrivate: true,
    ...patch,
  };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; fields: unknown[] }> {
  try {
    await p;
  } catch (e) {
    const { code, fields } = e as { code?: string; fields?: unknown[] };
    return { code: String(code), message: (e as Error).message, fields: fields ?? [] };
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  market = await startMarket();
  const dataDir = join(market.home, "requester-app");
  const address = await prepareKeystore(dataDir);
  market.net.ledger.airdrop(address as never, 10n * SOL);
  requester = await startWorkerCore(market, dataDir);
  await requester.call("keys:unlock", { passphrase: PASSPHRASE });
  requester.core.events.subscribe((event, payload) => {
    if (event === "requester:progress") progress.push(payload as RequesterProgress);
  });
}, 60_000);

afterAll(async () => {
  await requester?.close();
  await market?.close();
});

describe("requester core", () => {
  it("refuses a missing folder and a corrupt image with a sentence, before paying for anything", async () => {
    const missing = await failure(requester.call("requester:create", request(join(market.home, "no-such-folder"))));
    expect(missing).toMatchObject({ code: "rejected" });
    expect(missing.message).toMatch(/Image folder not found/);
    // The form shows it next to the folder field.
    expect(missing.fields).toEqual([{ path: "folder", message: expect.stringMatching(/Image folder not found/) }]);

    const bad = imageFolder("bad-images", 1);
    writeFileSync(join(bad, "broken.png"), "not a png at all");
    const corrupt = await failure(requester.call("requester:create", request(bad)));
    expect(corrupt.code).toBe("rejected");
    expect(corrupt.message).toMatch(/Unsupported or unreadable image.*broken\.png/);
    expect(corrupt.fields).toMatchObject([{ path: "folder" }]);

    // Core's own checks of the terms name their field too: a price of 0 passes the schema's shape.
    const free = await failure(requester.call("requester:create", request(bad, { priceSol: "0" })));
    expect(free).toMatchObject({
      code: "rejected",
      fields: [{ path: "priceSol", message: expect.stringMatching(/more than 0 SOL/) }],
    });
    expect(await requester.call("requester:campaigns")).toEqual([]);
  });

  it("a dead RPC fails with 'unavailable'; creating again resumes the same campaign", async () => {
    const folder = imageFolder("images", 3);
    await requester.call("settings:update", { rpcUrl: "http://127.0.0.1:9" });
    const dead = await failure(requester.call("requester:create", request(folder)));
    expect(dead.code).toBe("unavailable");
    await requester.call("settings:update", { rpcUrl: market.net.rpcUrl });

    progress.length = 0;
    const created = await requester.call("requester:create", request(folder));
    expect(created).toMatchObject({ taskCount: 3, resumed: true });
    // The bar had something to show for each phase, ending full.
    const last = (phase: string) => progress.filter((p) => p.phase === phase).at(-1);
    expect(last("upload")).toMatchObject({ operation: "create", done: 3, total: 3 });
    expect(last("tasks")).toMatchObject({ done: 3, total: 3 });

    const [listed] = await requester.call("requester:campaigns");
    expect(listed).toMatchObject({
      address: created.campaign,
      title: "Boxes from the app",
      tasks: 3,
      slots: 3,
      filled: 0,
      private: true,
      incomplete: false,
    });
    expect((await requester.call("requester:keyService")).running).toBe(true);
  });

  it("grants a worker's key from core's key service, and the list counts the filled slot", async () => {
    const [campaign] = await requester.call("requester:campaigns");
    const workerDir = join(market.home, "worker-app");
    const workerAddress = await prepareKeystore(workerDir);
    market.net.ledger.airdrop(workerAddress as never, 10n * SOL);
    const worker = await startWorkerCore(market, workerDir);
    try {
      await worker.call("keys:unlock", { passphrase: PASSPHRASE });
      await worker.call("profile:register");
      const [outcome] = await worker.call("market:accept", { items: [{ campaign: campaign!.address, count: 1 }] });
      expect(outcome?.ok).toBe(true);
      await waitFor("the key to be granted", async () =>
        (await worker.call("tasks:list")).find((t) => t.state === "key_granted"),
      );
      const opened = await worker.call("tasks:open", { id: outcome!.assignment! });
      expect(opened.meta.state).toBe("key_granted");
      expect((await requester.call("requester:keyService")).granted).toBeGreaterThanOrEqual(1);
      const [after] = await requester.call("requester:campaigns");
      expect(after?.filled).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it("refuses an export folder it cannot write and a campaign that is not this key's", async () => {
    const [campaign] = await requester.call("requester:campaigns");
    const aFile = join(market.home, "not-a-folder");
    writeFileSync(aFile, "x");
    const blocked = await failure(
      requester.call("requester:export", {
        campaign: campaign!.address,
        format: "coco",
        outDir: join(aFile, "inside"),
      }),
    );
    expect(blocked.code).toBe("rejected");
    expect(blocked.message).toMatch(/cannot use .*not-a-folder.*choose another folder/);

    const foreign = await market.createCampaign({ tasks: 1 });
    const notMine = await failure(requester.call("requester:review", { campaign: foreign.campaign }));
    expect(notMine).toMatchObject({
      code: "rejected",
      message: expect.stringMatching(/belongs to .*not to this wallet/),
    });

    const exportDir = join(market.home, "exports");
    mkdirSync(exportDir);
    const foreignExport = await failure(
      requester.call("requester:export", { campaign: foreign.campaign, format: "coco", outDir: exportDir }),
    );
    expect(foreignExport).toMatchObject({
      code: "rejected",
      message: expect.stringMatching(/belongs to .*only your own campaigns/),
    });
    expect(readdirSync(exportDir)).toEqual([]);
  });

  it("exports images only as asked: link wants the posted folder, and an unknown choice is refused", async () => {
    const [campaign] = await requester.call("requester:campaigns");
    const exportDir = join(market.home, "exports-images");
    mkdirSync(exportDir);
    const link = await failure(
      requester.call("requester:export", {
        campaign: campaign!.address,
        format: "coco",
        outDir: exportDir,
        images: "link",
      }),
    );
    expect(link).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining(LINK_NEEDS_FOLDER),
      fields: [{ path: "imagesFrom", message: LINK_NEEDS_FOLDER }],
    });
    const unknown = await failure(
      requester.call("requester:export", {
        campaign: campaign!.address,
        format: "coco",
        outDir: exportDir,
        images: "all" as never,
      }),
    );
    expect(unknown.code).toBe("invalid_input");
    expect(readdirSync(exportDir)).toEqual([]);
  });

  it("exports CVAT for images 1.1 as the CLI does (nothing submitted yet: the task's meta and no image)", async () => {
    const [campaign] = await requester.call("requester:campaigns");
    const exportDir = join(market.home, "exports-cvat");
    mkdirSync(exportDir);
    const outcome = await requester.call("requester:export", {
      campaign: campaign!.address,
      format: "cvat",
      outDir: exportDir,
    });
    expect(outcome).toMatchObject({ images: 0, shapes: 0, imageFiles: 0 });
    expect(readdirSync(exportDir)).toEqual(["annotations.xml"]);
    const xml = readFileSync(join(exportDir, "annotations.xml"), "utf8");
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\s*<annotations>\s*<version>1\.1<\/version>/);
    expect(xml).toContain("<name>Boxes from the app</name>");
    expect(xml).not.toContain("<image ");
  });

  it("wants a full path to an existing export folder and creates none", async () => {
    const [campaign] = await requester.call("requester:campaigns");
    const relative = await failure(
      requester.call("requester:export", { campaign: campaign!.address, format: "coco", outDir: "exports/relative" }),
    );
    expect(relative).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/relative path.*full path of the export folder/),
      fields: [{ path: "outDir", message: expect.stringMatching(/relative path/) }],
    });
    const missing = join(market.home, "no-such-folder", "deeper");
    const absent = await failure(
      requester.call("requester:export", { campaign: campaign!.address, format: "coco", outDir: missing }),
    );
    expect(absent).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/does not exist\. The app does not create folders on its own: create it first/),
      fields: [{ path: "outDir", message: expect.stringMatching(/does not exist/) }],
    });
    expect(existsSync(join(market.home, "no-such-folder"))).toBe(false);
  });

  it("refuses to act as a requester while locked", async () => {
    await requester.call("keys:lock");
    expect((await failure(requester.call("requester:campaigns"))).code).toBe("locked");
    await requester.call("keys:unlock", { passphrase: PASSPHRASE });
  });
});
