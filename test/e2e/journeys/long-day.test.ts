import { address } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { artifactPath } from "../support";
import { escrowLamports, expectPaidExactlyOnce } from "./support/chain-checks";
import { useJourneyApp } from "./support/journey";
import type { MemorySample } from "./support/memory";
import { formatMemoryTable, sampleMemory } from "./support/memory";
import { goTo, onboardNewWorker } from "./support/worker-ui";

/** 500 as the journey asks; AMPLIFY_LONG_DAY_TASKS shortens it for a quick local run. */
const TASKS = Number(process.env.AMPLIFY_LONG_DAY_TASKS ?? 500);
const PRICE = 1_000_000n;
const ACCEPT_BATCH = 100;

/**
 * Journey d: a long day. 500 classification tasks labelled by keyboard only (a digit toggles
 * the class, Ctrl+Enter submits and opens the next), memory sampled along the way and printed;
 * at the end every result is paid exactly once.
 */
describe("journey d: a long day of 500 tasks by keyboard only", () => {
  const app = useJourneyApp("d", { width: 1280, height: 800 });

  it(`labels ${TASKS} tasks by keyboard and is paid for each exactly once`, { timeout: 1_500_000 }, async () => {
    const { market, page, shell } = app;
    const created = await market.post({
      key: "long-day",
      title: "Which shapes are there?",
      tool: "class",
      seeds: Array.from({ length: TASKS }, (_, i) => 10_000 + i),
      priceLamports: PRICE,
    });
    const escrowBefore = await escrowLamports(market, created.campaign);
    const phases: string[] = [];
    let mark = Date.now();
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)} s`);
      mark = Date.now();
    };
    await page.goto(shell.url);
    const worker = await onboardNewWorker(page, "a long day of labelling");

    const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
    for (let accepted = 0; accepted < TASKS; accepted += ACCEPT_BATCH) {
      await goTo(page, "Market");
      await row.getByRole("spinbutton").fill(String(Math.min(ACCEPT_BATCH, TASKS - accepted)));
      await row.getByRole("button", { name: "Accept" }).click();
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 120_000 });
    }
    await expect.poll(() => page.getByTestId("queue-row").count(), { timeout: 60_000 }).toBe(TASKS);
    phase("onboard + accept");

    await page.getByRole("button", { name: "Start labelling" }).click();
    const samples: MemorySample[] = [];
    let previous = "";
    for (let i = 0; i < TASKS; i++) {
      const view = page.locator(`[data-testid=labelling]:not([data-task="${previous}"])`);
      await view.waitFor({ timeout: 30_000 });
      previous = (await view.getAttribute("data-task")) ?? "";
      await page.getByTestId("canvas-surface").focus();
      await page.keyboard.press(String(1 + (i % 3)));
      if (i === 0) await page.screenshot({ path: artifactPath("journey-d-1-keyboard-classes.png") });
      await page.keyboard.press("Control+Enter");
      if (i % 50 === 0 || i === TASKS - 1) samples.push(await sampleMemory(page, shell.process.pid!, i));
    }
    await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
    phase("label by keyboard");
    console.log(`journey d memory over ${TASKS} tasks:\n${formatMemoryTable(samples)}`);

    await goTo(page, "Outbox");
    await expect
      .poll(() => page.getByTestId("outbox-summary").textContent(), { timeout: 600_000, interval: 2_000 })
      .toMatch(new RegExp(`^0 waiting · ${TASKS} paid · 0 failed`));
    phase("sync until all paid");
    console.log(`journey d phases: ${phases.join(" · ")}`);
    await page.screenshot({ path: artifactPath("journey-d-2-day-paid.png") });
    await expectPaidExactlyOnce(market, created.campaign, address(worker), TASKS, PRICE, escrowBefore);
  });
});
