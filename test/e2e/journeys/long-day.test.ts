import { address, lamports } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { ACCOUNT_SIZES, computeWorkerPay, findSharePda, rentExemptMinimum } from "../../../shared/protocol";
import { closeCampaign } from "../../../lib/requester";
import { feesPaidBy, isClosed } from "../../integration/economics/chain-money";
import { artifactPath } from "../support";
import { escrowLamports, expectPaidExactlyOnce } from "./support/chain-checks";
import { useJourneyApp } from "./support/journey";
import { waitFor } from "./support/market";
import type { MemorySample } from "./support/memory";
import { formatMemoryTable, sampleMemory } from "./support/memory";
import { goTo, onboardNewWorker } from "./support/worker-ui";

const SOL = 1_000_000_000n;
/** 500 by default (lean for CI); AMPLIFY_LONG_DAY_TASKS=2000 runs the figure. */
const TASKS = Number(process.env.AMPLIFY_LONG_DAY_TASKS ?? 500);
/** What the app's faucet gives a new worker (SetupScreen's AIRDROP_SOL): the usual starting balance. */
const USUAL_START = 2n * SOL;
/**
 * 2,000 tasks run on exactly the usual 2 SOL; other counts on a balance scaled by the same ratio
 * (500 on 0.5 SOL), so the deposits force the same kind of waves at any size.
 */
const WORKER_START = (USUAL_START * BigInt(TASKS)) / 2_000n;
const PRICE = 1_000_000n;
/** The Market's most per click. */
const ACCEPT_CLICK = 100;

/**
 * Journey d: a long day as a worker lives it. Every open task holds a refundable deposit, so the
 * balance cannot hold the whole campaign at once: the worker accepts until the Market says the
 * balance for deposits is used up, labels that wave by keyboard only (a digit toggles the class,
 * Ctrl+Enter submits and opens the next), waits for the outbox to be paid (each submit returns
 * its deposit with the pay), and accepts the next wave. Memory is sampled along the way. At the
 * end the requester closes the campaign, every task is paid exactly once and the worker's wallet
 * is start + N × (price − fee) − its transaction fees − its profile's rent, to the lamport.
 */
describe(`journey d: a long day of ${TASKS} tasks by keyboard only, in the waves the deposits allow`, () => {
  const app = useJourneyApp("d", { width: 1280, height: 800 });

  it(
    `labels ${TASKS} tasks on ${Number(WORKER_START) / 1e9} SOL in waves and is paid for each exactly once`,
    { timeout: 1_500_000 + TASKS * 1_000 },
    async () => {
      const { market, page, shell } = app;
      const created = await market.post({
        key: "long-day",
        title: "Which shapes are there?",
        tool: "class",
        seeds: Array.from({ length: TASKS }, (_, i) => 10_000 + i),
        priceLamports: PRICE,
      });
      const escrowBefore = await escrowLamports(market, created.campaign);
      const phases = new Map<string, number>();
      let mark = Date.now();
      const phase = (name: string) => {
        phases.set(name, (phases.get(name) ?? 0) + Date.now() - mark);
        mark = Date.now();
      };
      await page.goto(shell.url);
      // The usual start comes from the app's own faucet; a scaled one is sent before registering.
      const worker = address(
        await onboardNewWorker(
          page,
          "a long day of labelling",
          WORKER_START === USUAL_START
            ? undefined
            : {
                fund: async (to) => {
                  await market.chain.rpc.requestAirdrop(address(to), lamports(WORKER_START)).send();
                  await waitFor(
                    "the worker's funds",
                    async () => (await market.chain.balance(address(to))) === WORKER_START,
                  );
                },
                balanceShown: `${Number(WORKER_START) / 1e9} SOL`,
              },
        ),
      );
      expect(await market.chain.balance(worker)).toBeLessThan(WORKER_START); // registered: its profile's rent is out
      phase("onboard");

      const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
      const queueHeading = page.getByRole("heading", { name: "My queue" });
      const acceptResult = page.getByTestId("accept-result");
      const waves: number[] = [];
      const shortfalls: string[] = [];
      const samples: MemorySample[] = [];
      let accepted = 0;
      let paid = 0;
      while (paid < TASKS) {
        // Accept by clicks of 100 until every task is taken or a click comes back short.
        let taken = 0;
        while (accepted < TASKS) {
          await goTo(page, "Market");
          const want = Math.min(ACCEPT_CLICK, TASKS - accepted);
          await row.getByRole("spinbutton").fill(String(want));
          await row.getByRole("button", { name: "Accept" }).click();
          await queueHeading.or(acceptResult).waitFor({ timeout: 120_000 });
          if (await queueHeading.isVisible()) {
            accepted += want;
            taken += want;
            continue;
          }
          // Fewer than asked: the Market stays, says why, and offers to label what was taken.
          const took = Number(await acceptResult.getAttribute("data-accepted"));
          shortfalls.push((await acceptResult.textContent()) ?? "");
          accepted += took;
          taken += took;
          if (shortfalls.length === 1) await page.screenshot({ path: artifactPath("journey-d-0-deposits-short.png") });
          break;
        }
        expect(taken, `wave ${waves.length + 1} took nothing: ${shortfalls.at(-1)}`).toBeGreaterThan(0);
        waves.push(taken);
        await goTo(page, "My queue");
        await expect.poll(() => page.getByTestId("queue-row").count(), { timeout: 60_000 }).toBe(taken);
        phase("accept");

        await page.getByRole("button", { name: "Start labelling" }).click();
        let previous = "";
        for (let i = 0; i < taken; i++) {
          const view = page.locator(`[data-testid=labelling]:not([data-task="${previous}"])`);
          await view.waitFor({ timeout: 30_000 });
          previous = (await view.getAttribute("data-task")) ?? "";
          await page.getByTestId("canvas-surface").focus();
          await page.keyboard.press(String(1 + ((paid + i) % 3)));
          if (paid + i === 0) await page.screenshot({ path: artifactPath("journey-d-1-keyboard-classes.png") });
          await page.keyboard.press("Control+Enter");
          const done = paid + i;
          if (done % 50 === 0 || done === TASKS - 1) samples.push(await sampleMemory(page, shell.process.pid!, done));
        }
        await queueHeading.waitFor({ timeout: 30_000 });
        phase("label by keyboard");

        // The submits land: each pays the task and hands its deposit back, so the next wave fits.
        paid += taken;
        await goTo(page, "Outbox");
        await expect
          .poll(() => page.getByTestId("outbox-summary").textContent(), { timeout: 600_000, interval: 1_000 })
          .toMatch(new RegExp(`^0 waiting · ${paid} paid · 0 failed`));
        phase("sync until paid");
      }
      const seconds = [...phases].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
      console.log(
        `journey d: ${TASKS} tasks on ${Number(WORKER_START) / 1e9} SOL in ${waves.length} waves ` +
          `(${waves.join(", ")}); ${seconds.join(" · ")}\nmemory:\n${formatMemoryTable(samples)}`,
      );
      await page.screenshot({ path: artifactPath("journey-d-2-day-paid.png") });

      // 0.5 SOL (or 2) cannot hold every deposit at once: the day had waves, and each short click
      // named the balance for deposits as the cause (not a malformed instruction or rent).
      expect(waves.length).toBeGreaterThan(1);
      expect(waves.reduce((a, b) => a + b, 0)).toBe(TASKS);
      expect(shortfalls.length).toBeGreaterThan(0);
      for (const sentence of shortfalls) {
        expect(sentence).toMatch(
          /^Accepted (\d+ of|none of) \d+ tasks?[.:] .*insufficient funds for deposits\. Each open task holds a deposit of 0\.00233856 SOL/,
        );
        expect(sentence).not.toMatch(/malformed|InsufficientFundsForRent/);
      }

      await expectPaidExactlyOnce(market, created.campaign, worker, TASKS, PRICE, escrowBefore);
      // The requester closes the campaign; the worker's campaign deposit (its share) comes back too.
      const closed = await closeCampaign({ chain: market.chain, keys: market.requester, campaign: created.campaign });
      expect(closed.shares.depositsReturned).toBe(rentExemptMinimum(ACCOUNT_SIZES.share));
      expect(await isClosed(market.chain, (await findSharePda(created.campaign, worker))[0])).toBe(true);
      const { feeBps } = await market.chain.config();
      const fees = await feesPaidBy(market.chain, worker);
      expect(await market.chain.balance(worker)).toBe(
        WORKER_START -
          rentExemptMinimum(ACCOUNT_SIZES.workerProfile) +
          BigInt(TASKS) * computeWorkerPay(PRICE, feeBps) -
          fees,
      );
    },
  );
});
