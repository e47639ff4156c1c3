// Attacks on AMP and its governance, each tried against the real program and the real SPL Token
// program in LiteSVM: double votes, stake moved after a snapshot, flash stake around a payout,
// wash trading for AMP, early or failed execution, double claims, rounding, model squatting,
// minting around the program, and a fee above the cap smuggled through a proposal.
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SIZES,
  ampForReview,
  getAcceptAuthorityInstruction,
  claimable,
  creditFee,
  decodeConfig,
  decodeMint,
  decodeModelRecord,
  decodeProposal,
  findModelPda,
  findProposalPda,
  getClaimRewardsInstruction,
  getExecuteProposalInstruction,
  getMintGenesisInstruction,
  getProposeInstruction,
  getRegisterModelInstruction,
  getRequestUnstakeInstruction,
  getReviewInstruction,
  getStakeInstruction,
  getTokenMintToInstruction,
  getVoteInstruction,
  getWithdrawFeesInstruction,
  getWithdrawStakeInstruction,
  modelId,
  PROGRAM_ERROR_CODES,
  ProposalKind,
  stakersPartOf,
} from "../../../shared/protocol/index";
import { LAMPORTS_PER_SIGNATURE } from "../../support/program-harness";
import {
  ampBalance,
  governanceOf,
  handOverToGovernance,
  holder,
  openAmpAccount,
  propose,
  setupGovernedMarket,
  stake,
  stakeOf,
  TEST_PARAMETERS,
  vote,
  warp,
} from "../../support/program-governance-fixture";
import { acceptTask, createCampaign, registerWorker, submitIx } from "../../support/program-market-fixture";
import type { GovernedMarket } from "../../support/program-governance-fixture";
import type { CampaignFixture } from "../../support/program-market-fixture";
import type { AccumulatorState } from "../../../shared/protocol/index";
import type { KeyPairSigner } from "@solana/kit";

const AMP = 1_000_000_000n;
/** SPL Token's OwnerMismatch: the mint authority did not sign. */
const TOKEN_OWNER_MISMATCH = 4;

async function paidResult(m: GovernedMarket, c: CampaignFixture, index: number, worker: KeyPairSigner): Promise<void> {
  await acceptTask(m, c, index, worker);
  await m.h.sendOk([await submitIx(c, index, worker)], worker);
}

async function review(m: GovernedMarket, c: CampaignFixture, worker: KeyPairSigner, index: number, score = 100) {
  return getReviewInstruction({
    requester: c.requester,
    campaign: c.campaign,
    worker: worker.address,
    taskIndex: index,
    score,
  });
}

describe("governance attacks", () => {
  it("double vote, vote with stake added after the snapshot, and unstaking while a vote holds the stake are refused", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, 10n * AMP);
    const b = await holder(m, 10n * AMP);
    const late = await holder(m, 50n * AMP);
    await stake(m, a, 10n * AMP);
    await stake(m, b, 5n * AMP);
    warp(m, 10n);
    const id = await propose(m, a, { kind: ProposalKind.SetPaused, valueA: 1n });
    await vote(m, a, id, true);
    // The same stake again: the vote record [proposal, voter] exists.
    await h.expectError(
      [await getVoteInstruction({ voter: a, proposalId: id, support: true, programAddress })],
      a,
      PROGRAM_ERROR_CODES.AlreadyInitialized,
    );
    // b tops up after the snapshot: its stake changed at the proposal's slot, so it does not vote at all.
    await stake(m, b, 5n * AMP);
    await h.expectError(
      [await getVoteInstruction({ voter: b, proposalId: id, support: false, programAddress })],
      b,
      PROGRAM_ERROR_CODES.StakeAfterSnapshot,
    );
    // A whale that stakes once the proposal is up is too late, even a slot later.
    warp(m, 60n);
    await stake(m, late, 50n * AMP);
    await h.expectError(
      [await getVoteInstruction({ voter: late, proposalId: id, support: false, programAddress })],
      late,
      PROGRAM_ERROR_CODES.StakeAfterSnapshot,
    );
    // a cannot move its voting stake to another wallet (to vote again) while the vote runs.
    await h.expectError(
      [await getRequestUnstakeInstruction({ owner: a, amount: AMP, programAddress })],
      a,
      PROGRAM_ERROR_CODES.StakeLocked,
    );
    const p = decodeProposal(h.data((await findProposalPda(id, programAddress))[0]));
    expect(p).toMatchObject({ forVotes: 10n * AMP, againstVotes: 0n });
    // After the voting period the stake is free again.
    warp(m, TEST_PARAMETERS.votingPeriod);
    await h.sendOk([await getRequestUnstakeInstruction({ owner: a, amount: AMP, programAddress })], a);
    expect(await stakeOf(m, a.address)).toMatchObject({ amount: 9n * AMP, unbonding: AMP });
  });

  it("flash stake: a stake placed after a payout gets none of it, and stake cannot leave before the cool-down", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const honest = await holder(m, 1n << 36n);
    const flash = await holder(m, 1n << 36n);
    await stake(m, honest, 1n << 36n);
    const c = await createCampaign(m, { price: 1_000_000n, taskCount: 4, replication: 1 });
    const worker = await registerWorker(m);
    await paidResult(m, c, 0, worker);
    // Staking right after the fee landed earns nothing of it.
    await stake(m, flash, 1n << 36n);
    await h.expectError(
      [await getClaimRewardsInstruction({ owner: flash, programAddress })],
      flash,
      PROGRAM_ERROR_CODES.NothingToClaim,
    );
    // Staked through the next payout, then out at once: the AMP stays locked for the cool-down.
    await paidResult(m, c, 1, worker);
    const stakersPart = stakersPartOf(50_000n, TEST_PARAMETERS.stakerBps);
    expect((await stakeOf(m, flash.address)).amount).toBe(1n << 36n);
    await h.expectError(
      [
        await getRequestUnstakeInstruction({ owner: flash, amount: 1n << 36n, programAddress }),
        await getWithdrawStakeInstruction({ owner: flash, programAddress }),
      ],
      flash,
      PROGRAM_ERROR_CODES.StakeLocked,
    );
    await h.sendOk([await getRequestUnstakeInstruction({ owner: flash, amount: 1n << 36n, programAddress })], flash);
    warp(m, TEST_PARAMETERS.cooldown - 1n);
    await h.expectError(
      [await getWithdrawStakeInstruction({ owner: flash, programAddress })],
      flash,
      PROGRAM_ERROR_CODES.StakeLocked,
    );
    // Unbonding AMP earns nothing: the next fee goes to the honest stake alone.
    await paidResult(m, c, 2, worker);
    warp(m, 1n);
    await h.sendOk([await getWithdrawStakeInstruction({ owner: flash, programAddress })], flash);
    expect(await ampBalance(m, flash.address)).toBe(1n << 36n);
    const before = h.lamports(flash.address);
    await h.sendOk([await getClaimRewardsInstruction({ owner: flash, programAddress })], flash);
    expect(h.lamports(flash.address)).toBe(before + stakersPart / 2n - LAMPORTS_PER_SIGNATURE);
    const honestBefore = h.lamports(honest.address);
    await h.sendOk([await getClaimRewardsInstruction({ owner: honest, programAddress })], honest);
    expect(h.lamports(honest.address)).toBe(
      honestBefore + stakersPart + stakersPart / 2n + stakersPart - LAMPORTS_PER_SIGNATURE,
    );
  });

  it("wash trading: a requester paying its own worker earns back less than the fees it pays, even as the only staker", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const price = 1_000_000n;
    const fee = 50_000n;
    // One person, two wallets: the requester and the worker.
    const c = await createCampaign(m, { price, taskCount: 4, replication: 1 });
    const own = await registerWorker(m);
    await openAmpAccount(m, own);
    let feesPaid = 0n;
    let claimed = 0n;
    for (const round of [0, 1, 2]) {
      await paidResult(m, c, round, own);
      feesPaid += fee;
      await h.sendOk([await review(m, c, own, round)], c.requester);
      const earned = ampForReview(price, 500, TEST_PARAMETERS.ampRate, 100);
      expect(earned).toBe(fee); // AMP is bounded by the fee, never more
      // Everything earned goes straight into stake, the pair's best strategy.
      await h.sendOk([await getStakeInstruction({ owner: own, amount: earned, programAddress })], own);
      if (round > 0) {
        const before = h.lamports(own.address);
        await h.sendOk([await getClaimRewardsInstruction({ owner: own, programAddress })], own);
        claimed += h.lamports(own.address) - before + LAMPORTS_PER_SIGNATURE;
      }
    }
    // Sole staker: of the two fees paid while staked it gets back at most 80 % (floors may keep a
    // lamport per settlement in the vault); the first fee had no stake to go to at all.
    const part = stakersPartOf(fee, TEST_PARAMETERS.stakerBps);
    expect(claimed).toBeLessThanOrEqual(2n * part);
    expect(claimed).toBeGreaterThanOrEqual(2n * part - 2n);
    expect(feesPaid - claimed).toBeGreaterThanOrEqual(fee + 2n * (fee - part));
    // The 20 % kept back stays in the vault for the treasury, not for the washer.
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault) + feesPaid - claimed);
  });

  it("execute before the vote ends, before the timelock, of a failed proposal, twice, or before governance holds the config", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, 3n * AMP);
    const b = await holder(m, 1n * AMP);
    await stake(m, a, 3n * AMP);
    await stake(m, b, 1n * AMP);
    warp(m, 10n);
    const anyone = await h.fundedSigner();
    const failed = await propose(m, b, { kind: ProposalKind.SetFee, valueA: 100n });
    await vote(m, a, failed, false);
    await vote(m, b, failed, true);
    const executeFailed = await getExecuteProposalInstruction({ proposalId: failed, programAddress });
    await h.expectError([executeFailed], anyone, PROGRAM_ERROR_CODES.VotingOpen);
    warp(m, TEST_PARAMETERS.votingPeriod + TEST_PARAMETERS.timelock);
    await h.expectError([executeFailed], anyone, PROGRAM_ERROR_CODES.ProposalFailed);

    const paused = await propose(m, a, { kind: ProposalKind.SetPaused, valueA: 1n });
    await vote(m, a, paused, true);
    const executePause = await getExecuteProposalInstruction({ proposalId: paused, programAddress });
    warp(m, TEST_PARAMETERS.votingPeriod);
    await h.expectError([executePause], anyone, PROGRAM_ERROR_CODES.Timelock);
    warp(m, TEST_PARAMETERS.timelock);
    // Passed, but the deployer still holds the config: governance cannot change what it does not own.
    await h.expectError([executePause], anyone, PROGRAM_ERROR_CODES.NotGoverned);
    await handOverToGovernance(m);
    await h.sendOk([executePause], anyone);
    expect(decodeConfig(h.data(m.config)).paused).toBe(true);
    await h.expectError([executePause], anyone, PROGRAM_ERROR_CODES.AlreadyExecuted);
    expect(decodeConfig(h.data(m.config)).feeBps).toBe(500);
  });

  it("treasury spend: pays exactly its amount to its target, never out of what stakers have not claimed", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, 1n << 32n); // a power of two: the 40,000 lamports divide exactly
    await stake(m, a, 1n << 32n);
    const c = await createCampaign(m, { price: 1_000_000n, taskCount: 2, replication: 1 });
    await paidResult(m, c, 0, await registerWorker(m));
    // 50,000 lamports of fee: 40,000 owed to the staker, 10,000 the treasury's.
    await handOverToGovernance(m);
    warp(m, 10n);
    const recipient = await h.fundedSigner();
    const tooMuch = await propose(m, a, {
      kind: ProposalKind.TreasurySpend,
      valueA: 10_001n,
      target: recipient.address,
    });
    const exact = await propose(m, a, { kind: ProposalKind.TreasurySpend, valueA: 10_000n, target: recipient.address });
    await vote(m, a, tooMuch, true);
    await vote(m, a, exact, true);
    warp(m, TEST_PARAMETERS.votingPeriod + TEST_PARAMETERS.timelock);
    const anyone = await h.fundedSigner();
    await h.expectError(
      [await getExecuteProposalInstruction({ proposalId: tooMuch, target: recipient.address, programAddress })],
      anyone,
      PROGRAM_ERROR_CODES.InsufficientEscrow,
    );
    // The recipient must be the proposal's target.
    await h.expectError(
      [await getExecuteProposalInstruction({ proposalId: exact, target: anyone.address, programAddress })],
      anyone,
      PROGRAM_ERROR_CODES.WrongTreasury,
    );
    const before = h.lamports(recipient.address);
    await h.sendOk(
      [await getExecuteProposalInstruction({ proposalId: exact, target: recipient.address, programAddress })],
      anyone,
    );
    expect(h.lamports(recipient.address)).toBe(before + 10_000n);
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault) + 40_000n);
    // The staker's 40,000 are still there to claim.
    const staker = h.lamports(a.address);
    await h.sendOk([await getClaimRewardsInstruction({ owner: a, programAddress })], a);
    expect(h.lamports(a.address)).toBe(staker + 40_000n - LAMPORTS_PER_SIGNATURE);
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault));
  });

  it("a new config authority through a proposal: proposed by governance, it takes over only by signing", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, 2n * AMP);
    await stake(m, a, 2n * AMP);
    await handOverToGovernance(m);
    warp(m, 10n);
    const next = await h.fundedSigner();
    const id = await propose(m, a, { kind: ProposalKind.SetAuthority, target: next.address });
    await vote(m, a, id, true);
    warp(m, TEST_PARAMETERS.votingPeriod + TEST_PARAMETERS.timelock);
    await h.sendOk([await getExecuteProposalInstruction({ proposalId: id, programAddress })], next);
    expect(decodeConfig(h.data(m.config))).toMatchObject({
      authority: m.governanceAccount,
      pendingAuthority: next.address,
    });
    await h.sendOk([await getAcceptAuthorityInstruction({ authority: next, programAddress })], next);
    expect(decodeConfig(h.data(m.config))).toMatchObject({ authority: next.address, pendingAuthority: null });
  });

  it("a fee above the 10 % cap, bad reward rates and a proposer below the threshold are refused at proposal", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, 2n * AMP);
    const small = await holder(m, AMP / 2n);
    await stake(m, a, 2n * AMP);
    await stake(m, small, AMP / 2n);
    const proposeAs = async (proposer: KeyPairSigner, kind: ProposalKind, valueA: bigint, valueB = 0n) =>
      getProposeInstruction({ proposer, id: 0n, kind, valueA, valueB, programAddress });
    await h.expectError([await proposeAs(a, ProposalKind.SetFee, 1001n)], a, PROGRAM_ERROR_CODES.FeeTooHigh);
    await h.expectError(
      [await proposeAs(a, ProposalKind.SetRewards, 1n, 9001n)],
      a,
      PROGRAM_ERROR_CODES.InvalidParameter,
    );
    await h.expectError([await proposeAs(small, ProposalKind.SetFee, 300n)], small, PROGRAM_ERROR_CODES.BelowThreshold);
    await h.sendOk([await proposeAs(a, ProposalKind.SetFee, 1000n)], a);
    expect(governanceOf(m).proposalCount).toBe(1n);
  });

  it("rounding: awkward stakes and prices, stake changing between fees; claims match the model and never exceed the vault", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const stakes = [1_000_000_007n, 3_333_333_331n, 7n];
    // One at a time: the harness checks each transaction's lamports, and these share a fee payer.
    const holders = [];
    for (const s of stakes) holders.push(await holder(m, s * 2n));
    for (const [i, s] of stakes.entries()) await stake(m, holders[i]!, s);
    const worker = await registerWorker(m);
    const campaigns = [];
    for (const price of [1_234_567n, 999_983n, 20_000_003n])
      campaigns.push(await createCampaign(m, { price, taskCount: 3, replication: 1 }));
    let model: AccumulatorState = {
      accumulator: 0n,
      remainder: 0n,
      totalStaked: stakes[0]! + stakes[1]! + stakes[2]!,
      distributed: 0n,
    };
    let feesIn = 0n;
    for (const [round, c] of campaigns.entries()) {
      for (const index of [0, 1]) {
        await paidResult(m, c, index, worker);
        const fee = (c.price * 500n) / 10_000n;
        feesIn += fee;
        model = creditFee(model, stakersPartOf(fee, TEST_PARAMETERS.stakerBps));
        const onChain = governanceOf(m);
        expect([onChain.accumulator, onChain.accumulatorRemainder, onChain.distributed]).toEqual([
          model.accumulator,
          model.remainder,
          model.distributed,
        ]);
      }
      // The total staked changes between fees; the remainder carries over to the new total.
      if (round === 0) {
        await stake(m, holders[2]!, stakes[2]!);
        model = { ...model, totalStaked: model.totalStaked + stakes[2]! };
      }
    }
    let paid = 0n;
    for (const owner of holders) {
      const expected = claimable(await stakeOf(m, owner.address), governanceOf(m));
      const before = h.lamports(owner.address);
      if (expected > 0n) {
        await h.sendOk([await getClaimRewardsInstruction({ owner, programAddress })], owner);
        expect(h.lamports(owner.address)).toBe(before + expected - LAMPORTS_PER_SIGNATURE);
        paid += expected;
      }
      await h.expectError(
        [await getClaimRewardsInstruction({ owner, programAddress })],
        owner,
        PROGRAM_ERROR_CODES.NothingToClaim,
      );
    }
    const g = governanceOf(m);
    expect(g.claimed).toBe(paid);
    expect(paid).toBeLessThanOrEqual(g.distributed);
    expect(g.distributed - paid).toBeLessThan(BigInt(holders.length) * 3n); // floors leave at most a few lamports
    // The treasury can take everything but the vault's rent and the stakers' unclaimed dust.
    await h.sendOk(
      [await getWithdrawFeesInstruction({ authority: m.governance, treasury: m.treasury.address, programAddress })],
      m.governance,
    );
    expect(h.lamports(m.feeVault)).toBe(h.rent(ACCOUNT_SIZES.feeVault) + g.distributed - paid);
    expect(feesIn).toBeGreaterThan(paid);
  });

  it("model registry: a non-author cannot register the author's model; the author's share is minted at review", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const author = await h.fundedSigner();
    const squatter = await h.fundedSigner();
    const manifest = new Uint8Array(32).fill(0xab);
    const id = modelId(author.address, manifest);
    const record = (await findModelPda(id, programAddress))[0];
    await h.expectError(
      [await getRegisterModelInstruction({ author: squatter, manifestSha256: manifest, record, programAddress })],
      squatter,
      PROGRAM_ERROR_CODES.WrongPda,
    );
    await h.sendOk([await getRegisterModelInstruction({ author, manifestSha256: manifest, programAddress })], author);
    expect(decodeModelRecord(h.data(record))).toMatchObject({ author: author.address, acceptedResults: 0n });
    await h.expectError(
      [await getRegisterModelInstruction({ author, manifestSha256: manifest, programAddress })],
      author,
      PROGRAM_ERROR_CODES.AlreadyInitialized,
    );
    // The squatter's own registration of the same manifest is another record, naming the squatter.
    await h.sendOk(
      [await getRegisterModelInstruction({ author: squatter, manifestSha256: manifest, programAddress })],
      squatter,
    );
    expect(decodeModelRecord(h.data(record)).author).toBe(author.address);

    const c = await createCampaign(m, { price: 2_000_000n, taskCount: 3, replication: 1 });
    const worker = await registerWorker(m);
    await openAmpAccount(m, worker);
    await openAmpAccount(m, author);
    await openAmpAccount(m, squatter);
    await paidResult(m, c, 0, worker);
    await paidResult(m, c, 1, worker);
    const firstGuessReview = (index: number, claimedAuthor: KeyPairSigner) =>
      getReviewInstruction({
        requester: c.requester,
        campaign: c.campaign,
        worker: worker.address,
        taskIndex: index,
        score: 80,
        firstGuess: { modelId: id, author: claimedAuthor.address },
      });
    // Paying the author's share to someone else's account is refused.
    await h.expectError([await firstGuessReview(0, squatter)], c.requester, PROGRAM_ERROR_CODES.WrongTokenAccount);
    await h.sendOk([await firstGuessReview(0, author)], c.requester);
    const amount = ampForReview(2_000_000n, 500, TEST_PARAMETERS.ampRate, 80);
    const authorPart = (amount * BigInt(TEST_PARAMETERS.authorBps)) / 10_000n;
    expect(await ampBalance(m, author.address)).toBe(authorPart);
    expect(await ampBalance(m, worker.address)).toBe(amount - authorPart);
    expect(decodeModelRecord(h.data(record)).acceptedResults).toBe(1n);
  });

  it("minting outside the program: the SPL mint authority is the governance PDA; genesis is capped and ends at the handover", async () => {
    const m = await setupGovernedMarket(500, { genesisCap: 1000n * AMP });
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, 999n * AMP);
    const account = await openAmpAccount(m, await h.fundedSigner());
    const stranger = await h.fundedSigner();
    // Straight to SPL Token, signed by the config authority: not the mint authority.
    await h.expectError(
      [getTokenMintToInstruction({ mint: m.mint, destination: account, authority: m.governance, amount: AMP })],
      m.governance,
      TOKEN_OWNER_MISMATCH,
    );
    const genesis = (authority: KeyPairSigner, amount: bigint) =>
      getMintGenesisInstruction({ authority, destination: account, amount, programAddress });
    await h.expectError([await genesis(stranger, AMP)], stranger, PROGRAM_ERROR_CODES.Unauthorized);
    await h.expectError([await genesis(m.governance, AMP + 1n)], m.governance, PROGRAM_ERROR_CODES.GenesisClosed);
    await h.sendOk([await genesis(m.governance, AMP)], m.governance);
    await stake(m, a, 999n * AMP);
    await handOverToGovernance(m);
    await h.expectError([await genesis(m.governance, 1n)], m.governance, PROGRAM_ERROR_CODES.Unauthorized);
    expect(decodeMint(h.data(m.mint))).toMatchObject({ supply: 1000n * AMP, mintAuthority: m.governanceAccount });
  });
});
