// The program's upgrade authority handed on by a proposal (program/src/upgrade_authority.c), on the
// real program in LiteSVM through the real upgradeable loader: the deployer makes the governance
// account the upgrade authority with the loader's SetAuthority, holders pass a proposal, anyone
// executes it after the timelock and the program signs SetAuthority itself. The new key then
// really upgrades the program; governance no longer can. The attacks fail with the program's own
// errors: too early, failed, another program's ProgramData, the program account in its place,
// another loader, another target, twice, and a program whose authority governance does not hold.
import { readFileSync } from "node:fs";
import { generateKeyPairSigner } from "@solana/kit";
import { FailedTransactionMetadata } from "litesvm";
import { describe, expect, it } from "vitest";
import {
  decodeLoaderState,
  deployProgram,
  FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT,
  findProgramDataAddress,
  setUpgradeAuthorityInstruction,
  upgradeInstruction,
  writeBuffer,
} from "../../../shared/loader/index";
import {
  decodeProposal,
  findGovernancePda,
  findProposalPda,
  getExecuteProposalInstruction,
  getProposeInstruction,
  PROGRAM_ERROR_CODES,
  ProposalKind,
  TOKEN_PROGRAM_ADDRESS,
} from "../../../shared/protocol/index";
import { liteSvmChain } from "../../support/program-loader-deploy";
import { LAMPORTS_PER_SIGNATURE, PROGRAM_PATHS } from "../../support/program-harness";
import {
  governanceOf,
  holder,
  propose,
  setupGovernedMarket,
  stake,
  TEST_PARAMETERS,
  vote,
  warp,
} from "../../support/program-governance-fixture";
import type { GovernedMarket, ProposalSpec } from "../../support/program-governance-fixture";
import type { ProgramBuild } from "../../support/program-harness";
import type { Address, Instruction, KeyPairSigner } from "@solana/kit";

const AMP = 1_000_000_000n;

interface Voters {
  a: KeyPairSigner; // 3 AMP
  b: KeyPairSigner; // 1 AMP
}

async function voters(m: GovernedMarket): Promise<Voters> {
  const a = await holder(m, 3n * AMP);
  const b = await holder(m, AMP);
  await stake(m, a, 3n * AMP);
  await stake(m, b, AMP);
  warp(m, 10n); // a later slot: the stakes predate every snapshot
  return { a, b };
}

/** a proposes; both vote (`passes`: both for; else a, the larger stake, against). */
async function decide(m: GovernedMarket, { a, b }: Voters, spec: ProposalSpec, passes = true): Promise<bigint> {
  const id = await propose(m, a, spec);
  await vote(m, a, id, passes);
  await vote(m, b, id, true);
  return id;
}

function upgradeAuthorityOf(m: GovernedMarket, programData: Address): Address | null {
  const state = decodeLoaderState(m.h.data(programData));
  if (state.kind !== "programData") throw new Error(`${programData} is not a ProgramData account`);
  return state.upgradeAuthority;
}

/** The loader's own refusal: the transaction fails and its logs say why. */
async function loaderRefuses(m: GovernedMarket, ix: Instruction, payer: KeyPairSigner, log: string): Promise<void> {
  const result = await m.h.send([ix], payer);
  expect(result instanceof FailedTransactionMetadata && result.meta().logs().join("\n")).toContain(log);
}

/** Each committed build, deployed under the features it needs (v0: SIMD-0500 off). */
const BUILDS: readonly [ProgramBuild, readonly Address[]][] = [
  ["v3", []],
  ["v0", [FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT]],
];

async function setup(
  build: ProgramBuild = "v3",
  deactivate: readonly Address[] = [],
): Promise<{ m: GovernedMarket; v: Voters; programData: Address; governance: Address }> {
  const m = await setupGovernedMarket(500, {}, { build, deactivate });
  const v = await voters(m);
  const programData = await findProgramDataAddress(m.h.programId);
  return { m, v, programData, governance: (await findGovernancePda(m.h.programId))[0] };
}

describe("the upgrade authority handed on by a proposal", () => {
  it.each(BUILDS)(
    "%s: hands it to a new key that then upgrades through the loader; governance and the deployer no longer can",
    async (build, deactivate) => {
      const { m, v, programData, governance } = await setup(build, deactivate);
      const h = m.h;
      const programAddress = h.programId;
      const newKey = await h.fundedSigner();
      const anyone = await h.fundedSigner();
      const kind = ProposalKind.SetUpgradeAuthority;
      const id = await decide(m, v, { kind, target: newKey.address });
      const again = await decide(m, v, { kind, target: v.b.address }); // passes too: tried after the handover
      const execute = (over: { proposalId?: bigint; target?: Address; programData?: Address; loader?: Address } = {}) =>
        getExecuteProposalInstruction({ proposalId: id, kind, target: newKey.address, programAddress, ...over });

      await h.expectError([await execute()], anyone, PROGRAM_ERROR_CODES.VotingOpen);
      warp(m, TEST_PARAMETERS.votingPeriod);
      await h.expectError([await execute()], anyone, PROGRAM_ERROR_CODES.Timelock);
      warp(m, TEST_PARAMETERS.timelock);
      // The deployer still holds the authority: a clear refusal, and the proposal stays executable.
      expect(upgradeAuthorityOf(m, programData)).toBe(h.deployer.address);
      await h.expectError([await execute()], anyone, PROGRAM_ERROR_CODES.NotUpgradeAuthority);

      await h.sendOk([setUpgradeAuthorityInstruction(programData, h.deployer, governance)], h.deployer);
      expect(upgradeAuthorityOf(m, programData)).toBe(governance);

      // Another program whose authority someone pointed at our governance account (SetAuthority needs
      // no signature from the new key): its ProgramData is not ours, so the proposal does not land there.
      const decoy = await generateKeyPairSigner();
      const chain = liteSvmChain(h.svm);
      const bytes = readFileSync(PROGRAM_PATHS[build]);
      await deployProgram({ chain, bytes, program: decoy, payer: anyone, buffer: await generateKeyPairSigner() });
      const decoyData = await findProgramDataAddress(decoy.address);
      await h.sendOk([setUpgradeAuthorityInstruction(decoyData, anyone, governance)], anyone);
      await h.expectError([await execute({ programData: decoyData })], anyone, PROGRAM_ERROR_CODES.WrongPda);
      await h.expectError([await execute({ programData: decoy.address })], anyone, PROGRAM_ERROR_CODES.WrongPda);
      await h.expectError([await execute({ loader: TOKEN_PROGRAM_ADDRESS })], anyone, PROGRAM_ERROR_CODES.WrongLoader);
      await h.expectError([await execute({ target: anyone.address })], anyone, PROGRAM_ERROR_CODES.WrongTarget);
      expect(decodeProposal(h.data((await findProposalPda(id, programAddress))[0])).executed).toBe(false);

      // Anyone executes: only its signature fee moves (sendOk checks every named account's lamports).
      const [anyoneBefore, programDataBefore] = [h.lamports(anyone.address), h.lamports(programData)];
      await h.sendOk([await execute()], anyone);
      expect(h.lamports(anyone.address)).toBe(anyoneBefore - LAMPORTS_PER_SIGNATURE);
      expect(h.lamports(programData)).toBe(programDataBefore);
      expect(upgradeAuthorityOf(m, programData)).toBe(newKey.address);
      expect(upgradeAuthorityOf(m, decoyData)).toBe(governance);
      expect(decodeProposal(h.data((await findProposalPda(id, programAddress))[0])).executed).toBe(true);
      await h.expectError([await execute()], anyone, PROGRAM_ERROR_CODES.AlreadyExecuted);
      // Governance holds nothing now: the second passed proposal cannot move the authority again.
      await h.expectError(
        [await execute({ proposalId: again, target: v.b.address })],
        anyone,
        PROGRAM_ERROR_CODES.NotUpgradeAuthority,
      );

      // The new key really upgrades: buffer written, Upgrade signed by it; the buffer's rent comes back
      // to it as the spill, so it pays exactly its signatures (2 at the buffer's creation, one per Write,
      // one for the Upgrade).
      const buffer = await generateKeyPairSigner();
      const newKeyBefore = h.lamports(newKey.address);
      const { writes } = await writeBuffer({ chain, bytes, program: programAddress, payer: newKey, buffer });
      const upgrade = upgradeInstruction({
        programData,
        program: programAddress,
        buffer: buffer.address,
        spill: newKey.address,
        authority: newKey,
      });
      // The deployer lost it for good: the loader refuses its SetAuthority (taking it back) outright.
      await loaderRefuses(
        m,
        setUpgradeAuthorityInstruction(programData, h.deployer, h.deployer.address),
        h.deployer,
        "Incorrect upgrade authority provided",
      );
      const slot = h.svm.getClock().slot + 5n;
      h.svm.warpToSlot(slot);
      await h.sendOk([upgrade], newKey);
      const state = decodeLoaderState(h.data(programData));
      expect(state.kind === "programData" && state.slot).toBe(slot);
      expect(h.lamports(newKey.address)).toBe(newKeyBefore - BigInt(2 + writes + 1) * LAMPORTS_PER_SIGNATURE);
      expect(h.exists(buffer.address)).toBe(false);

      // The upgraded program runs (from the next slot): a holder proposes through it.
      h.svm.warpToSlot(slot + 1n);
      const next = governanceOf(m).proposalCount;
      await h.sendOk(
        [
          await getProposeInstruction({
            proposer: v.a,
            id: next,
            kind: ProposalKind.SetFee,
            valueA: 300n,
            programAddress,
          }),
        ],
        v.a,
      );
    },
  );

  it("makes the program immutable only through its explicit kind, and only a passed one", async () => {
    const { m, v, programData, governance } = await setup();
    const h = m.h;
    const programAddress = h.programId;
    const anyone = await h.fundedSigner();
    const tryPropose = async (spec: ProposalSpec, code: number) =>
      h.expectError(
        [await getProposeInstruction({ proposer: v.a, id: governanceOf(m).proposalCount, programAddress, ...spec })],
        v.a,
        code,
      );
    // A zero (or the program's own) key is no upgrade authority: the new-authority kind refuses it.
    await tryPropose({ kind: ProposalKind.SetUpgradeAuthority }, PROGRAM_ERROR_CODES.UnusableAddress);
    await tryPropose(
      { kind: ProposalKind.SetUpgradeAuthority, target: programAddress },
      PROGRAM_ERROR_CODES.UnusableAddress,
    );
    // The immutable kind carries nothing: a target or a value would be a different proposal.
    await tryPropose(
      { kind: ProposalKind.MakeImmutable, target: anyone.address },
      PROGRAM_ERROR_CODES.InvalidParameter,
    );
    await tryPropose({ kind: ProposalKind.MakeImmutable, valueA: 1n }, PROGRAM_ERROR_CODES.InvalidParameter);

    const kind = ProposalKind.MakeImmutable;
    const failed = await decide(m, v, { kind }, false);
    const passed = await decide(m, v, { kind });
    const execute = async (id: bigint) => getExecuteProposalInstruction({ proposalId: id, kind, programAddress });
    warp(m, TEST_PARAMETERS.votingPeriod + TEST_PARAMETERS.timelock);
    await h.sendOk([setUpgradeAuthorityInstruction(programData, h.deployer, governance)], h.deployer);
    await h.expectError([await execute(failed)], anyone, PROGRAM_ERROR_CODES.ProposalFailed);
    expect(upgradeAuthorityOf(m, programData)).toBe(governance);

    await h.sendOk([await execute(passed)], anyone);
    expect(upgradeAuthorityOf(m, programData)).toBe(null);
    // Nobody upgrades an immutable program, and init_config's gate has no authority to match either.
    const chain = liteSvmChain(h.svm);
    await expect(
      deployProgram({
        chain,
        bytes: readFileSync(PROGRAM_PATHS.v3),
        program: programAddress,
        payer: h.deployer,
        buffer: await generateKeyPairSigner(),
      }),
    ).rejects.toThrow("is immutable");
    await loaderRefuses(
      m,
      setUpgradeAuthorityInstruction(programData, h.deployer, h.deployer.address),
      h.deployer,
      "Program not upgradeable",
    );
  });
});
