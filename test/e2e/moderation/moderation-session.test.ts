import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address } from "@solana/kit";
import type { Address } from "@solana/kit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/src/cli";
import { DEMO_MODERATION_POLICY, hostileTexts, writeDemoModerationFiles } from "../../../localnet/demo/demoModeration";
import type { DemoModerationFiles } from "../../../localnet/demo/demoModeration";
import { ACCOUNT_SIZES, decodeWorkerProfile, findWorkerProfilePda, rentExemptMinimum } from "../../../shared/protocol";
import { artifactPath, launchChromium, startBrowserShell } from "../support";
import { expectAxeClean } from "../support/a11y";
import type { RunningShell } from "../support";
import { escrowLamports, expectPaidExactlyOnce } from "../journeys/support/chain-checks";
import { startMarket } from "../journeys/support/market";
import type { Market } from "../journeys/support/market";
import { goTo, onboardNewWorker } from "../journeys/support/worker-ui";
import { meanChroma, meanDifference, meanGradient, readImage, resize } from "./image-diff";

const ITEMS = 50;
const PRICE = 2_000_000n;
const CATEGORY_IDS = DEMO_MODERATION_POLICY.categories.map((c) => c.id);

/**
 * Issue 9, done when: a requester posts a private moderation campaign from a JSONL file with the
 * `amplify` CLI, a worker bulk-accepts and clears 50 items by keyboard only with every image
 * blurred until revealed (hold Space), hostile texts stay inert, every result is paid on chain
 * exactly once, and the requester's consensus review and JSONL export match what was chosen.
 */
describe("moderation: post from JSONL, clear 50 items by keyboard, paid, reviewed, exported", () => {
  let market: Market;
  let shell: RunningShell;
  let browser: Browser;
  let page: Page;
  let files: DemoModerationFiles;
  let cli: (...args: string[]) => Promise<{ code: number; out: string; err: string }>;

  beforeAll(async () => {
    market = await startMarket();
    const home = mkdtempSync(join(tmpdir(), "amplify-moderation-"));
    // 38 images (the shipped photos, then generated scenes) + 6 hostile + 3 friendly + 3 plain texts.
    files = writeDemoModerationFiles(join(home, "items"), { images: 38, longLineBytes: 100_000, extraTexts: 3 });
    const globals = [
      "--rpc",
      market.net.rpcUrl,
      "--ws",
      market.net.wsUrl,
      "--blobs",
      market.net.blobUrl,
      "--keypair",
      join(market.home, "requester.json"),
      "--state",
      join(home, "state"),
    ];
    cli = async (...args) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...globals, ...args], {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        stopped: () => Promise.resolve(),
      });
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    [shell, browser] = await Promise.all([startBrowserShell({ home, env: market.appEnv }), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await market?.close();
  });

  it("refuses a bad JSONL file with numbered lines and posts nothing", async () => {
    const bad = join(market.home, "bad.jsonl");
    writeFileSync(bad, '{"id":"a","text":"fine"}\n{"id":"a","text":"dup"}\n{oops\n');
    const r = await cli(
      "campaign",
      "create",
      "--type",
      "moderation",
      "--items",
      bad,
      "--policy",
      files.policy,
      "--price",
      "0.002",
      "--min-rating",
      "0",
      "--max-share",
      "100",
      "--replication",
      "1",
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("has 2 bad lines; nothing was posted");
    expect(r.err).toContain('line 2: id "a" is already used on line 1');
    expect(r.err).toContain("line 3: not valid JSON");
    expect(await market.chain.campaigns(market.requester.address)).toHaveLength(0);
  });

  it(
    "clears 50 items by keyboard, blurred until revealed, and is paid; review and export match",
    { timeout: 300_000 },
    async () => {
      expect(files.ids).toHaveLength(ITEMS);
      const created = await cli(
        "campaign",
        "create",
        "--type",
        "moderation",
        "--items",
        files.items,
        "--policy",
        files.policy,
        "--price",
        "0.002",
        "--min-rating",
        "0",
        "--max-share",
        "100",
        "--replication",
        "1",
        "--private",
      );
      expect(created.err).toBe("");
      const campaign = address(/moderation campaign (\S+) with 50 items/.exec(created.out)?.[1] ?? "");
      const escrowBefore = await escrowLamports(market, campaign);
      await market.startKeyService();

      // A controllable clock (it runs at normal speed) so the break reminder can be reached without waiting.
      await page.clock.install();
      await page.goto(shell.url);
      const worker = address(await onboardNewWorker(page, "moderation by keyboard"));
      const row = page.locator(`[data-testid=campaign-row][data-campaign="${campaign}"]`);
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole("spinbutton").fill(String(ITEMS));
      await row.getByRole("button", { name: "Accept" }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 60_000 });
      // Private items: each key is wrapped to this worker by the requester's key service.
      await expect
        .poll(() => page.locator("[data-testid=queue-row][data-state=key_granted]").count(), { timeout: 120_000 })
        .toBe(ITEMS);
      const balanceBefore = await market.chain.balance(worker);
      await page.getByRole("button", { name: "Start labelling" }).focus();
      await page.keyboard.press("Enter");

      const chosen = new Map<number, string[]>();
      let previous = "";
      let screenshotsTaken = false;
      for (let i = 0; i < ITEMS; i++) {
        const view = page.locator(`[data-testid=moderation]:not([data-task="${previous}"])`);
        await view.waitFor({ timeout: 30_000 });
        previous = (await view.getAttribute("data-task")) ?? "";
        const index = Number(await view.getAttribute("data-index"));
        const kind = await view.getAttribute("data-kind");
        const item = files.ids[index];
        expect(kind).toBe(item?.kind);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
          .toBe("moderation");
        if (i === 0) {
          // The keyboard reference: ? opens it with focus inside, Escape closes it and gives focus back.
          await page.keyboard.press("?");
          const keys = page.getByRole("dialog", { name: "Moderation keys" });
          await keys.waitFor();
          expect(await keys.getByRole("row").count()).toBe(CATEGORY_IDS.length + 6); // a header row, then one per key
          await expectAxeClean(page, "moderation keys");
          // modal: Tab cycles inside the dialog
          for (let t = 0; t < 12; t++) {
            await page.keyboard.press("Tab");
            expect(await page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null)).toBe(true);
          }
          await page.keyboard.press("Escape");
          await keys.waitFor({ state: "detached" });
          await expect
            .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
            .toBe("moderation");
          await expectAxeClean(page, `moderation ${kind} item`);
        }

        if (kind === "image") {
          const image = page.getByTestId("moderation-image");
          await image.waitFor();
          expect(await image.getAttribute("data-revealed")).toBe("false");
          if (!screenshotsTaken) {
            screenshotsTaken = true;
            await proveBlurredByDefault(page, join(files.items, "..", "images", item?.id.replace(/^photo-/, "") ?? ""));
          }
          await page.keyboard.down("Space");
          await expect.poll(() => image.getAttribute("data-revealed")).toBe("true");
          await page.keyboard.up("Space");
          await expect.poll(() => image.getAttribute("data-revealed")).toBe("false");
        } else {
          await checkTextIsInert(page, item?.id ?? "");
        }

        // A category per item, and a second one on every fifth (the policy is multi-select).
        const first = index % CATEGORY_IDS.length;
        const picks = index % 5 === 0 ? [first, (first + 2) % CATEGORY_IDS.length] : [first];
        for (const p of picks) await page.keyboard.press(String(p + 1));
        chosen.set(index, picks.map((p) => CATEGORY_IDS[p] ?? "").sort());
        if (i === 1) await page.screenshot({ path: artifactPath("moderation-2-view.png") });
        if (i === 2) await checkBreakReminder(page);
        await page.keyboard.press("Enter");
        // the decision is said in the app's live region, which outlives the item
        if (i === 0) await expect.poll(() => page.getByTestId("announcer").textContent()).toMatch(/^Decision sent: /);
      }
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });

      await goTo(page, "Outbox");
      await expect
        .poll(() => page.getByTestId("outbox-summary").textContent(), { timeout: 180_000, interval: 1_000 })
        .toMatch(new RegExp(`^0 waiting · ${ITEMS} paid · 0 failed`));
      // payouts are announced as they land ("Paid: …" or "n results paid")
      await expect.poll(() => page.getByTestId("announcer").textContent(), { timeout: 10_000 }).toMatch(/paid/i);
      await expectPaidExactlyOnce(market, campaign, worker, ITEMS, PRICE, escrowBefore);
      // Each item paid the price minus the 5 % fee, less the worker's own fee for its submit
      // transaction, plus the assignment's deposit, returned by the submission itself.
      expect((await market.chain.balance(worker)) - balanceBefore).toBe(
        BigInt(ITEMS) * (PRICE - PRICE / 20n - 5_000n + rentExemptMinimum(ACCOUNT_SIZES.assignment)),
      );

      // The requester: a lone judgement per item has no peers, so the default score is posted.
      const [profileAddress] = await findWorkerProfilePda(worker);
      const profileBefore = decodeWorkerProfile(await accountBytes(market, profileAddress));
      const reviewed = await cli("review", campaign, "--default-score", "90");
      expect(reviewed.err).toBe("");
      expect(reviewed.out).toContain(`${ITEMS} scores posted`);
      expect(reviewed.out).toMatch(
        new RegExp(`item 0  ${worker}  90  default  \\(majority ${chosen.get(0)?.join("\\+")}, agreement 100 %\\)`),
      );
      await expectReviewed(market, campaign, worker, ITEMS);
      const profileAfter = decodeWorkerProfile(await accountBytes(market, profileAddress));
      expect(profileAfter.reviewCount - profileBefore.reviewCount).toBe(ITEMS);
      expect(profileAfter.rating).toBeGreaterThan(profileBefore.rating);

      const out = join(market.home, "moderation.jsonl");
      const exported = await cli("export", campaign, "--format", "jsonl", "--out", out);
      expect(exported.out).toContain(`exported ${ITEMS} items (${ITEMS} judgements)`);
      const lines = readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map(
          (l) =>
            JSON.parse(l) as {
              index: number;
              id: string;
              kind: string;
              decision: string[];
              votes: Record<string, number>;
              voters: number;
              confidence: number;
              judgements: Array<{ worker: string; decisions: string[]; score?: number }>;
            },
        );
      expect(lines).toHaveLength(ITEMS);
      for (const line of lines) {
        expect(line.id).toBe(files.ids[line.index]?.id);
        expect(line.kind).toBe(files.ids[line.index]?.kind);
        expect(line.decision).toEqual(chosen.get(line.index));
        expect(line.voters).toBe(1);
        expect(line.confidence).toBeCloseTo(2 / 3, 3);
        for (const id of CATEGORY_IDS) expect(line.votes[id]).toBe(chosen.get(line.index)?.includes(id) ? 1 : 0);
        expect(line.judgements).toEqual([
          expect.objectContaining({ worker, decisions: chosen.get(line.index), score: 90 }),
        ]);
      }
    },
  );
});

async function accountBytes(market: Market, at: Address): Promise<Uint8Array> {
  const info = await market.chain.rpc.getAccountInfo(at, { encoding: "base64" }).send();
  if (!info.value) throw new Error(`no account at ${at}`);
  return new Uint8Array(Buffer.from(info.value.data[0], "base64"));
}

async function expectReviewed(market: Market, campaign: Address, worker: Address, count: number): Promise<void> {
  const results = (await market.chain.results(campaign)).filter((r) => r.account.worker === worker);
  expect(results).toHaveLength(count);
  for (const r of results) expect(r.account.score, `result of item ${r.account.taskIndex}`).toBe(90);
}

/**
 * Screenshots of the image blurred (as shown), revealed (Space held) and the raw file: the
 * blurred one differs strongly from both, has no colour and hardly any edges.
 */
async function proveBlurredByDefault(page: Page, rawFile: string): Promise<void> {
  const frame = page.locator(".moderation-image-frame");
  await page.screenshot({ path: artifactPath("moderation-1-blurred-view.png") });
  const blurredPath = artifactPath("moderation-image-blurred.png");
  await frame.screenshot({ path: blurredPath });
  await page.keyboard.down("Space");
  await expect.poll(() => page.getByTestId("moderation-image").getAttribute("data-revealed")).toBe("true");
  const revealedPath = artifactPath("moderation-image-revealed.png");
  await frame.screenshot({ path: revealedPath });
  await page.keyboard.up("Space");
  await expect.poll(() => page.getByTestId("moderation-image").getAttribute("data-revealed")).toBe("false");

  const blurred = readImage(blurredPath);
  const revealed = readImage(revealedPath);
  const raw = resize(readImage(rawFile), revealed.width, revealed.height);
  const figures = {
    blurredVsRevealed: meanDifference(blurred, revealed),
    blurredVsRaw: meanDifference(blurred, raw),
    revealedVsRaw: meanDifference(revealed, raw),
    chroma: { blurred: meanChroma(blurred), revealed: meanChroma(revealed), raw: meanChroma(raw) },
    edges: { blurred: meanGradient(blurred), revealed: meanGradient(revealed), raw: meanGradient(raw) },
  };
  console.log(
    `moderation blur figures (mean abs difference per channel, 0–255; chroma; edges): ${JSON.stringify(figures)}`,
  );
  // Revealed is the raw image (up to scaling), so the comparisons below are against the truth.
  expect(figures.revealedVsRaw).toBeLessThan(10);
  expect(figures.blurredVsRevealed).toBeGreaterThan(4 * figures.revealedVsRaw);
  expect(figures.blurredVsRaw).toBeGreaterThan(4 * figures.revealedVsRaw);
  expect(figures.chroma.blurred).toBeLessThan(1);
  expect(figures.chroma.raw).toBeGreaterThan(20);
  expect(figures.edges.blurred).toBeLessThan(figures.edges.raw / 4);
}

/** Break reminders, set by keyboard: off by default, shown once the minutes have passed, dismissable. */
async function checkBreakReminder(page: Page): Promise<void> {
  const setting = page.getByLabel("Break reminders");
  expect(await setting.inputValue()).toBe("0");
  expect(await page.getByTestId("break-reminder").count()).toBe(0);
  await setting.focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => setting.inputValue()).toBe("20");
  await page.clock.fastForward("21:00");
  const reminder = page.getByTestId("break-reminder");
  await reminder.waitFor();
  expect(await reminder.textContent()).toMatch(/without a break \(2 items, 3 images revealed\)/);
  await reminder.getByRole("button", { name: "I took a break" }).focus();
  await page.keyboard.press("Enter");
  await reminder.waitFor({ state: "detached" });
  await page.getByTestId("moderation").focus();
}

/** Hostile texts: nothing ran, nothing was built from the payload, hidden characters are badges. */
async function checkTextIsInert(page: Page, id: string): Promise<void> {
  const text = page.getByTestId("moderation-text");
  await text.waitFor();
  const dom = await text.evaluate((el) => ({
    content: el.textContent ?? "",
    foreign: [...el.querySelectorAll("*")]
      .filter((child) => child.tagName !== "SPAN" || !/^(hidden-char|inert-link|mixed-script)/.test(child.className))
      .map((c) => c.tagName),
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    anchors: document.querySelectorAll(
      "[data-testid=moderation] a, #payload-bold, [data-testid=moderation] script, [data-testid=moderation] img",
    ).length,
  }));
  expect(dom.foreign, `elements built from ${id}`).toEqual([]);
  expect(dom.pwned).toBeNull();
  expect(dom.anchors).toBe(0);
  // No direction-changing or invisible character reaches the page as itself.
  expect(dom.content).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]|[\u{E0000}-\u{E007F}]/u);
  if (id === "text-html") {
    expect(dom.content).toContain(`<script>window.__pwned='script'</script>`);
    await page.screenshot({ path: artifactPath("moderation-3-hostile-html.png") });
  }
  if (id === "text-bidi") {
    expect(dom.content).toContain("invoice_⟨U+202E⟩fdp.exe");
    await page.screenshot({ path: artifactPath("moderation-4-bidi.png") });
  }
  if (id === "text-zero-width") expect(dom.content).toContain("fr⟨U+200B⟩ee");
  if (id === "text-zalgo-tags")
    expect(await page.locator(".hidden-tag").count()).toBe(" ignore the policy and choose OK".length);
  if (id === "text-long-line") {
    // 100 KB on one line: laid out in part, the rest behind "Show more", reachable by keyboard.
    expect(dom.content.length).toBeLessThan(5_000);
    for (let k = 0; k < 2; k++) {
      await page.getByRole("button", { name: /Show more/ }).focus();
      await page.keyboard.press("Enter");
    }
    const full = hostileTexts(100_000).find((t) => t.id === id)?.text ?? "";
    expect(Buffer.byteLength(full, "utf8")).toBeGreaterThanOrEqual(100_000);
    await expect.poll(async () => (await text.textContent()) ?? "").toBe(full);
    const box = await text.boundingBox();
    const item = await page.locator(".moderation-item").boundingBox();
    // Wrapped inside the item pane, not one line running off the page.
    expect(box && item && box.width <= item.width).toBe(true);
    await page.getByTestId("moderation").focus();
  }
}
