import { address, createKeyPairSignerFromPrivateKeyBytes, generateKeyPairSigner } from "@solana/kit";
import type { KeyPairSigner } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  ampAccountOf,
  ampForReview,
  ampMintAddress,
  claimable,
  creditFee,
  decodeConfig,
  decodeGovernance,
  decodeProposal,
  decodeStake,
  decodeTokenAccount,
  findConfigPda,
  findFeeVaultPda,
  findGovernancePda,
  findProposalPda,
  findStakePda,
  findVoteRecordPda,
  getAcceptTaskInstruction,
  getClaimRewardsInstruction,
  getCreateAssociatedTokenAccountInstruction,
  getGovernanceTakeAuthorityInstruction,
  getMintGenesisInstruction,
  getProposeInstruction,
  getRegisterWorkerInstruction,
  getReviewInstruction,
  getStakeInstruction,
  getSubmitResultInstruction,
  getUpdateConfigInstruction,
  getVoteInstruction,
  GOVERNANCE_ACCOUNT_SIZES,
  ProposalKind,
  stakersPartOf,
} from "../../../shared/protocol";
import { formatSol } from "../../../shared/sol";
import { artifactPath } from "../support";
import { expectAxeClean } from "../support/a11y";
import { useJourneyApp } from "./support/journey";
import type { Market } from "./support/market";
import { goTo, onboardNewWorker } from "./support/worker-ui";

const AMP = 1_000_000_000n;
const SIGNATURE_FEE = 5_000n;
const PRICE = 5_000_000n;

/**
 * Journey g2, the Done-when in the browser: the app's wallet and a second holder stake, the
 * second proposes lowering the fee to 4 %, both vote (the app through its Governance screen), the
 * timelock passes (the test market's genesis sets a 20-second vote and a 2-second timelock), the app
 * executes, the next paid result sends exactly 4 % to the fee vault, both holders claim their exact
 * pro-rata share (the app through its Claim button), and the worker's AMP balance grows after a review.
 * Then the app's Close button returns each rent to whoever paid it, exact to the lamport.
 */
describe("journey g2: governance from proposal to payout", () => {
  const app = useJourneyApp("g2", undefined, { governance: { votingPeriod: 20n, timelock: 2n } });

  it(
    "stake, propose 4 %, vote, execute; the next result pays exactly 4 %; both claim pro rata; AMP for the worker",
    { timeout: 240_000 },
    async () => {
      const { market, page, shell } = app;
      const chain = market.chain;
      const data = async (a: Parameters<typeof chain.accountData>[0]) => (await chain.accountData(a))!;
      await page.goto(shell.url);
      const me = address(await onboardNewWorker(page, "correct horse battery staple"));
      const faucet = await createKeyPairSignerFromPrivateKeyBytes(market.net.ledger.faucet.seed);
      const second = await generateKeyPairSigner();
      const funded = market.net.ledger.airdrop(second.address, 2_000_000_000n);
      if (funded.kind === "landed") await funded.durable;
      const mint = await ampMintAddress();
      // Genesis AMP (the faucet is still the config authority): 10 to the app's wallet, 200 to the second
      // (with the demo holders' 1,000 AMP, 1,210 staked: the 10 % quorum is 121).
      for (const [owner, amount] of [
        [me, 10n * AMP],
        [second.address, 200n * AMP],
      ] as const) {
        await chain.send(faucet, [
          await getCreateAssociatedTokenAccountInstruction({ payer: faucet, owner, mint }),
          await getMintGenesisInstruction({ authority: faucet, destination: await ampAccountOf(owner), amount }),
        ]);
      }
      // Hand the config to governance through the real instructions, so a passed proposal can execute.
      const [governance] = await findGovernancePda();
      const [configAddress] = await findConfigPda();
      const config = decodeConfig(await data(configAddress));
      await chain.send(faucet, [
        await getUpdateConfigInstruction({
          authority: faucet,
          proposedAuthority: governance,
          treasury: config.treasury,
        }),
        await getGovernanceTakeAuthorityInstruction({}),
      ]);
      expect(decodeConfig(await data(configAddress)).authority).toBe(governance);

      await goTo(page, "Governance");
      await expect.poll(() => page.getByTestId("governance-amp").textContent(), { timeout: 30_000 }).toBe("10 AMP");
      // The localnet's faucet deployed the program: it, not governance, may upgrade it.
      expect(await page.getByTestId("governance-upgrade-authority").textContent()).toBe(`held by ${faucet.address}`);
      await page.getByRole("button", { name: "Stake all" }).click();
      await expect.poll(() => page.getByTestId("governance-staked").textContent(), { timeout: 30_000 }).toBe("10 AMP");
      await chain.send(second, [await getStakeInstruction({ owner: second, amount: 200n * AMP })]);
      await nextSlot(market.net.ledger);
      const id = decodeGovernance(await data(governance)).proposalCount;
      await chain.send(second, [
        await getProposeInstruction({ proposer: second, id, kind: ProposalKind.SetFee, valueA: 400n }),
      ]);
      await chain.send(second, [await getVoteInstruction({ voter: second, proposalId: id, support: true })]);
      const proposal = page.getByTestId(`proposal-${id}`);
      await proposal.getByRole("button", { name: "Vote for" }).click({ timeout: 20_000 });
      await expect
        .poll(() => proposal.textContent(), { timeout: 20_000 })
        .toContain("For 210 · against 0 AMP (quorum 121)");
      await page.screenshot({ path: artifactPath("journey-g2-1-voted.png") });

      // The 20-second vote and the 2-second timelock pass; the screen offers Execute to anyone.
      await proposal.getByRole("button", { name: "Execute" }).click({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId("governance-fee").textContent(), { timeout: 30_000 }).toBe("4 %");
      expect(decodeConfig(await data(configAddress)).feeBps).toBe(400);

      // The next paid result: a worker takes a task of a new campaign and submits it.
      const g0 = decodeGovernance(await data(governance));
      const stakes = await Promise.all(
        [me, second.address].map(async (owner) => decodeStake(await data((await findStakePda(owner))[0]))),
      );
      const campaign = await market.post({ key: "g2", seeds: [1], priceLamports: PRICE });
      const worker = await libraryWorker(market);
      const [vault] = await findFeeVaultPda();
      const vaultBefore = await chain.balance(vault);
      await chain.send(worker, [await getAcceptTaskInstruction({ worker, campaign: campaign.campaign, taskIndex: 0 })]);
      await chain.send(worker, [
        await getSubmitResultInstruction({
          worker,
          campaign: campaign.campaign,
          taskIndex: 0,
          resultHash: new Uint8Array(32).fill(9),
          resultUri: "blob://journey-g2/result",
        }),
      ]);
      const fee = (PRICE * 400n) / 10_000n;
      expect(fee).toBe(200_000n);
      expect((await chain.balance(vault)) - vaultBefore).toBe(fee);

      // Both claim exactly their share of the stakers' 80 %, by the accumulator model (the localnet's
      // two demo holders' 1,000 AMP share it too).
      const credited = creditFee(
        {
          accumulator: g0.accumulator,
          remainder: g0.accumulatorRemainder,
          totalStaked: g0.totalStaked,
          distributed: g0.distributed,
        },
        stakersPartOf(fee, g0.stakerBps),
      );
      expect(decodeGovernance(await data(governance)).accumulator).toBe(credited.accumulator);
      const [mine, theirs] = stakes.map((s) => claimable(s!, credited));
      const secondBefore = await chain.balance(second.address);
      await chain.send(second, [await getClaimRewardsInstruction({ owner: second })]);
      expect((await chain.balance(second.address)) - secondBefore).toBe(theirs! - SIGNATURE_FEE);
      const myBefore = await chain.balance(me);
      await page.getByRole("button", { name: "Claim" }).click();
      await expect.poll(() => chain.balance(me), { timeout: 30_000 }).toBe(myBefore + mine! - SIGNATURE_FEE);

      // The review mints the worker's AMP: 4 % of the price × 1 AMP base unit per lamport × 100 %.
      const ampBefore = decodeTokenAccount(await data(await ampAccountOf(worker.address))).amount;
      await chain.send(market.requester.signer, [
        await getReviewInstruction({
          requester: market.requester.signer,
          campaign: campaign.campaign,
          worker: worker.address,
          taskIndex: 0,
          score: 100,
        }),
      ]);
      const ampAfter = decodeTokenAccount(await data(await ampAccountOf(worker.address))).amount;
      expect(ampAfter - ampBefore).toBe(ampForReview(PRICE, 400, 1n, 100));
      expect(ampAfter - ampBefore).toBe(200_000n);
      await page.screenshot({ path: artifactPath("journey-g2-2-claimed.png") });

      // Executed, so it closes: the screen says what returns to whom, and Close returns exactly that —
      // the app wallet's vote record rent to it (minus its fee), the proposal's rent to the second holder.
      const [proposalAddress] = await findProposalPda(id);
      const [myRecord] = await findVoteRecordPda(proposalAddress, me);
      const rent = async (size: number) => chain.rpc.getMinimumBalanceForRentExemption(BigInt(size)).send();
      const voteRent = await rent(GOVERNANCE_ACCOUNT_SIZES.voteRecord);
      const proposalRent = await rent(GOVERNANCE_ACCOUNT_SIZES.proposal);
      expect([await chain.balance(myRecord), await chain.balance(proposalAddress)]).toEqual([voteRent, proposalRent]);
      await expect
        .poll(() => proposal.textContent(), { timeout: 30_000 })
        .toContain(
          `Closing returns your vote record's rent, ${formatSol(voteRent)}, to you and the proposal's rent, ${formatSol(proposalRent)}, to its proposer; you pay only the transaction fee.`,
        );
      // Online, with the propose form and a Close button showing: axe at WCAG 2.1 AA (the keyboard e2e
      // sees this screen offline only).
      await expectAxeClean(page, "governance, online");
      const [meBefore, proposerBefore] = [await chain.balance(me), await chain.balance(second.address)];
      await proposal.getByRole("button", { name: "Close" }).click();
      await expect
        .poll(() => page.getByTestId("governance-notice").textContent(), { timeout: 30_000 })
        .toBe(`Closed #${id}: ${formatSol(voteRent)} to you and ${formatSol(proposalRent)} to the proposer.`);
      expect(await chain.balance(me)).toBe(meBefore + voteRent - SIGNATURE_FEE);
      expect(await chain.balance(second.address)).toBe(proposerBefore + proposalRent);
      expect([await chain.accountData(myRecord), await chain.accountData(proposalAddress)]).toEqual([
        undefined,
        undefined,
      ]);
      await expect.poll(() => proposal.count(), { timeout: 30_000 }).toBe(0);

      // The app proposes through its form: a wrong address is said under its field, a right one becomes
      // the next proposal, on chain as the upgrade-authority kind with the app's wallet as proposer.
      const form = page.getByRole("form", { name: "Propose" });
      await form.getByLabel("What").selectOption("upgrade-authority");
      const newAuthority = form.getByLabel("New authority (address)");
      await newAuthority.fill("not-a-key");
      await form.getByRole("button", { name: "Propose" }).click();
      await expect
        .poll(() => form.locator('[data-field-error="to"]').textContent(), { timeout: 30_000 })
        .toBe("“not-a-key” is not a Solana address: paste the base58 key (32 to 44 letters and digits).");
      await newAuthority.fill(second.address);
      const next = decodeGovernance(await data(governance)).proposalCount;
      await form.getByRole("button", { name: "Propose" }).click();
      await expect
        .poll(() => page.getByTestId("governance-notice").textContent(), { timeout: 30_000 })
        .toBe(`Proposed #${next}.`);
      await expect
        .poll(() => page.getByTestId(`proposal-${next}`).textContent(), { timeout: 30_000 })
        .toContain(`#${next} Hand the program's upgrade authority to ${second.address}`);
      expect(decodeProposal(await data((await findProposalPda(next))[0]))).toMatchObject({
        kind: ProposalKind.SetUpgradeAuthority,
        target: second.address,
        proposer: me,
      });
    },
  );
});

async function nextSlot(ledger: { currentSlot(): number; slotMs: number }): Promise<void> {
  const start = ledger.currentSlot();
  while (ledger.currentSlot() === start) await new Promise((resolve) => setTimeout(resolve, ledger.slotMs / 4));
}

/** A funded, registered worker with an AMP account, driven through the protocol builders. */
async function libraryWorker(market: Market): Promise<KeyPairSigner> {
  const worker = await generateKeyPairSigner();
  const funded = market.net.ledger.airdrop(worker.address, 1_000_000_000n);
  if (funded.kind === "landed") await funded.durable;
  await market.chain.send(worker, [
    await getRegisterWorkerInstruction({ worker, x25519PublicKey: new Uint8Array(32).fill(7) }),
    await getCreateAssociatedTokenAccountInstruction({
      payer: worker,
      owner: worker.address,
      mint: await ampMintAddress(),
    }),
  ]);
  return worker;
}
