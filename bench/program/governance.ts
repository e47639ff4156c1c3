// Prints the compute units of every AMP governance instruction (goal: each < 20,000), including
// the governance work that submit_result (fee accounting) and review (AMP mint, model author
// share) now carry. Run: npx tsx bench/program/governance.ts
import {
  getClaimAmpInstruction,
  getClaimRewardsInstruction,
  getCloseProposalInstruction,
  getCloseVoteInstruction,
  getExecuteProposalInstruction,
  getGovernanceTakeAuthorityInstruction,
  getInitGovernanceInstruction,
  getMintGenesisInstruction,
  getProposeInstruction,
  getRegisterModelInstruction,
  getRequestUnstakeInstruction,
  getReviewInstruction,
  getStakeInstruction,
  getUpdateConfigInstruction,
  getVoteInstruction,
  getWithdrawStakeInstruction,
  modelId,
  ProposalKind,
} from "../../shared/protocol/index";
import { findProgramDataAddress, setUpgradeAuthorityInstruction } from "../../shared/loader/index";
import { holder, openAmpAccount, TEST_PARAMETERS, warp } from "../../test/support/program-governance-fixture";
import {
  acceptTask,
  createCampaign,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../test/support/program-market-fixture";
import { findAmpMintPda, findGovernancePda, findStakeVaultPda } from "../../shared/protocol/index";
import type { GovernedMarket } from "../../test/support/program-governance-fixture";
import type { ProgramHarness } from "../../test/support/program-harness";
import type { AmplifyInstruction } from "../../shared/protocol/index";
import type { KeyPairSigner } from "@solana/kit";

const CU_GOAL = 20_000n;
const rows: { name: string; units: bigint }[] = [];

async function measure(h: ProgramHarness, name: string, ix: AmplifyInstruction, payer: KeyPairSigner): Promise<void> {
  const result = await h.sendOk([ix], payer);
  rows.push({ name, units: result.computeUnitsConsumed() });
}

async function main(): Promise<void> {
  const base = await setupMarket(500);
  const h = base.h;
  const programAddress = h.programId;
  await measure(
    h,
    "init_governance (mint + stake vault via SPL Token)",
    await getInitGovernanceInstruction({ authority: base.governance, parameters: TEST_PARAMETERS, programAddress }),
    base.governance,
  );
  const m: GovernedMarket = {
    ...base,
    governanceAccount: (await findGovernancePda(programAddress))[0],
    mint: (await findAmpMintPda(programAddress))[0],
    stakeVault: (await findStakeVaultPda(programAddress))[0],
  };
  const a = await h.fundedSigner();
  const aTokens = await openAmpAccount(m, a);
  await measure(
    h,
    "mint_genesis",
    await getMintGenesisInstruction({
      authority: m.governance,
      destination: aTokens,
      amount: 5n << 36n,
      programAddress,
    }),
    m.governance,
  );
  const b = await holder(m, 3n << 36n);
  await measure(
    h,
    "stake (creates the stake account)",
    await getStakeInstruction({ owner: a, amount: 4n << 36n, programAddress }),
    a,
  );
  await measure(h, "stake (adds)", await getStakeInstruction({ owner: a, amount: 1n << 36n, programAddress }), a);
  await measure(
    h,
    "stake (second holder)",
    await getStakeInstruction({ owner: b, amount: 3n << 36n, programAddress }),
    b,
  );
  await measure(
    h,
    "update_config (propose governance)",
    await getUpdateConfigInstruction({
      authority: m.governance,
      proposedAuthority: m.governanceAccount,
      treasury: m.treasury.address,
      programAddress,
    }),
    m.governance,
  );
  await measure(h, "governance_take_authority", await getGovernanceTakeAuthorityInstruction({ programAddress }), b);
  warp(m, 10n);
  await measure(
    h,
    "propose",
    await getProposeInstruction({ proposer: a, id: 0n, kind: ProposalKind.SetFee, valueA: 400n, programAddress }),
    a,
  );
  await measure(h, "vote", await getVoteInstruction({ voter: a, proposalId: 0n, support: true, programAddress }), a);
  await measure(
    h,
    "vote (second voter)",
    await getVoteInstruction({ voter: b, proposalId: 0n, support: false, programAddress }),
    b,
  );
  // The upgrade kinds: the deployer hands the upgrade authority to governance, which hands it to a
  // key (1), gets it back from that key, and makes the program immutable (2). Run last among the
  // proposals: after 2 nothing can upgrade this LiteSVM's program.
  const newKey = await h.fundedSigner();
  const programData = await findProgramDataAddress(programAddress);
  await h.sendOk([setUpgradeAuthorityInstruction(programData, h.deployer, m.governanceAccount)], h.deployer);
  for (const [id, kind, target] of [
    [1n, ProposalKind.SetUpgradeAuthority, newKey.address],
    [2n, ProposalKind.MakeImmutable, undefined],
  ] as const) {
    await h.sendOk([await getProposeInstruction({ proposer: a, id, kind, target, programAddress })], a);
    await h.sendOk([await getVoteInstruction({ voter: a, proposalId: id, support: true, programAddress })], a);
  }
  warp(m, TEST_PARAMETERS.votingPeriod + TEST_PARAMETERS.timelock);
  await measure(
    h,
    "execute_proposal (set fee)",
    await getExecuteProposalInstruction({ proposalId: 0n, programAddress }),
    b,
  );
  await measure(
    h,
    "execute_proposal (new upgrade authority, loader CPI)",
    await getExecuteProposalInstruction({
      proposalId: 1n,
      kind: ProposalKind.SetUpgradeAuthority,
      target: newKey.address,
      programAddress,
    }),
    b,
  );
  await h.sendOk([setUpgradeAuthorityInstruction(programData, newKey, m.governanceAccount)], newKey);
  await measure(
    h,
    "execute_proposal (make immutable, loader CPI)",
    await getExecuteProposalInstruction({ proposalId: 2n, kind: ProposalKind.MakeImmutable, programAddress }),
    b,
  );
  await measure(
    h,
    "close_vote (proposal still open)",
    await getCloseVoteInstruction({ proposalId: 0n, voter: b.address, programAddress }),
    b,
  );
  await measure(
    h,
    "close_proposal",
    await getCloseProposalInstruction({ proposalId: 0n, proposer: a.address, programAddress }),
    b,
  );
  await measure(
    h,
    "close_vote (proposal closed)",
    await getCloseVoteInstruction({ proposalId: 0n, voter: a.address, programAddress }),
    b,
  );

  const c = await createCampaign(m, { price: 1_000_000n, taskCount: 4, replication: 1 });
  const worker = await registerWorker(m);
  const author = await h.fundedSigner();
  await openAmpAccount(m, author);
  const manifest = new Uint8Array(32).fill(42);
  await measure(
    h,
    "register_model",
    await getRegisterModelInstruction({ author, manifestSha256: manifest, programAddress }),
    author,
  );
  for (const i of [0, 1, 2]) await acceptTask(m, c, i, worker);
  const submit = async (i: number) =>
    measure(h, `submit_result (+ fee accumulator)`, await submitIx(c, i, worker), worker);
  await submit(0);
  await submit(1);
  await submit(2);
  const review = (i: number, firstGuess?: { modelId: Uint8Array; author: KeyPairSigner["address"] }) =>
    getReviewInstruction({
      requester: c.requester,
      campaign: c.campaign,
      worker: worker.address,
      taskIndex: i,
      score: 90,
      ...(firstGuess ? { firstGuess } : {}),
    });
  await measure(h, "review (AMP to the profile, no token account)", await review(0), c.requester);
  await openAmpAccount(m, worker);
  await measure(h, "claim_amp", await getClaimAmpInstruction({ worker, programAddress }), worker);
  await measure(h, "review (AMP minted)", await review(1), c.requester);
  await measure(
    h,
    "review (AMP minted + model author share)",
    await review(2, { modelId: modelId(author.address, manifest), author: author.address }),
    c.requester,
  );
  await measure(h, "claim_rewards", await getClaimRewardsInstruction({ owner: a, programAddress }), a);
  warp(m, 1n);
  await measure(
    h,
    "request_unstake",
    await getRequestUnstakeInstruction({ owner: a, amount: 1n << 36n, programAddress }),
    a,
  );
  warp(m, TEST_PARAMETERS.cooldown);
  await measure(h, "withdraw_stake", await getWithdrawStakeInstruction({ owner: a, programAddress }), a);

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`Compute units per governance instruction (goal < ${CU_GOAL}):`);
  let over = 0;
  for (const row of rows) {
    const flag = row.units < CU_GOAL ? "" : "  OVER GOAL";
    if (flag) over++;
    console.log(`  ${row.name.padEnd(width)}  ${row.units.toString().padStart(6)}${flag}`);
  }
  const max = rows.reduce((best, r) => (r.units > best.units ? r : best));
  console.log(`max: ${max.units} (${max.name}); ${over} over the goal`);
  if (over) process.exitCode = 1;
}

await main();
