// A fresh localnet deploys the Amplify program at genesis through the upgradeable loader (the
// newest SBPF version its feature set accepts: every feature is on, so v3), serves the feature
// accounts that tell clients so, and initialises the config as the program's upgrade authority.
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  decodeConfig,
  findConfigPda,
  findWorkerProfilePda,
  getRegisterWorkerInstruction,
  AMPLIFY_PROGRAM_ADDRESS,
} from "../../../shared/protocol";
import {
  BPF_LOADER_UPGRADEABLE_ADDRESS,
  decodeLoaderState,
  FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT,
  FEATURE_ENABLE_SBPF_V3_DEPLOYMENT,
  FEATURE_PROGRAM_ADDRESS,
  findProgramDataAddress,
  holdsProgram,
} from "../../../shared/loader";
import { requireAmplifyProgram } from "../../support/amplify-program";
import { treasuryAddress } from "../../../localnet";
import { createKeyPairSignerFromPrivateKeyBytes, getBase64Encoder } from "@solana/kit";
import { ledgerChain } from "../../../localnet/genesis";
import { startHarness, tempHome, type Harness } from "./localnetHarness";

let h: Harness;
const home = tempHome();
const amplifyProgram = requireAmplifyProgram();
const bytesOf = (data: string | undefined): Uint8Array => Uint8Array.from(getBase64Encoder().encode(data ?? ""));

beforeAll(async () => {
  h = await startHarness({ home, programs: [amplifyProgram] });
});
afterAll(async () => h.close());

it("deploys the v3 build through the loader and initialises its config as the upgrade authority", async () => {
  const program = (await h.rpc.getAccountInfo(AMPLIFY_PROGRAM_ADDRESS, { encoding: "base64" }).send()).value;
  expect(program?.executable).toBe(true);
  expect(program?.owner).toBe(BPF_LOADER_UPGRADEABLE_ADDRESS);
  const programData = (
    await h.rpc.getAccountInfo(await findProgramDataAddress(AMPLIFY_PROGRAM_ADDRESS), { encoding: "base64" }).send()
  ).value;
  const state = decodeLoaderState(bytesOf(programData?.data[0]));
  if (state.kind !== "programData") throw new Error("no ProgramData");
  expect(holdsProgram(state.bytes, fs.readFileSync(amplifyProgram.builds.v3))).toBe(true);
  expect(state.upgradeAuthority).toBe(h.net.ledger.faucet.address);

  const features = (
    await h.rpc
      .getMultipleAccounts([FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT, FEATURE_ENABLE_SBPF_V3_DEPLOYMENT], {
        encoding: "base64",
      })
      .send()
  ).value;
  for (const feature of features) {
    expect(feature?.owner).toBe(FEATURE_PROGRAM_ADDRESS);
    expect(bytesOf(feature?.data[0])[0]).toBe(1);
  }

  const [configAddress] = await findConfigPda();
  const info = (await h.rpc.getAccountInfo(configAddress, { encoding: "base64" }).send()).value;
  expect(info?.owner).toBe(AMPLIFY_PROGRAM_ADDRESS);
  const config = decodeConfig(bytesOf(info?.data[0]));
  expect(config.feeBps).toBe(500);
  expect(config.authority).toBe(h.net.ledger.faucet.address);
  expect(config.treasury).toBe(treasuryAddress(h.net.ledger));
  expect((await h.rpc.getBalance(config.treasury).send()).value).toBeGreaterThan(0n);
});

it("keeps the deployed program runnable across a restart", async () => {
  await h.close();
  h = await startHarness({ home, programs: [amplifyProgram] });
  const faucet = await createKeyPairSignerFromPrivateKeyBytes(h.net.ledger.faucet.seed);
  await ledgerChain(h.net.ledger).send(
    [await getRegisterWorkerInstruction({ worker: faucet, x25519PublicKey: new Uint8Array(32).fill(1) })],
    faucet,
  );
  const [profile] = await findWorkerProfilePda(faucet.address);
  expect((await h.rpc.getAccountInfo(profile, { encoding: "base64" }).send()).value?.owner).toBe(
    AMPLIFY_PROGRAM_ADDRESS,
  );
});
