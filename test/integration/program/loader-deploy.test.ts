// Each committed build deployed through the BPF upgradeable loader (InitializeBuffer, Write
// chunks, DeployWithMaxDataLen) at a fresh keypair id, under the feature set that decides it:
// v3 with every feature on, v0 with SIMD-0500 off; refusals carry the loader's own message.
import { readFileSync } from "node:fs";
import { generateKeyPairSigner, lamports } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  decodeLoaderState,
  deployProgram,
  FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT,
  FEATURE_ENABLE_SBPF_V3_DEPLOYMENT,
  findProgramDataAddress,
  holdsProgram,
  upgradeInstruction,
  WRITE_CHUNK_BYTES,
  writeBuffer,
} from "../../../shared/loader/index";
import {
  ACCOUNT_SIZES,
  computeFee,
  findAssignmentPda,
  findTaskPagePda,
  findWorkerProfilePda,
  getCloseCampaignInstruction,
  getGrantKeyInstruction,
  getReleaseExpiredInstruction,
  getReviewInstruction,
  getUpdateWorkerKeyInstruction,
} from "../../../shared/protocol/index";
import { createSvm, LAMPORTS_PER_SIGNATURE, PROGRAM_PATHS, SOL } from "../../support/program-harness";
import { LoaderDeployError, liteSvmChain } from "../../support/program-loader-deploy";
import {
  acceptIx,
  createCampaign,
  profileOf,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../support/program-market-fixture";
import type { ProgramBuild } from "../../support/program-harness";
import type { Address } from "@solana/kit";

const NOT_ENABLED = "Detected sbpf_version required by the executable which are not enabled";

async function lifecycle(build: ProgramBuild, deactivate: Address[]): Promise<void> {
  const programKeypair = await generateKeyPairSigner();
  const m = await setupMarket(500, { build, deactivate, programKeypair });
  const h = m.h;
  const programAddress = programKeypair.address;
  expect(h.programId).toBe(programAddress);
  const programData = decodeLoaderState(h.data(await findProgramDataAddress(programAddress)));
  expect(
    programData.kind === "programData" && holdsProgram(programData.bytes, readFileSync(PROGRAM_PATHS[build])),
  ).toBe(true);

  const price = 2_000_003n;
  const c = await createCampaign(m, { isPrivate: true, taskCount: 2, replication: 1, price });
  const worker = await registerWorker(m);
  const accepted = h.lamports(worker.address);
  await h.sendOk(await Promise.all([0, 1].map((i) => acceptIx(c, i, worker))), worker);
  expect(h.lamports(worker.address)).toBe(
    accepted - 2n * h.rent(ACCOUNT_SIZES.assignment) - h.rent(ACCOUNT_SIZES.share) - LAMPORTS_PER_SIGNATURE,
  );
  const assignment0 = (await findAssignmentPda(c.campaign, 0, worker.address, programAddress))[0];
  await h.sendOk(
    [
      await getGrantKeyInstruction({
        requester: c.requester,
        campaign: c.campaign,
        assignment: assignment0,
        wrappedKey: new Uint8Array(104).fill(3),
        programAddress,
      }),
    ],
    c.requester,
  );

  const before = { worker: h.lamports(worker.address), vault: h.lamports(m.feeVault), escrow: h.lamports(c.escrow) };
  await h.sendOk([await submitIx(c, 0, worker)], worker);
  const fee = computeFee(price, 500);
  expect(h.lamports(worker.address)).toBe(
    before.worker + price - fee + h.rent(ACCOUNT_SIZES.assignment) - LAMPORTS_PER_SIGNATURE,
  );
  expect(h.lamports(m.feeVault)).toBe(before.vault + fee);
  expect(h.lamports(c.escrow)).toBe(before.escrow - price);

  await h.sendOk(
    [
      await getReviewInstruction({
        requester: c.requester,
        campaign: c.campaign,
        worker: worker.address,
        taskIndex: 0,
        score: 100,
        programAddress,
      }),
    ],
    c.requester,
  );
  expect((await profileOf(m, worker.address)).reviewCount).toBe(1);

  h.setTime(h.now() + 3600n);
  await h.sendOk(
    [
      await getReleaseExpiredInstruction({
        campaign: c.campaign,
        taskIndex: 1,
        worker: worker.address,
        programAddress,
      }),
    ],
    m.governance,
  );
  const requesterBefore = h.lamports(c.requester.address);
  const held =
    h.lamports(c.escrow) +
    h.lamports(c.campaign) +
    h.lamports((await findTaskPagePda(c.campaign, 0, programAddress))[0]);
  expect(h.lamports(c.escrow)).toBe(h.rent(ACCOUNT_SIZES.escrow) + price);
  await h.sendOk(
    [
      await getCloseCampaignInstruction({
        requester: c.requester,
        campaign: c.campaign,
        pagesCreated: 1,
        programAddress,
      }),
    ],
    c.requester,
  );
  expect(h.lamports(c.requester.address)).toBe(requesterBefore + held - LAMPORTS_PER_SIGNATURE);
  expect(h.exists(c.escrow)).toBe(false);
  expect(h.exists(c.campaign)).toBe(false);
}

async function refusal(build: ProgramBuild, deactivate: Address[]): Promise<LoaderDeployError> {
  const svm = createSvm(deactivate);
  const payer = await generateKeyPairSigner();
  svm.airdrop(payer.address, lamports(10n * SOL));
  const program = await generateKeyPairSigner();
  const error = await deployProgram({
    chain: liteSvmChain(svm),
    bytes: readFileSync(PROGRAM_PATHS[build]),
    program,
    payer,
    buffer: await generateKeyPairSigner(),
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LoaderDeployError)) throw new Error(`expected the loader to refuse the ${build} build`);
  expect(svm.getAccount(program.address).exists).toBe(false);
  return error;
}

describe("deploying through the upgradeable loader", () => {
  it("v3 with every feature on: deploys at a fresh keypair id and runs the whole lifecycle", async () => {
    await lifecycle("v3", []);
  });

  it("v0 with SIMD-0500 off: deploys at a fresh keypair id and runs the whole lifecycle", async () => {
    await lifecycle("v0", [FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT]);
  });

  it("refuses v0 once SIMD-0500 is on, with the loader's message", async () => {
    const error = await refusal("v0", []);
    expect(error.logs.join("\n")).toContain(NOT_ENABLED);
  });

  it("v3 still deploys with the v3 gate off: Agave 4.3 (LiteSVM 1.5) no longer consults that feature", async () => {
    // Characterises the runtime, so a LiteSVM that gates v3 again shows up here and the
    // refusal test the issue asks for can be written then.
    const programKeypair = await generateKeyPairSigner();
    const m = await setupMarket(500, { build: "v3", deactivate: [FEATURE_ENABLE_SBPF_V3_DEPLOYMENT], programKeypair });
    expect(m.h.exists(m.config)).toBe(true);
  });

  it("upgrades in place: v0 to v3 under the same id keeps the state, and only the upgrade authority may", async () => {
    const programKeypair = await generateKeyPairSigner();
    const deactivate = [FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT];
    const m = await setupMarket(500, { build: "v0", deactivate, programKeypair });
    const worker = await registerWorker(m);
    const chain = liteSvmChain(m.h.svm);
    const v3 = readFileSync(PROGRAM_PATHS.v3);
    // A stranger with a buffer of their own is refused by the loader itself.
    const stranger = await m.h.fundedSigner();
    const strangerBuffer = await generateKeyPairSigner();
    await writeBuffer({ chain, bytes: v3, program: programKeypair.address, payer: stranger, buffer: strangerBuffer });
    const programDataAddress = await findProgramDataAddress(programKeypair.address);
    const refused = await chain
      .send(
        [
          upgradeInstruction({
            programData: programDataAddress,
            program: programKeypair.address,
            buffer: strangerBuffer.address,
            spill: stranger.address,
            authority: stranger,
          }),
        ],
        stranger,
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused instanceof LoaderDeployError && refused.logs.join("\n")).toContain(
      "Incorrect upgrade authority provided",
    );

    const upgraded = await deployProgram({
      chain,
      bytes: v3,
      program: programKeypair.address,
      payer: m.governance,
      buffer: await generateKeyPairSigner(),
    });
    expect(upgraded).toMatchObject({
      kind: "upgraded",
      programId: programKeypair.address,
      upgradeAuthority: m.governance.address,
    });
    const programData = decodeLoaderState(m.h.data(upgraded.programData));
    expect(programData.kind === "programData" && holdsProgram(programData.bytes, v3)).toBe(true);
    expect(
      await deployProgram({
        chain,
        bytes: v3,
        program: programKeypair.address,
        payer: m.governance,
        buffer: await generateKeyPairSigner(),
      }),
    ).toMatchObject({ kind: "unchanged", writes: 0 });

    m.h.svm.warpToSlot(m.h.svm.getClock().slot + 1n); // a program upgraded in a slot runs from the next one
    await m.h.sendOk(
      [
        await getUpdateWorkerKeyInstruction({
          worker,
          x25519PublicKey: new Uint8Array(32).fill(8),
          programAddress: programKeypair.address,
        }),
      ],
      worker,
    );
    const profile = await profileOf(m, worker.address);
    expect(profile.x25519PublicKey).toEqual(new Uint8Array(32).fill(8));
    expect(m.h.exists((await findWorkerProfilePda(worker.address, programKeypair.address))[0])).toBe(true);
  });

  it("resumes an interrupted deploy from its buffer, writing only the chunks that differ", async () => {
    const svm = createSvm();
    const payer = await generateKeyPairSigner();
    svm.airdrop(payer.address, lamports(10n * SOL));
    const chain = liteSvmChain(svm);
    const bytes = readFileSync(PROGRAM_PATHS.v3);
    const buffer = await generateKeyPairSigner();
    const program = await generateKeyPairSigner();
    // Interrupt after five Write transactions.
    let sends = 0;
    const flaky = {
      ...chain,
      send: async (...args: Parameters<typeof chain.send>) => {
        if (++sends > 6) throw new Error("connection lost");
        await chain.send(...args);
      },
    };
    await expect(deployProgram({ chain: flaky, bytes, program, payer, buffer })).rejects.toThrow(/connection lost/);
    const resumed = await deployProgram({ chain, bytes, program, payer, buffer });
    expect(resumed).toMatchObject({
      kind: "deployed",
      chunks: Math.ceil(bytes.length / WRITE_CHUNK_BYTES),
      writes: resumed.chunks - 5,
    });
  });
});
