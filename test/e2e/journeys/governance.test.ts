import { address, createKeyPairSignerFromPrivateKeyBytes } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  ampAccountOf,
  ampMintAddress,
  decodeStake,
  findStakePda,
  getCreateAssociatedTokenAccountInstruction,
  getMintGenesisInstruction,
} from "../../../shared/protocol";
import { artifactPath } from "../support";
import { useJourneyApp } from "./support/journey";
import { goTo, onboardNewWorker } from "./support/worker-ui";

/**
 * Journey g: a worker opens the Governance screen on the localnet, whose genesis created AMP and a
 * demo proposal (fee 4 %, voted for by two demo holders): it sees the tallies and the time left,
 * stakes the AMP it was given, and its vote on the proposal is refused with the program's reason
 * (stake placed after the proposal's snapshot does not vote), the tallies unchanged.
 */
describe("journey g: the Governance screen", () => {
  const app = useJourneyApp("g");

  it(
    "shows the demo proposal, stakes AMP, and refuses a vote from stake placed after the snapshot",
    { timeout: 180_000 },
    async () => {
      const { market, page, shell } = app;
      await page.goto(shell.url);
      const worker = address(await onboardNewWorker(page, "correct horse battery staple"));

      // The localnet's config authority (the faucet) grants 10 AMP from the genesis allocation.
      const faucet = await createKeyPairSignerFromPrivateKeyBytes(market.net.ledger.faucet.seed);
      await market.chain.send(faucet, [
        await getCreateAssociatedTokenAccountInstruction({
          payer: faucet,
          owner: worker,
          mint: await ampMintAddress(),
        }),
        await getMintGenesisInstruction({
          authority: faucet,
          destination: await ampAccountOf(worker),
          amount: 10_000_000_000n,
        }),
      ]);

      await goTo(page, "Governance");
      await page.getByRole("heading", { name: "Governance" }).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId("governance-amp").textContent(), { timeout: 20_000 }).toBe("10 AMP");
      expect(await page.getByTestId("governance-fee").textContent()).toBe("5 %");
      const proposal = page.getByTestId("proposal-0");
      await expect.poll(() => proposal.textContent()).toContain("Set the protocol fee to 4 %");
      expect(await proposal.textContent()).toMatch(/For 1000 · against 0 AMP \(quorum 100\) · voting · \d+ (h|min)/);
      await page.screenshot({ path: artifactPath("journey-g-1-governance.png") });

      await page.getByRole("button", { name: "Stake all" }).click();
      await expect.poll(() => page.getByTestId("governance-staked").textContent(), { timeout: 30_000 }).toBe("10 AMP");
      const stake = decodeStake((await market.chain.accountData((await findStakePda(worker))[0]))!);
      expect(stake.amount).toBe(10_000_000_000n);

      await proposal.getByRole("button", { name: "Vote for" }).click();
      await expect
        .poll(() => page.getByRole("alert").textContent(), { timeout: 30_000 })
        .toMatch(/changed at or after the proposal's snapshot/);
      expect(await proposal.textContent()).toContain("For 1000 · against 0 AMP");
      await page.screenshot({ path: artifactPath("journey-g-2-vote-refused.png") });
    },
  );
});
