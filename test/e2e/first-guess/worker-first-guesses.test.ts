import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "../../../lib/requester";
import type { CreatedCampaign } from "../../../lib/requester";
import { resolveModel } from "../../../lib/requester/recommended-model";
import { DEMO_PHOTO_MAPPING, writeDemoPhotoFiles } from "../../../localnet/demo/demoPhotos";
import type { AnnotationDocument, BoxShape } from "../../../shared/annotation";
import { boxIoU } from "../../../shared/geometry";
import { artifactPath, callCore, launchChromium, repoRoot, startBrowserShell } from "../support";
import type { RunningShell } from "../support";
import { startMarket } from "../journeys/support/market";
import type { Market } from "../journeys/support/market";
import { dragBox, goTo, onboardNewWorker } from "../journeys/support/worker-ui";

/** The hand-checked person in the astronaut photo (assets/demo/photos/ground-truth.json). */
const ASTRONAUT_PERSON = { x: 8, y: 15, w: 355, h: 497 };

/** The two times the first-guess bar carries: from the canvas on screen, and from the decoded image. */
async function timing(page: Page): Promise<string> {
  const bar = page.getByTestId("first-guesses");
  return `suggestions shown ${await bar.getAttribute("data-ms")} ms after the canvas with the image mounted, ${await bar.getAttribute("data-ms-decoded")} ms after the image was decoded (core answered the renderer's request in ${await bar.getAttribute("data-ms-request")} ms; 0 = they came with the task)`;
}

const rows = (page: Page) => page.getByTestId("shape-list").getByRole("option");
const guessRows = (page: Page) => page.getByTestId("shape-list").getByRole("option", { name: /model guess, at / });

/**
 * First guesses end to end: the demo photo campaign recommends the shipped detector; a worker
 * opens its astronaut task in the real UI (browser shell, real localnet, real detector thread)
 * and the model's box appears on the canvas as a pre-label, while the canvas takes a drawn box
 * from the first frame. Reject-all, undo, accept-all and an edit are done by key, and the
 * submitted document says which box came from the model and that the human changed it. A
 * tampered copy of the model in the data directory is refused, and the strip says why.
 */
describe("first guesses: a worker starts the astronaut photo from the detector's box", () => {
  let market: Market;
  let shell: RunningShell;
  let browser: Browser;
  let page: Page;
  let created: CreatedCampaign;
  let home = "";

  beforeAll(async () => {
    market = await startMarket();
    const files = writeDemoPhotoFiles(join(market.home, "campaigns", "photos"));
    if (!files) throw new Error("assets/demo/photos is missing");
    const model = await resolveModel("default");
    created = await createCampaign({
      chain: market.chain,
      keys: market.requester,
      stateDir: join(market.home, "state"),
      imagesDir: files.images,
      labelsFile: files.labels,
      priceLamports: 3_000_000n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 1,
      isPrivate: false,
      deadlineSeconds: 86_400,
      firstGuess: { model: model.hash, mapping: { ...DEMO_PHOTO_MAPPING } },
    });
    // A tampered copy of the model in the app's data directory: refused, and said so, while the shipped one works.
    home = mkdtempSync(join(tmpdir(), "amplify-e2e-fg-"));
    const tampered = join(home, "models", "centernet-tampered");
    cpSync(join(repoRoot, "assets/models/centernet"), tampered, { recursive: true });
    const bin = readFileSync(join(tampered, "centernet.bin"));
    bin[2048] = (bin[2048] ?? 0) ^ 0x55;
    writeFileSync(join(tampered, "centernet.bin"), bin);
    [shell, browser] = await Promise.all([startBrowserShell({ home, env: market.appEnv }), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await market?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it(
    "shows the detector's box on the canvas, editable, with accept-all and reject-all keys, and records it in the document",
    { timeout: 240_000 },
    async () => {
      await page.goto(shell.url);
      await onboardNewWorker(page, "first guesses passphrase");
      // Two tasks: the astronaut, then the cat, which core prefetches (and guesses) while the first is open.
      const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
      await row.getByRole("spinbutton").fill("2");
      await row.getByRole("button", { name: "Accept" }).click();
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "Start labelling" }).click();
      await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
      const bar = page.getByTestId("first-guesses");
      // On by default: the campaign recommends a model and this worker never switched it off.
      await expect.poll(() => page.getByTestId("first-guesses-toggle").isChecked()).toBe(true);

      // The canvas is the labeller's from the first frame: a box drawn now lands whatever the model does.
      const modelWhileDrawing = await bar.getAttribute("data-model");
      await dragBox(page, [0.75, 0.1], [0.9, 0.25]);
      await expect
        .poll(
          () =>
            page
              .getByTestId("shape-list")
              .getByRole("option", { name: /, person, / })
              .count(),
          { timeout: 10_000 },
        )
        .toBeGreaterThanOrEqual(1);
      const phaseAfterDrawing = await bar.getAttribute("data-phase");
      console.log(
        `[first guesses] a box was drawn while the model was "${modelWhileDrawing}" and the guesses were "${phaseAfterDrawing}"`,
      );

      await page.locator("[data-testid=first-guesses][data-phase=shown]").waitFor({ timeout: 60_000 });
      console.log(
        `[first guesses] first task of a fresh app (includes verifying and loading the model): ${await timing(page)}`,
      );
      await page.screenshot({ path: artifactPath("first-guesses-1-suggested.png") });
      await expect
        .poll(() => page.getByTestId("first-guesses-refused").textContent())
        .toMatch(
          /^1 model folder refused: file centernet\.bin has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: tampered or corrupt$/,
        );
      const guessCount = await guessRows(page).count();
      expect(guessCount).toBeGreaterThanOrEqual(1);
      expect(await rows(page).count()).toBe(guessCount + 1);

      // The keys are in the shortcut overlay (and rebindable there).
      await page.getByTestId("canvas-surface").focus();
      await page.keyboard.press("?"); // the produced key, as every layout types it
      const overlay = page.getByTestId("shortcut-overlay");
      await expect
        .poll(() => overlay.getByRole("row", { name: /Accept all model guesses as they are/ }).textContent())
        .toMatch(/G/);
      await expect
        .poll(() =>
          overlay.getByRole("row", { name: /Reject all model guesses nobody edited or accepted/ }).textContent(),
        )
        .toMatch(/Shift\W*G/i);
      await page.keyboard.press("Escape");
      await overlay.waitFor({ state: "detached" });

      // Reject all (Shift+G) takes the untouched guesses away; Ctrl+Z brings them back.
      await page.getByTestId("canvas-surface").focus();
      await page.keyboard.press("Shift+G");
      await expect.poll(() => rows(page).count()).toBe(1);
      await page.keyboard.press("Control+z");
      await expect.poll(() => guessRows(page).count()).toBe(guessCount);

      // Accept all (G) confirms them as they are.
      await page.keyboard.press("g");
      await expect
        .poll(() =>
          page
            .getByTestId("shape-list")
            .getByRole("option", { name: /accepted model guess, at / })
            .count(),
        )
        .toBe(guessCount);
      await page.keyboard.press("Control+z");
      await expect.poll(() => guessRows(page).count()).toBe(guessCount);

      // Editable like any shape: select the first guess in the list and nudge it 10 px right.
      const firstGuess = guessRows(page).first();
      await firstGuess.click();
      await page.getByTestId("canvas-surface").focus();
      await page.keyboard.press("Shift+ArrowRight");
      await expect
        .poll(() =>
          page
            .getByTestId("shape-list")
            .getByRole("option", { name: /edited model guess, at / })
            .count(),
        )
        .toBe(1);
      await page.screenshot({ path: artifactPath("first-guesses-2-edited.png") });

      const first = await page.getByTestId("labelling").getAttribute("data-task");
      await page.keyboard.press("Control+Enter");
      // On to the next task, prefetched and guessed ahead: its boxes come with the image.
      await page.locator(`[data-testid=labelling]:not([data-task="${first}"])`).waitFor({ timeout: 30_000 });
      await page
        .locator("[data-testid=first-guesses][data-phase=shown], [data-testid=first-guesses][data-phase=none]")
        .waitFor({ timeout: 60_000 });
      console.log(
        `[first guesses] next task (prefetched and guessed ahead), ${await bar.getAttribute("data-phase")}: ${await timing(page)}`,
      );
      await page.screenshot({ path: artifactPath("first-guesses-3-next-task.png") });
      // Rejected, left and reopened from its draft: the rejected guesses do not come back.
      await page.getByTestId("canvas-surface").focus();
      await page.keyboard.press("Shift+G");
      await expect.poll(() => rows(page).count()).toBe(0);
      await goTo(page, "My queue");
      await page.getByRole("button", { name: "Start labelling" }).click();
      await page.locator("[data-testid=first-guesses][data-phase=kept]").waitFor({ timeout: 30_000 });
      expect(await rows(page).count()).toBe(0);
      const [item] = await callCore(shell, "outbox:list");
      const doc = JSON.parse((await callCore(shell, "outbox:export", { id: item!.id })).json) as AnnotationDocument;
      const fromModel = doc.shapes.filter((s) => s.source?.kind === "model") as BoxShape[];
      const fromHuman = doc.shapes.filter((s) => s.source?.kind === "human");
      expect(fromHuman).toHaveLength(1);
      expect(fromModel).toHaveLength(guessCount);
      expect(fromModel.every((s) => s.source?.model === "mb3-centernet-coco@3.3.6")).toBe(true);
      const edited = fromModel.filter((s) => s.source?.edited === true);
      expect(edited).toHaveLength(1);
      expect(fromModel.filter((s) => s.source?.edited !== true).every((s) => s.source?.accepted !== true)).toBe(true);
      // The person the detector found, as the worker submitted it (moved 10 px), still overlaps the truth.
      const people = fromModel.filter((s) => s.label === "person");
      expect(Math.max(...people.map((p) => boxIoU(p, ASTRONAUT_PERSON)))).toBeGreaterThanOrEqual(0.5);
    },
  );
});
