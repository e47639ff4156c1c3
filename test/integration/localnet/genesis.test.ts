// With the real program loaded, a fresh localnet initialises the Amplify config once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { decodeConfig, findConfigPda, AMPLIFY_PROGRAM_ADDRESS } from "../../../shared/protocol";
import { findAmplifyProgram } from "../../../localnet/programs";
import { treasuryAddress } from "../../../localnet";
import { getBase64Encoder } from "@solana/kit";
import { startHarness, tempHome, type Harness } from "./localnetHarness";

let h: Harness;
const home = tempHome();
const found = findAmplifyProgram();

beforeAll(async () => {
  h = await startHarness({ home, programs: "program" in found ? [found.program] : [] });
});
afterAll(async () => h.close());

it.skipIf(!("program" in found))("loads the Amplify program and initialises its config with a funded treasury", async () => {
  const program = (await h.rpc.getAccountInfo(AMPLIFY_PROGRAM_ADDRESS, { encoding: "base64" }).send()).value;
  expect(program?.executable).toBe(true);
  const [configAddress] = await findConfigPda();
  const info = (await h.rpc.getAccountInfo(configAddress, { encoding: "base64" }).send()).value;
  expect(info?.owner).toBe(AMPLIFY_PROGRAM_ADDRESS);
  const config = decodeConfig(Uint8Array.from(getBase64Encoder().encode(info?.data[0] ?? "")));
  expect(config.feeBps).toBe(500);
  expect(config.treasury).toBe(treasuryAddress(h.net.ledger));
  expect((await h.rpc.getBalance(config.treasury).send()).value).toBeGreaterThan(0n);
});
