// Issue 15 item 6 in the browser shell: the Market's net and deposits, and the Wallet's deposits,
// are the chain's figures to the lamport. The worker's balance after one accept falls by exactly
// the deposits the Market named plus one signature; the accounts holding them hold exactly that.
import { address } from "@solana/kit";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ACCOUNT_SIZES, computeFee, findAssignmentPda, findSharePda } from "../../../shared/protocol";
import { artifactPath } from "../support";
import { useJourneyApp } from "../journeys/support/journey";
import { waitFor } from "../journeys/support/market";
import { goTo, onboardNewWorker } from "../journeys/support/worker-ui";

const lamportsOf = async (locator: Locator): Promise<bigint> => {
  const value = await locator.getAttribute("data-lamports");
  if (value === null) throw new Error("no figure shown");
  return BigInt(value);
};

/** The SOL text shown must say the same amount as its data attribute (what a person reads). */
const shownSol = async (locator: Locator, lamports: bigint): Promise<void> => {
  const sol = `${lamports / 1_000_000_000n}.${(lamports % 1_000_000_000n).toString().padStart(9, "0")}`.replace(
    /\.?0+$/,
    "",
  );
  expect(await locator.textContent()).toContain(`${sol} SOL`);
};

describe("honest money: the Market and the Wallet show the chain's figures", () => {
  const app = useJourneyApp("honest-money", { width: 1500, height: 1400 });

  it(
    "net per task, deposits and their return are exact; the Wallet lists the deposits out",
    { timeout: 180_000 },
    async () => {
      const { market, page, shell } = app;
      const created = await market.post({
        key: "money",
        title: "Honest money",
        seeds: [601, 602],
        priceLamports: 7_654_321n,
      });
      await page.goto(shell.url);
      const worker = address(await onboardNewWorker(page, "correct horse battery staple"));

      const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
      await row.waitFor({ timeout: 30_000 });
      const campaign = (await market.chain.campaign(created.campaign))!;
      const config = await market.chain.config();
      const rent = async (size: number) =>
        BigInt(await market.chain.rpc.getMinimumBalanceForRentExemption(BigInt(size)).send());

      // What the Market says one task nets: price − the program's fee − one accept and one submit signature.
      const net = row.getByTestId("market-net");
      const expectedNet = campaign.price - computeFee(campaign.price, config.feeBps) - 2n * 5_000n;
      expect(await lamportsOf(net)).toBe(expectedNet);
      await shownSol(net.locator(".money-net"), expectedNet);
      const taskDeposit = await lamportsOf(row.getByTestId("market-task-deposit"));
      const campaignDeposit = await lamportsOf(row.getByTestId("market-campaign-deposit"));
      expect(taskDeposit).toBe(await rent(ACCOUNT_SIZES.assignment));
      expect(campaignDeposit).toBe(await rent(ACCOUNT_SIZES.share));
      await shownSol(row.getByTestId("market-task-deposit"), taskDeposit);
      expect(await row.getByTestId("market-deadline").textContent()).toMatch(/Submit within \d+ (h|min)/);
      await page.screenshot({ path: artifactPath("honest-money-market.png") });

      const before = await market.chain.balance(worker);
      await row.getByRole("button", { name: "Accept" }).click();
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
      const [assignment] = await findAssignmentPda(created.campaign, 0, worker);
      const [share] = await findSharePda(created.campaign, worker);
      await waitFor("the accept to land", async () => (await market.chain.balance(worker)) !== before);
      // The deposits the Market named are what left the wallet (plus one signature), and what the accounts hold.
      expect(await market.chain.balance(worker)).toBe(before - taskDeposit - campaignDeposit - 5_000n);
      const held = await market.chain.client.accounts([assignment, share]);
      expect(held.map((a) => a?.lamports)).toEqual([taskDeposit, campaignDeposit]);

      await goTo(page, "Wallet");
      const heldNow = page.getByTestId("deposits-held");
      await heldNow.waitFor({ timeout: 30_000 });
      expect(await lamportsOf(heldNow)).toBe(taskDeposit + campaignDeposit);
      await shownSol(heldNow, taskDeposit + campaignDeposit);
      expect(await lamportsOf(page.getByTestId("deposits-out"))).toBe(taskDeposit + campaignDeposit);
      expect(await lamportsOf(page.getByTestId("deposits-returned"))).toBe(0n);
      const rows = page.getByTestId("deposit-held-row");
      expect(await rows.count()).toBe(2);
      expect(await page.locator("[data-testid=deposit-held-row][data-kind=task]").textContent()).toContain(
        "Returned with the pay when you submit",
      );
      await page.screenshot({ path: artifactPath("honest-money-wallet.png") });
    },
  );
});
