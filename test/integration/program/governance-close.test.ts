// Closing proposals and vote records (program/src/proposal_close.c) on the real program in LiteSVM:
// rent goes back, to the lamport, to whoever paid it, the addresses go back to the System Program,
// anyone may send the close, and the attacks fail: closing a live proposal, closing a vote record
// its proposal can still count, closing twice, and sending the rent to someone else.
import { address } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  decodeProposal,
  findProposalPda,
  findVoteRecordPda,
  getCloseProposalInstruction,
  getCloseVoteInstruction,
  getExecuteProposalInstruction,
  GOVERNANCE_ACCOUNT_SIZES,
  PROGRAM_ERROR_CODES,
  proposalClosable,
  ProposalKind,
} from "../../../shared/protocol/index";
import { LAMPORTS_PER_SIGNATURE } from "../../support/program-harness";
import {
  handOverToGovernance,
  holder,
  propose,
  setupGovernedMarket,
  stake,
  TEST_PARAMETERS,
  vote,
  warp,
} from "../../support/program-governance-fixture";
import type { GovernedMarket } from "../../support/program-governance-fixture";
import type { KeyPairSigner } from "@solana/kit";

const AMP = 1_000_000_000n;

async function twoVoters(m: GovernedMarket): Promise<[KeyPairSigner, KeyPairSigner]> {
  const a = await holder(m, 3n * AMP);
  const b = await holder(m, AMP);
  await stake(m, a, 3n * AMP);
  await stake(m, b, AMP);
  warp(m, 10n); // a later slot: the stakes predate the snapshot
  return [a, b];
}

function gone(m: GovernedMarket, account: string): boolean {
  return !m.h.exists(address(account));
}

describe("closing proposals and vote records", () => {
  it("returns each rent to its payer, exact to the lamport, and refuses early closes, redirects and second closes", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const [a, b] = await twoVoters(m);
    await handOverToGovernance(m);
    const stranger = await h.fundedSigner();
    const id = await propose(m, a, { kind: ProposalKind.SetFee, valueA: 400n });
    await vote(m, a, id, true);
    await vote(m, b, id, true);
    const [proposal] = await findProposalPda(id, programAddress);
    const [recordA] = await findVoteRecordPda(proposal, a.address, programAddress);
    const [recordB] = await findVoteRecordPda(proposal, b.address, programAddress);
    const proposalRent = h.rent(GOVERNANCE_ACCOUNT_SIZES.proposal);
    const voteRent = h.rent(GOVERNANCE_ACCOUNT_SIZES.voteRecord);
    expect([h.lamports(proposal), h.lamports(recordA), h.lamports(recordB)]).toEqual([
      proposalRent,
      voteRent,
      voteRent,
    ]);
    const closeProposal = () => getCloseProposalInstruction({ proposalId: id, proposer: a.address, programAddress });
    const closeVote = (voter: KeyPairSigner) =>
      getCloseVoteInstruction({ proposalId: id, voter: voter.address, programAddress });

    // While the vote runs neither closes: the record is what stops b from voting twice.
    await h.expectError([await closeVote(b)], stranger, PROGRAM_ERROR_CODES.VotingOpen);
    await h.expectError([await closeProposal()], stranger, PROGRAM_ERROR_CODES.VotingOpen);

    warp(m, TEST_PARAMETERS.votingPeriod);
    // The vote is over: anyone closes b's record, and the rent goes to b, never to the sender.
    await h.expectError(
      [await getCloseVoteInstruction({ proposalId: id, voter: stranger.address, record: recordB, programAddress })],
      stranger,
      PROGRAM_ERROR_CODES.Unauthorized,
    );
    const bBefore = h.lamports(b.address);
    const strangerBefore = h.lamports(stranger.address);
    await h.sendOk([await closeVote(b)], stranger);
    expect(h.lamports(b.address) - bBefore).toBe(voteRent);
    expect(strangerBefore - h.lamports(stranger.address)).toBe(LAMPORTS_PER_SIGNATURE);
    expect(gone(m, recordB)).toBe(true);
    // b cannot vote again on it (the period is over) nor close twice.
    await h.expectError([await closeVote(b)], stranger, PROGRAM_ERROR_CODES.WrongOwner);

    // Passed, in its timelock, then executable: the proposal still has a job, so it stays.
    await h.expectError([await closeProposal()], stranger, PROGRAM_ERROR_CODES.Timelock);
    warp(m, TEST_PARAMETERS.timelock);
    await h.expectError([await closeProposal()], stranger, PROGRAM_ERROR_CODES.WrongState);
    await h.expectError(
      [await getCloseProposalInstruction({ proposalId: id, proposer: stranger.address, programAddress })],
      stranger,
      PROGRAM_ERROR_CODES.Unauthorized,
    );
    await h.sendOk([await getExecuteProposalInstruction({ proposalId: id, programAddress })], stranger);
    expect(proposalClosable(decodeProposal(h.data(proposal)), h.now())).toBe(true);

    // Executed: anyone closes it; the proposer gets its rent back, the address is empty again.
    const aBefore = h.lamports(a.address);
    await h.sendOk([await closeProposal()], stranger);
    expect(h.lamports(a.address) - aBefore).toBe(proposalRent);
    expect(gone(m, proposal)).toBe(true);
    await h.expectError([await closeProposal()], stranger, PROGRAM_ERROR_CODES.WrongOwner);
    // The proposal is gone, and its last vote record still closes, to its voter.
    await h.sendOk([await closeVote(a)], stranger);
    expect(h.lamports(a.address) - aBefore).toBe(proposalRent + voteRent);
    expect(gone(m, recordA)).toBe(true);
  });

  it("a failed proposal closes after its timelock; a passed one not executed in time expires, cannot execute, and closes", async () => {
    const m = await setupGovernedMarket();
    const h = m.h;
    const programAddress = h.programId;
    const [a, b] = await twoVoters(m);
    await handOverToGovernance(m);
    const anyone = await h.fundedSigner();
    const failed = await propose(m, b, { kind: ProposalKind.SetFee, valueA: 100n });
    await vote(m, a, failed, false);
    const passed = await propose(m, a, { kind: ProposalKind.SetFee, valueA: 300n });
    await vote(m, a, passed, true);
    const closeFailed = await getCloseProposalInstruction({
      proposalId: failed,
      proposer: b.address,
      programAddress,
    });
    warp(m, TEST_PARAMETERS.votingPeriod);
    // Failed, but the timelock window is not over: it stays readable until then.
    await h.expectError([closeFailed], anyone, PROGRAM_ERROR_CODES.Timelock);
    warp(m, TEST_PARAMETERS.timelock);
    const bBefore = h.lamports(b.address);
    await h.sendOk([closeFailed], anyone);
    expect(h.lamports(b.address) - bBefore).toBe(h.rent(GOVERNANCE_ACCOUNT_SIZES.proposal));

    // The passed one waits a voting period for its executor, then expires.
    warp(m, TEST_PARAMETERS.votingPeriod);
    await h.expectError(
      [await getExecuteProposalInstruction({ proposalId: passed, programAddress })],
      anyone,
      PROGRAM_ERROR_CODES.ProposalExpired,
    );
    const aBefore = h.lamports(a.address);
    await h.sendOk(
      [await getCloseProposalInstruction({ proposalId: passed, proposer: a.address, programAddress })],
      anyone,
    );
    expect(h.lamports(a.address) - aBefore).toBe(h.rent(GOVERNANCE_ACCOUNT_SIZES.proposal));
  });
});
