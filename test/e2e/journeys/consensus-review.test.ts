import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address } from "@solana/kit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnotationDocument } from "../../../shared/annotation";
import { decodeWorkerProfile, findWorkerProfilePda } from "../../../shared/protocol";
import { CampaignManifest } from "../../../lib/requester";
import { writeDemoCampaignFiles } from "../../../localnet/demo/demoCampaigns";
import { artifactPath, callCore, launchChromium, startBrowserShell } from "../support";
import type { RunningShell } from "../support";
import { startMarket } from "./support/market";
import type { Market } from "./support/market";
import { dragBox, goTo, onboardNewWorker } from "./support/worker-ui";

interface Worker {
  readonly address: string;
  readonly doc: AnnotationDocument;
}

/** Where each worker drags, as fractions of the canvas: two agree, the third is far off. */
const DRAGS: ReadonlyArray<[[number, number], [number, number]]> = [
  [
    [0.3, 0.3],
    [0.6, 0.62],
  ],
  [
    [0.3, 0.3],
    [0.6, 0.62],
  ],
  [
    [0.72, 0.05],
    [0.8, 0.12],
  ],
];

/**
 * Journey c: a requester, in the app's Requester view, creates a private campaign from a
 * folder (replication 3); three workers label it in their own apps (the requester's app grants
 * their keys); the requester watches the results come in, reviews by consensus — which moves
 * the workers' ratings on chain, the odd one out lowest — and exports COCO holding the agreed
 * box in image pixels.
 */
describe("journey c: a requester in the app, three workers, consensus review, ratings and a COCO export", () => {
  let market: Market;
  let browser: Browser;
  let requesterShell: RunningShell;
  let requester: Page;

  beforeAll(async () => {
    [market, browser] = await Promise.all([startMarket(), launchChromium()]);
    requesterShell = await startBrowserShell({
      home: mkdtempSync(join(tmpdir(), "amplify-journey-c-requester-")),
      env: market.appEnv,
    });
    requester = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 120_000);
  afterAll(async () => {
    await requester?.close();
    await requesterShell?.stop();
    await browser?.close();
    await market?.close();
  });

  it("creates, watches, reviews and exports in the Requester view", { timeout: 420_000 }, async () => {
    // The requester: a new key in the app, funded on the localnet, then the Requester view.
    await requester.goto(requesterShell.url);
    await onboardNewWorker(requester, "requester passphrase here");
    await goTo(requester, "Requester");
    const files = writeDemoCampaignFiles(
      {
        key: "consensus",
        title: "Box the shapes, three opinions",
        instructions: "Box the shape.",
        tool: "box",
        isPrivate: true,
        priceLamports: 5_000_000n,
        replication: 3,
        seeds: [701],
        examples: [{ seed: 902, caption: "A tight box" }],
      },
      join(market.home, "campaigns", "consensus"),
    );
    await requester.getByLabel("Image folder").fill(files.images);
    await requester.getByLabel("Title").fill("Box the shapes, three opinions");
    await requester.getByLabel("Instructions").fill("Box the shape.");
    // An example image from the form: a folder and "file: caption" lines, read and posted by core.
    await requester.getByLabel("Examples folder").fill(join(market.home, "campaigns", "consensus", "examples"));
    await requester.getByLabel(/^Examples \(one per line/).fill("scene-0902.png: A tight box around the shape");
    await requester.getByLabel("Label kind").selectOption("box");
    await requester.getByLabel("Labels (one per line or comma-separated)").fill("shape\nbackground");
    await requester.getByLabel("Price per task (SOL)").fill("0.005");
    await requester.getByLabel("Workers per task").fill("3");
    await requester.getByRole("checkbox", { name: /Private/ }).check();
    await requester.getByRole("button", { name: "Create campaign" }).click();
    const createdNote = requester.getByTestId("campaign-created");
    await createdNote.waitFor({ timeout: 60_000 });
    const campaign = (await createdNote.getAttribute("data-campaign")) ?? "";
    expect(campaign).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    const row = requester.locator(`[data-testid=my-campaign-row][data-campaign="${campaign}"]`);
    await row.waitFor({ timeout: 30_000 });
    await requester.getByTestId("key-service").filter({ hasText: "Granting keys" }).waitFor({ timeout: 30_000 });
    await requester.screenshot({ path: artifactPath("journey-c-1-requester-create.png") });
    // The requester's own campaign is in their Market without Accept, with the reason instead.
    await goTo(requester, "Market");
    const own = requester.locator(`[data-testid=campaign-row][data-campaign="${campaign}"]`);
    await own.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => own.getByTestId("ineligible-reason").textContent(), { timeout: 30_000 })
      .toContain("this is your own campaign: a requester cannot accept their own tasks");
    expect(await own.getByRole("button", { name: /^Accept/ }).count()).toBe(0);
    await goTo(requester, "Requester");

    // Three workers, each in their own app, accept the private task and label it.
    const workers: Worker[] = [];
    for (const [n, [from, to]] of DRAGS.entries()) {
      const shell = await startBrowserShell({
        home: mkdtempSync(join(tmpdir(), `amplify-journey-c-${n}-`)),
        env: market.appEnv,
      });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(shell.url);
        const worker = await onboardNewWorker(page, `worker number ${n} passphrase`);
        await page
          .locator(`[data-testid=campaign-row][data-campaign="${campaign}"]`)
          .getByRole("button", { name: "Accept" })
          .click();
        // The key arrives from the requester's app (its key service), then the task opens.
        await page.getByRole("button", { name: "Start labelling" }).click({ timeout: 60_000 });
        await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
        if (n === 0) {
          // The example the requester attached in the form opens with the campaign's first task.
          const example = page
            .getByTestId("instructions-panel")
            .getByRole("img", { name: "A tight box around the shape" });
          await example.waitFor({ timeout: 20_000 });
          await expect
            .poll(() => example.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
            .toBe(320);
        }
        await dragBox(page, from, to);
        await page.keyboard.press("Control+Enter");
        await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
        await goTo(page, "Outbox");
        await page.locator("[data-testid=outbox-row][data-state=confirmed]").waitFor({ timeout: 60_000 });
        const [item] = await callCore(shell, "outbox:list");
        const doc = JSON.parse((await callCore(shell, "outbox:export", { id: item!.id })).json) as AnnotationDocument;
        workers.push({ address: worker, doc });
        if (n === 2) await page.screenshot({ path: artifactPath("journey-c-2-third-worker.png") });
      } finally {
        await page.close();
        await shell.stop();
      }
    }

    // The requester watches the results come in (the list refreshes by itself).
    await requester
      .locator(`[data-testid=my-campaign-row][data-campaign="${campaign}"][data-submitted="3"]`)
      .waitFor({ timeout: 60_000 });
    await requester.screenshot({ path: artifactPath("journey-c-3-progress.png") });

    // Review by consensus in the app: per-worker scores, the odd one out lowest.
    await row.getByRole("button", { name: "Review & export" }).click();
    await requester.getByRole("button", { name: "Review by consensus" }).click();
    await requester.getByTestId("review-result").filter({ hasText: "Posted 3 scores" }).waitFor({ timeout: 60_000 });
    const shown = new Map<string, { score: number; rating: number }>();
    for (const r of await requester.getByTestId("worker-review").all()) {
      shown.set((await r.getAttribute("data-worker")) ?? "", {
        score: Number(await r.getAttribute("data-score")),
        rating: Number(await r.getAttribute("data-rating")),
      });
    }
    expect([...shown.keys()].sort()).toEqual(workers.map((w) => w.address).sort());
    const scoreOf = (w: Worker) => shown.get(w.address)!.score;
    expect(scoreOf(workers[0]!)).toBeGreaterThan(scoreOf(workers[2]!));
    expect(scoreOf(workers[1]!)).toBeGreaterThan(scoreOf(workers[2]!));
    await requester.screenshot({ path: artifactPath("journey-c-4-review.png"), fullPage: true });

    // Ratings on chain: every worker now has one review, the odd one out rates lowest, and
    // the view showed the ratings the chain holds.
    const ratings = [];
    for (const w of workers) {
      const [pda] = await findWorkerProfilePda(address(w.address));
      const info = await market.chain.rpc.getAccountInfo(pda, { encoding: "base64" }).send();
      const profile = decodeWorkerProfile(new Uint8Array(Buffer.from(info.value!.data[0], "base64")));
      ratings.push(profile);
      expect(shown.get(w.address)?.rating).toBe(profile.rating);
    }
    for (const r of ratings) expect(r.reviewCount).toBe(1);
    expect(ratings[0]!.rating).toBeGreaterThan(ratings[2]!.rating);
    expect(ratings[1]!.rating).toBeGreaterThan(ratings[2]!.rating);

    // COCO, exported from the app to a folder: one image with the task's real size and name,
    // the agreed box in image pixels.
    const outDir = mkdtempSync(join(tmpdir(), "amplify-coco-"));
    await requester.getByLabel("Format").selectOption("coco");
    await requester.getByLabel("Export folder").fill(outDir);
    await requester.getByRole("button", { name: "Export", exact: true }).click();
    await requester.getByTestId("export-result").waitFor({ timeout: 60_000 });
    const cocoFile =
      ((await requester.getByTestId("export-result").textContent()) ?? "").match(/(\/\S+\.json)/)?.[1] ?? "";
    expect(cocoFile.startsWith(outDir)).toBe(true);
    const coco = JSON.parse(readFileSync(cocoFile, "utf8")) as {
      images: Array<{ id: number; file_name: string; width: number; height: number }>;
      annotations: Array<{ image_id: number; category_id: number; bbox: number[] }>;
      categories: Array<{ id: number; name: string }>;
    };
    const manifest = CampaignManifest.parse(
      JSON.parse(readFileSync(join(requesterShell.home, "requester", "campaigns", `${campaign}.json`), "utf8")),
    );
    const task = manifest.tasks[0]!;
    expect(coco.images).toEqual([
      expect.objectContaining({ file_name: task.name, width: task.width, height: task.height }),
    ]);
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
