// The live market in the browser shell while the load generator (bench/market) trades on the
// localnet: the feed and charts move as events land, pausing holds the feed still, the fee
// chart's tooltips add up to exactly what the program's fee vault received on chain, the price chart's
// tooltip shows the price the campaigns hold on chain, and the campaign form takes a suggestion.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { address } from "@solana/kit";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { decodeCampaign, findFeeVaultPda } from "../../../shared/protocol";
import { artifactPath, repoRoot } from "../support";
import { useJourneyApp } from "../journeys/support/journey";
import { goTo, onboardNewWorker } from "../journeys/support/worker-ui";

const PRICE = 2_000_000n;

interface LoadSummary {
  events: number;
  campaigns: { address: string; price: string; minRating: number }[];
}

function startLoad(rpcUrl: string, blobUrl: string): { done: Promise<LoadSummary>; output: () => string } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(repoRoot, "bench/market/load.ts"),
      "--rpc",
      rpcUrl,
      "--blobs",
      blobUrl,
      "--workers",
      "9",
      "--campaigns",
      "3",
      "--tasks",
      "8",
      "--events",
      "360",
      "--seconds",
      "90",
      "--concurrency",
      "4",
      "--prices",
      `${PRICE},${PRICE},${PRICE}`,
    ],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const done = new Promise<LoadSummary>((resolve, reject) => {
    child.once("exit", (code) => {
      const last = output.trim().split("\n").pop() ?? "";
      if (code === 0) resolve(JSON.parse(last) as LoadSummary);
      else reject(new Error(`the load generator exited with ${code}:\n${output}`));
    });
  });
  return { done, output: () => output };
}

const count = async (locator: Locator): Promise<number> =>
  Number(((await locator.textContent()) ?? "0").replace(/[^0-9]/g, ""));

/** Moves the pointer across a chart's plot and collects every tooltip it shows, by its first line (the x value). */
async function sweepTooltips(page: Page, testId: string): Promise<Map<string, string>> {
  const over = page.getByTestId(testId).locator(".u-over");
  // The pointer only reaches what is inside the viewport: bring the plot into view before measuring it.
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport || box.y < 0 || box.y + box.height > viewport.height)
    throw new Error(`${testId}'s plot is not inside the viewport (${JSON.stringify(box)})`);
  const tips = new Map<string, string>();
  const tooltip = page.getByTestId(`${testId}-tooltip`);
  for (let x = box.x + box.width - 1; x > box.x; x -= 2) {
    await page.mouse.move(x, box.y + box.height / 2);
    if (await tooltip.isVisible()) {
      const [head, ...lines] = ((await tooltip.textContent()) ?? "").split("\n");
      tips.set(head ?? "", lines.join("\n"));
    }
  }
  return tips;
}

const lamportsOf = (text: string): bigint => {
  const match = /([0-9]+)(?:\.([0-9]{1,9}))? SOL/.exec(text);
  if (!match) throw new Error(`no SOL amount in "${text}"`);
  return BigInt(match[1]!) * 1_000_000_000n + BigInt((match[2] ?? "").padEnd(9, "0"));
};

describe("the live market", () => {
  // An ordinary window: the live market has its own tab, so no campaign table pushes the charts down.
  const app = useJourneyApp("live-market", { width: 1400, height: 900 });

  it(
    "streams the load generator's events into the feed and charts, matching the chain, and suggests a price",
    { timeout: 240_000 },
    async () => {
      const { market, page, shell } = app;
      await page.goto(shell.url);
      await onboardNewWorker(page, "correct horse battery staple");
      await page.getByRole("tab", { name: "Prices and live feed" }).click();
      // fees land in the program's fee vault (governance pays the treasury from it)
      const [feeVault] = await findFeeVaultPda();
      const treasuryBefore = await market.chain.balance(feeVault);

      const total = page.getByTestId("feed-total");
      const start = await count(total);
      const load = startLoad(market.net.rpcUrl, market.net.blobUrl);

      // Live: the count climbs while the generator runs, without reloading anything.
      await expect.poll(() => count(total), { timeout: 60_000 }).toBeGreaterThan(start + 20);
      const seen = await count(total);
      await expect.poll(() => count(total), { timeout: 60_000 }).toBeGreaterThan(seen);

      // Paused, the list holds still while events keep arriving, and says how many are waiting.
      await page.getByTestId("feed-pause").click();
      // the list says when the rows on screen are the ones read for the paused view
      await expect.poll(() => total.getAttribute("data-shown"), { timeout: 10_000 }).toMatch(/^paused:[0-9]+$/);
      const held = await count(total);
      await expect
        .poll(async () => (await page.getByTestId("feed-pause").textContent()) ?? "", { timeout: 30_000 })
        .toMatch(/Resume \([0-9,]+ new\)/);
      expect(await count(total)).toBe(held);
      await page.getByTestId("feed-pause").click();
      await expect.poll(() => count(total), { timeout: 30_000 }).toBeGreaterThan(held);

      const summary = await load.done;
      // the generator stops at 360 events or 90 s, whichever comes first; it went on after the pause
      expect(summary.events).toBeGreaterThan(held);
      // Every event the generator sent, plus the worker's own registration is not a market event.
      await expect.poll(() => count(total), { timeout: 60_000 }).toBeGreaterThanOrEqual(summary.events);
      await page.screenshot({ path: artifactPath("market-1-live.png"), fullPage: true });

      // Filters: only results, each a paid result row.
      await page.getByTestId("feed-kind").selectOption("result_submitted");
      await expect
        .poll(
          async () =>
            new Set(
              await page.getByTestId("feed-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind"))),
            ),
          { timeout: 10_000 },
        )
        .toEqual(new Set(["result_submitted"]));
      await page.getByTestId("feed-kind").selectOption("");

      // Fee chart: its tooltips over the day add up to what the treasury received, to the lamport.
      await page.getByTestId("charts-window").selectOption(String(86_400));
      const treasuryGain = (await market.chain.balance(feeVault)) - treasuryBefore;
      expect(treasuryGain).toBeGreaterThan(0n);
      // The chart names the window and fee total it has drawn: wait for the day's data with every
      // fee the feed stored, then read the tooltips once.
      await expect
        .poll(() => page.getByTestId("chart-fees").getAttribute("data-drawn"), { timeout: 30_000 })
        .toBe(`86400:${treasuryGain}`);
      const feeTips = await sweepTooltips(page, "chart-fees");
      expect([...feeTips.values()].reduce((sum, line) => sum + lamportsOf(line), 0n)).toBe(treasuryGain);

      // Price chart: every campaign charges the same price on chain, so every band's tooltip shows it.
      const onChain = decodeCampaign(
        new Uint8Array(
          Buffer.from(
            (
              await market.chain.rpc
                .getAccountInfo(address(summary.campaigns[0]!.address), { encoding: "base64" })
                .send()
            ).value!.data[0],
            "base64",
          ),
        ),
      );
      expect(onChain.price).toBe(PRICE);
      await expect(page.getByTestId("chart-price").getAttribute("data-drawn")).resolves.toMatch(/^86400:[1-9]/);
      const priceTips = await sweepTooltips(page, "chart-price");
      const shown = [...priceTips.values()]
        .flatMap((lines) => lines.split("\n"))
        .filter((l) => l.startsWith("Workers"));
      expect(shown.length).toBeGreaterThan(0);
      for (const line of shown) expect(lamportsOf(line)).toBe(onChain.price);
      await page.getByTestId("chart-price").hover();
      await page.screenshot({ path: artifactPath("market-2-charts.png") });

      // The campaign form suggests what the generator's filled campaigns paid, and takes it.
      await goTo(page, "Requester");
      await page.getByRole("heading", { name: "New campaign" }).waitFor();
      const suggestion = page.getByTestId("price-suggestion");
      await expect
        .poll(
          async () =>
            (await suggestion
              .getByTestId("suggested-price")
              .textContent({ timeout: 1_000 })
              .catch(() => null)) ?? "",
          { timeout: 30_000 },
        )
        .toBe("0.002 SOL");
      await expect(suggestion.getByTestId("suggestion-sample").textContent()).resolves.toMatch(
        /^[1-9][0-9]* of [1-9][0-9]* similar campaigns filled in time/,
      );
      await expect(suggestion.getByTestId("suggestion-total").textContent()).resolves.toMatch(
        /workers .* fees .* rent .* network/,
      );
      await suggestion.getByTestId("use-suggestion").click();
      await expect(page.getByLabel("Price per task (SOL)").inputValue()).resolves.toBe("0.002");
      await suggestion.screenshot({ path: artifactPath("market-3-suggestion.png") });
    },
  );
});
