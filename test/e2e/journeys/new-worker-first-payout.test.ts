import { rmSync } from "node:fs";
import { join } from "node:path";
import { address } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { ACCOUNT_SIZES, findAssignmentPda, rentExemptMinimum } from "../../../shared/protocol";
import { sha256Hex } from "../../../lib/blobs";
import { generateScene } from "../../../localnet/demo/sceneGenerator";
import { artifactPath } from "../support";
import { useJourneyApp } from "./support/journey";
import { waitFor } from "./support/market";
import { dragBox, goTo, onboardNewWorker } from "./support/worker-ui";

/**
 * Journey a: someone who has never used Amplify opens the app, makes a key, gets funded on the
 * localnet, registers, accepts a private task, labels it and is paid — asserted on chain.
 */
describe("journey a: a new worker from first launch to the first payout on a private task", () => {
  const app = useJourneyApp("a");

  it("onboards, accepts, labels and gets paid exactly the price minus the fee", { timeout: 180_000 }, async () => {
    const { market, page, shell } = app;
    const created = await market.post({
      key: "private-one",
      title: "Private shapes",
      isPrivate: true,
      seeds: [501],
      priceLamports: 10_000_000n,
      examples: [
        { seed: 900, caption: "Good: each box touches the shape's outermost points, nothing more." },
        { seed: 901, caption: "Lost on the gateway" },
      ],
    });
    // The second example's blob is gone from the gateway: the panel must say so and show the rest.
    const lost = sha256Hex(generateScene(901, { drawBoxes: true }).png);
    rmSync(join(market.home, "blobs", lost.slice(0, 2), lost));
    await market.startKeyService();

    await page.goto(shell.url);
    await page.screenshot({ path: artifactPath("journey-a-1-welcome.png") });
    const worker = address(await onboardNewWorker(page, "correct horse battery staple"));

    const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
    await row.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath("journey-a-2-market.png") });
    await row.getByRole("button", { name: "Accept" }).click();
    await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });

    // The requester's key service grants the wrapped key within a second or two of the accept.
    await page.locator("[data-testid=queue-row][data-state=key_granted]").waitFor({ timeout: 30_000 });
    const before = await market.chain.balance(worker);
    await page.getByRole("button", { name: "Start labelling" }).click();
    await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
    // The first task of a campaign opens with its instructions and what each label means.
    const instructions = page.getByTestId("instructions-panel");
    await instructions.waitFor({ timeout: 10_000 });
    expect(await instructions.textContent()).toContain("Box every shape.");
    expect(await instructions.textContent()).toContain("Four equal sides");
    // The requester's example image, fetched and checked by core, is drawn with its caption as alt text…
    const example = instructions.getByRole("img", { name: /^Good: each box touches/ });
    await example.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => example.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
      .toBe(320);
    // …and the lost one is a sentence in its place.
    await expect
      .poll(() => instructions.getByTestId("example-problem").textContent(), { timeout: 20_000 })
      .toBe("Example image 2 is missing: your blob gateway does not have it.");
    await page.keyboard.press("i");
    await instructions.waitFor({ state: "detached" });
    await page.keyboard.press("i");
    await instructions.waitFor();
    await dragBox(page, [0.3, 0.3], [0.6, 0.6]);
    await expect.poll(() => page.getByTestId("shape-list").getByRole("option").count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: artifactPath("journey-a-3-labelling.png") });
    // Saved as a draft, left, and opened again: the bar says the draft was restored (and from
    // when), not "Not saved yet", and the box is back.
    await page.keyboard.press("Control+s");
    await expect.poll(() => page.getByTestId("save-state").textContent(), { timeout: 10_000 }).toMatch(/^Saved at /);
    await goTo(page, "My queue");
    await page.getByRole("button", { name: "Start labelling" }).click();
    await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/^Draft restored from \d{1,2}:\d{2}/);
    expect(await page.getByTestId("shape-list").getByRole("option").count()).toBe(1);
    await page.keyboard.press("Control+Enter");
    // Submitting moves on to the next task; with none left, back to the (now empty) queue,
    // and says so where the worker lands.
    await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("flash").textContent()).toMatch(/^Submitted 1 box: it is in the Outbox/);

    await goTo(page, "Outbox");
    await page.locator("[data-testid=outbox-row][data-state=confirmed]").waitFor({ timeout: 120_000 });
    await page.screenshot({ path: artifactPath("journey-a-4-paid.png") });

    // On chain: the submission closed the assignment, and the worker was paid price − 5 % fee −
    // the tx fee, with the assignment's deposit back in the same transaction.
    const [assignmentAddress] = await findAssignmentPda(created.campaign, 0, worker);
    await waitFor("the payout", async () => (await market.chain.balance(worker)) > before);
    expect((await market.chain.rpc.getAccountInfo(assignmentAddress, { encoding: "base64" }).send()).value).toBeNull();
    const gained = (await market.chain.balance(worker)) - before;
    expect(gained).toBe(10_000_000n - 500_000n - 5_000n + rentExemptMinimum(ACCOUNT_SIZES.assignment));

    await goTo(page, "Wallet");
    await expect.poll(() => page.getByTestId("wallet-earned").textContent(), { timeout: 20_000 }).toBe("0.0095 SOL");
    await page.screenshot({ path: artifactPath("journey-a-5-wallet.png") });
  });
});
