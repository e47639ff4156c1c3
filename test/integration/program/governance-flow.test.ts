// The Done-when journey of AMP governance, on the real SPL Token program in LiteSVM: two holders
// stake, one proposes lowering the fee to 4 %, both vote, the timelock passes, a stranger
// executes, the next paid result sends exactly 4 % to the fee vault, both holders claim their
// exact pro-rata share (to the lamport), and the worker's AMP balance grows after the review.
import { describe, expect, it } from "vitest";
import {
  ampForReview,
  decodeConfig,
  decodeEventsFromLogs,
  decodeMint,
  decodeProposal,
  findProposalPda,
  getClaimAmpInstruction,
  getClaimRewardsInstruction,
  getExecuteProposalInstruction,
  getProposeInstruction,
  getReviewInstruction,
  getVoteInstruction,
  PROGRAM_ERROR_CODES,
  ProposalKind,
} from "../../../shared/protocol/index";
import { LAMPORTS_PER_SIGNATURE } from "../../support/program-harness";
import {
  ampBalance,
  governanceOf,
  handOverToGovernance,
  holder,
  openAmpAccount,
  setupGovernedMarket,
  stake,
  stakeOf,
  TEST_PARAMETERS,
  warp,
} from "../../support/program-governance-fixture";
import { acceptTask, createCampaign, registerWorker, submitIx } from "../../support/program-market-fixture";

// Stakes of 3 × 2^36 and 2^36 base units: 2^38 in all, so the accumulator divides exactly and
// the pro-rata shares are whole lamports (governance-attacks.test.ts covers awkward amounts).
const A_STAKE = 3n << 36n;
const B_STAKE = 1n << 36n;

describe("AMP governance: the Done-when journey", () => {
  it("stake, propose 4 %, vote, timelock, execute; the next result pays 4 %; both claim pro rata; the worker earns AMP", async () => {
    const m = await setupGovernedMarket(500);
    const h = m.h;
    const programAddress = h.programId;
    const a = await holder(m, A_STAKE);
    const b = await holder(m, B_STAKE);
    await stake(m, a, A_STAKE);
    await stake(m, b, B_STAKE);
    expect(await ampBalance(m, a.address)).toBe(0n);
    expect(governanceOf(m).totalStaked).toBe(A_STAKE + B_STAKE);
    await handOverToGovernance(m);
    expect(decodeConfig(h.data(m.config)).authority).toBe(m.governanceAccount);
    warp(m, 10n); // a later slot: the stakes predate the proposal's snapshot

    await h.sendOk(
      [await getProposeInstruction({ proposer: a, id: 0n, kind: ProposalKind.SetFee, valueA: 400n, programAddress })],
      a,
    );
    const proposal = (await findProposalPda(0n, programAddress))[0];
    for (const voter of [a, b]) {
      await h.sendOk([await getVoteInstruction({ voter, proposalId: 0n, support: true, programAddress })], voter);
    }
    expect(decodeProposal(h.data(proposal))).toMatchObject({
      forVotes: A_STAKE + B_STAKE,
      againstVotes: 0n,
      executed: false,
    });

    const stranger = await h.fundedSigner();
    const execute = await getExecuteProposalInstruction({ proposalId: 0n, programAddress });
    warp(m, TEST_PARAMETERS.votingPeriod);
    await h.expectError([execute], stranger, PROGRAM_ERROR_CODES.Timelock);
    warp(m, TEST_PARAMETERS.timelock);
    await h.sendOk([execute], stranger);
    expect(decodeConfig(h.data(m.config)).feeBps).toBe(400);
    expect(decodeProposal(h.data(proposal)).executed).toBe(true);

    // The next paid result: exactly 4 % of the price lands in the fee vault.
    const price = 1_000_000n;
    const c = await createCampaign(m, { price, taskCount: 2, replication: 1 });
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    const vaultBefore = h.lamports(m.feeVault);
    await h.sendOk([await submitIx(c, 0, worker)], worker);
    const fee = 40_000n;
    expect(h.lamports(m.feeVault)).toBe(vaultBefore + fee);

    // 80 % of the fee belongs to stakers, split 3 : 1.
    const stakersPart = (fee * 8000n) / 10_000n;
    expect(governanceOf(m).distributed).toBe(stakersPart);
    const aBefore = h.lamports(a.address);
    const bBefore = h.lamports(b.address);
    await h.sendOk([await getClaimRewardsInstruction({ owner: a, programAddress })], a);
    await h.sendOk([await getClaimRewardsInstruction({ owner: b, programAddress })], b);
    expect(h.lamports(a.address)).toBe(aBefore + 24_000n - LAMPORTS_PER_SIGNATURE);
    expect(h.lamports(b.address)).toBe(bBefore + 8_000n - LAMPORTS_PER_SIGNATURE);
    expect(h.lamports(m.feeVault)).toBe(vaultBefore + fee - 32_000n);
    expect((await stakeOf(m, a.address)).claimed).toBe(24_000n);
    // A second claim finds nothing.
    await h.expectError(
      [await getClaimRewardsInstruction({ owner: a, programAddress })],
      a,
      PROGRAM_ERROR_CODES.NothingToClaim,
    );

    // The review mints AMP to the worker's token account: fee × rate × score / 100.
    await openAmpAccount(m, worker);
    const supplyBefore = decodeMint(h.data(m.mint)).supply;
    const logs = (
      await h.sendOk(
        [
          await getReviewInstruction({
            requester: c.requester,
            campaign: c.campaign,
            worker: worker.address,
            taskIndex: 0,
            score: 90,
          }),
        ],
        c.requester,
      )
    ).logs();
    const earned = ampForReview(price, 400, TEST_PARAMETERS.ampRate, 90);
    expect(earned).toBe(36_000n);
    expect(await ampBalance(m, worker.address)).toBe(earned);
    expect(decodeMint(h.data(m.mint)).supply).toBe(supplyBefore + earned);
    expect(decodeEventsFromLogs(logs, programAddress).find((e) => e.kind === "ampEarned")).toMatchObject({
      worker: worker.address,
      campaign: c.campaign,
      taskIndex: 0,
      amount: earned,
      minted: true,
      author: null,
    });
  });

  it("a worker without an AMP account keeps its AMP on the profile until claim_amp mints it", async () => {
    const m = await setupGovernedMarket(500);
    const h = m.h;
    const c = await createCampaign(m, { price: 2_000_000n, taskCount: 2, replication: 1 });
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    await h.sendOk([await submitIx(c, 0, worker)], worker);
    await h.sendOk(
      [
        await getReviewInstruction({
          requester: c.requester,
          campaign: c.campaign,
          worker: worker.address,
          taskIndex: 0,
          score: 100,
        }),
      ],
      c.requester,
    );
    const earned = ampForReview(2_000_000n, 500, TEST_PARAMETERS.ampRate, 100);
    expect(governanceOf(m).ampEarned).toBe(earned);
    expect(await ampBalance(m, worker.address)).toBe(0n);
    await openAmpAccount(m, worker);
    await h.sendOk([await getClaimAmpInstruction({ worker, programAddress: h.programId })], worker);
    expect(await ampBalance(m, worker.address)).toBe(earned);
    await h.expectError(
      [await getClaimAmpInstruction({ worker, programAddress: h.programId })],
      worker,
      PROGRAM_ERROR_CODES.NothingToClaim,
    );
  });
});
