import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address } from "@solana/kit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnotationDocument } from "../../../shared/annotation";
import { decodeWorkerProfile, findWorkerProfilePda } from "../../../shared/protocol";
import { exportResults, reviewCampaign } from "../../../cli/src/requester";
import { artifactPath, callCore, launchChromium, startBrowserShell } from "../support";
import { startMarket } from "./support/market";
import type { Market } from "./support/market";
import { dragBox, goTo, onboardNewWorker } from "./support/worker-ui";

interface Worker {
  readonly address: string;
  readonly doc: AnnotationDocument;
}

/** Where each worker drags, as fractions of the canvas: two agree, the third is far off. */
const DRAGS: ReadonlyArray<[[number, number], [number, number]]> = [
  [[0.3, 0.3], [0.6, 0.62]],
  [[0.3, 0.3], [0.6, 0.62]],
  [[0.72, 0.05], [0.8, 0.12]],
];

/**
 * Journey c: a requester posts a campaign with replication 3, three workers label it in the
 * app, the requester's consensus review moves their ratings on chain (the odd one out lower),
 * and the COCO export holds the agreed answer in image pixels.
 */
describe("journey c: three workers, consensus review, ratings and a COCO export", () => {
  let market: Market;
  let browser: Browser;

  beforeAll(async () => {
    [market, browser] = await Promise.all([startMarket(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  it("reviews by consensus, changes ratings and exports COCO", { timeout: 420_000 }, async () => {
    const created = await market.post({ key: "consensus", title: "Box the shapes, three opinions", seeds: [701] }, 3);
    const workers: Worker[] = [];
    for (const [n, [from, to]] of DRAGS.entries()) {
      const shell = await startBrowserShell({ home: mkdtempSync(join(tmpdir(), `amplify-journey-c-${n}-`)), env: market.appEnv });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(shell.url);
        const worker = await onboardNewWorker(page, `worker number ${n} passphrase`);
        await page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`).getByRole("button", { name: "Accept" }).click();
        await page.getByRole("button", { name: "Start labelling" }).click();
        await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
        await dragBox(page, from, to);
        await page.keyboard.press("Control+Enter");
        await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
        await goTo(page, "Outbox");
        await page.locator("[data-testid=outbox-row][data-state=confirmed]").waitFor({ timeout: 60_000 });
        const [item] = await callCore(shell, "outbox:list");
        const doc = JSON.parse((await callCore(shell, "outbox:export", { id: item!.id })).json) as AnnotationDocument;
        workers.push({ address: worker, doc });
        if (n === 2) await page.screenshot({ path: artifactPath("journey-c-1-third-worker.png") });
      } finally {
        await page.close();
        await shell.stop();
      }
    }

    const reviewed = await reviewCampaign({ chain: market.chain, keys: market.requester, campaign: created.campaign, manifest: created.manifest });
    expect(reviewed).toHaveLength(3);
    expect(reviewed.every((r) => r.basis === "consensus")).toBe(true);
    const scoreOf = (w: Worker) => reviewed.find((r) => r.worker === w.address)!.score!;
    expect(scoreOf(workers[0]!)).toBeGreaterThan(scoreOf(workers[2]!));
    expect(scoreOf(workers[1]!)).toBeGreaterThan(scoreOf(workers[2]!));

    // Ratings on chain: every worker now has one review, and the odd one out rates lowest.
    const ratings = [];
    for (const w of workers) {
      const [pda] = await findWorkerProfilePda(address(w.address));
      const info = await market.chain.rpc.getAccountInfo(pda, { encoding: "base64" }).send();
      ratings.push(decodeWorkerProfile(new Uint8Array(Buffer.from(info.value!.data[0], "base64"))));
    }
    for (const r of ratings) expect(r.reviewCount).toBe(1);
    expect(ratings[0]!.rating).toBeGreaterThan(ratings[2]!.rating);
    expect(ratings[1]!.rating).toBeGreaterThan(ratings[2]!.rating);

    // COCO: one image with the task's real size and name, the agreed box in image pixels.
    const outDir = mkdtempSync(join(tmpdir(), "amplify-coco-"));
    const summary = await exportResults({ chain: market.chain, keys: market.requester, campaign: created.campaign, manifest: created.manifest, format: "coco", outDir });
    const cocoFile = summary.files.find((f) => f.endsWith(".json"))!;
    const coco = JSON.parse(readFileSync(cocoFile, "utf8")) as {
      images: Array<{ id: number; file_name: string; width: number; height: number }>;
      annotations: Array<{ image_id: number; category_id: number; bbox: number[] }>;
      categories: Array<{ id: number; name: string }>;
    };
    const task = created.manifest.tasks[0]!;
    expect(coco.images).toEqual([expect.objectContaining({ file_name: task.name, width: task.width, height: task.height })]);
    const agreed = workers[0]!.doc.shapes[0]!;
    if (agreed.kind !== "box") throw new Error("worker 0 drew a box");
    expect(coco.annotations).toHaveLength(1);
    const annotation = coco.annotations[0]!;
    expect(annotation.image_id).toBe(coco.images[0]!.id);
    expect(annotation.bbox).toEqual([agreed.x, agreed.y, agreed.w, agreed.h]);
    const category = coco.categories.find((c) => c.id === annotation.category_id);
    expect(category?.name).toBe(workers[0]!.doc.labels.find((l) => l.id === agreed.label)?.name);
  });
});
