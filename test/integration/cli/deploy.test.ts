// `amplify deploy` against the localnet, as an operator would: a new program keypair, the
// cluster's feature accounts decide the build, the loader deploys it, the config is initialised
// by the upgrade authority; `amplify verify-deployment` then finds the reproducible build there.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createKeyPairSignerFromPrivateKeyBytes, getAddressEncoder, lamports, type Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/src/cli";
import { decodeConfig, findConfigPda } from "../../../shared/protocol";
import { startHarness, tempHome, type Harness } from "../localnet/localnetHarness";

let h: Harness;
const work = tempHome("amplify-deploy-");
const walletFile = path.join(work, "wallet.json");
const programFile = path.join(work, "program.json");

async function keypairFile(file: string): Promise<Address> {
  const seed = crypto.randomBytes(32);
  const signer = await createKeyPairSignerFromPrivateKeyBytes(seed);
  fs.writeFileSync(file, JSON.stringify([...seed, ...getAddressEncoder().encode(signer.address)]));
  return signer.address;
}

async function amplify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped: () => Promise.resolve(),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

beforeAll(async () => {
  h = await startHarness({ slotMs: 100 });
});
afterAll(async () => h.close());

describe("amplify deploy", () => {
  it("deploys the newest accepted build at a new keypair id, initialises its config, and verifies against the build", async () => {
    const wallet = await keypairFile(walletFile);
    const programId = await keypairFile(programFile);
    const state = path.join(work, "state");
    const common = ["--url", h.net.rpcUrl, "--authority", walletFile, "--state", state];

    const poor = await amplify("deploy", "--keypair", programFile, ...common);
    expect(poor.code).toBe(1);
    expect(poor.stderr).toMatch(/holds 0 SOL; a first deploy locks about 0\.\d+ SOL of rent/);

    await h.rpc.requestAirdrop(wallet, lamports(10_000_000_000n)).send();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deployed = await amplify("deploy", "--keypair", programFile, ...common);
    expect(deployed.stderr).toBe("");
    expect(deployed.code).toBe(0);
    const v3 = fs.readFileSync("program/dist/amplify-v3.so");
    expect(deployed.stdout).toContain("v3 deploys accepted; deploying v3");
    expect(deployed.stdout).toContain(`deployed program ${programId} (SBPF v3, ${v3.length} bytes`);
    expect(deployed.stdout).toContain(`upgrade authority ${wallet}`);
    expect(deployed.stdout).toContain(`sha256 ${crypto.createHash("sha256").update(v3).digest("hex")}`);
    expect(fs.readdirSync(state).filter((f) => f.startsWith("deploy-buffer-"))).toEqual([]);
    const [config] = await findConfigPda(programId);
    const info = (await h.rpc.getAccountInfo(config, { encoding: "base64" }).send()).value;
    expect(decodeConfig(Uint8Array.from(Buffer.from(info?.data[0] ?? "", "base64"))).authority).toBe(wallet);

    const again = await amplify("deploy", "--keypair", programFile, ...common);
    expect(again.stdout).toContain(`unchanged program ${programId}`);

    const verified = await amplify("verify-deployment", "--program-id", programId, "--url", h.net.rpcUrl);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/matches the (rebuilt \(clang-19\)|committed .*) v3 build/);
    const elsewhere = await amplify("verify-deployment", "--program-id", wallet, "--url", h.net.rpcUrl);
    expect(elsewhere.code).toBe(1);
  });
});
