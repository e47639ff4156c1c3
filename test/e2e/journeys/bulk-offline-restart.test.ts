import { address } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { artifactPath } from "../support";
import { escrowLamports, expectPaidExactlyOnce } from "./support/chain-checks";
import { useJourneyApp } from "./support/journey";
import { dragBox, goTo, onboardNewWorker } from "./support/worker-ui";

const TASKS = 20;
const PRICE = 3_000_000n;
const PASSPHRASE = "offline labelling works";

/**
 * Journey b: bulk-accept 20 tasks, lose the network, label all of them anyway, restart the
 * app, get the network back: every result is paid exactly once, asserted on chain.
 */
describe("journey b: bulk accept, label offline, restart, all paid exactly once", () => {
  const app = useJourneyApp("b");

  it("pays all 20 results once after an offline session and a restart", { timeout: 420_000 }, async () => {
    const { market, page } = app;
    const created = await market.post({
      key: "bulk",
      title: "Bulk boxes",
      seeds: Array.from({ length: TASKS }, (_, i) => 601 + i),
      priceLamports: PRICE,
    });
    const escrowBefore = await escrowLamports(market, created.campaign);

    await page.goto(app.shell.url);
    const worker = await onboardNewWorker(page, PASSPHRASE);

    // Prepare every task ahead so the whole batch can be labelled without a network.
    await goTo(page, "Settings");
    await page.getByLabel("Tasks prepared ahead").fill(String(TASKS));
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();

    await goTo(page, "Market");
    const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
    await row.getByRole("spinbutton").fill(String(TASKS));
    await row.getByRole("button", { name: "Accept" }).click();
    await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId("queue-row").count(), { timeout: 30_000 }).toBe(TASKS);
    // The queue prepares its head ahead by itself: a bar and a state per task.
    await page
      .locator(`[data-testid=prefetch-bar][data-done="${TASKS}"][data-total="${TASKS}"]`)
      .waitFor({ timeout: 60_000 });
    expect(await page.locator("[data-testid=prefetch-state][data-prefetch=ready]").count()).toBe(TASKS);
    await page.screenshot({ path: artifactPath("journey-b-0-queue-prepared.png") });

    await page.getByRole("button", { name: "Start labelling" }).click();
    await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
    await goTo(page, "My queue");
    await expect
      .poll(() => page.getByTestId("queue-summary").textContent(), { timeout: 60_000 })
      .toContain(`${TASKS - 1} prepared ahead`);

    await market.stopNetwork();
    await page.getByTestId("offline-banner").waitFor({ timeout: 30_000 });

    await goTo(page, "Labelling");
    let previous = "";
    for (let i = 0; i < TASKS; i++) {
      const view = page.locator(`[data-testid=labelling]:not([data-task="${previous}"])`);
      await view.waitFor({ timeout: 30_000 });
      previous = (await view.getAttribute("data-task")) ?? "";
      await page.getByTestId("canvas-surface").waitFor();
      await dragBox(page, [0.2 + (i % 5) * 0.02, 0.2], [0.5, 0.55]);
      if (i === 0) await page.screenshot({ path: artifactPath("journey-b-1-offline-labelling.png") });
      await page.keyboard.press("Control+Enter");
    }
    await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
    await goTo(page, "Outbox");
    await expect
      .poll(() => page.getByTestId("outbox-summary").textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^${TASKS} waiting`));
    await page.screenshot({ path: artifactPath("journey-b-2-queued-offline.png") });

    // Quit the app while offline and start it again, still offline: unlocking goes straight
    // back to the queue (the profile as last read says registered), not to the first-run setup.
    const shell = await app.restartApp();
    await page.goto(shell.url);
    await page.getByRole("heading", { name: "Unlock your key" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("heading", { name: "Get ready to work" }).count()).toBe(0);
    // Then the network comes back.
    await market.restartNetwork();
    await goTo(page, "Outbox");
    await expect
      .poll(() => page.locator("[data-testid=outbox-row][data-state=confirmed]").count(), {
        timeout: 180_000,
        interval: 1_000,
      })
      .toBe(TASKS);
    await page.screenshot({ path: artifactPath("journey-b-3-all-paid.png") });

    await expectPaidExactlyOnce(market, created.campaign, address(worker), TASKS, PRICE, escrowBefore);
  });
});
