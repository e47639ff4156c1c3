// An operator deploys the program with `amplify deploy` at a new keypair id on the localnet (the
// loader, the build the cluster's features accept, the config initialised by the upgrade
// authority); a worker's core pointed at that id in its Settings then completes a task there:
// accept → submit → paid, every lamport accounted for, and nothing touches the genesis program.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { address, createKeyPairSignerFromPrivateKeyBytes, createSolanaRpc, getAddressEncoder } from "@solana/kit";
import type { Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/src/cli";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  amplifyProgramAddress,
  computeFee,
  computeWorkerPay,
  configureProgramAddress,
  decodeConfig,
  findConfigPda,
  findFeeVaultPda,
} from "../../../shared/protocol";
import type { Market, WorkerCore } from "../../support/market-harness";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore, waitFor } from "../../support/market-harness";
import { acceptTasks, expectPaidExactlyOnce, submitAll } from "../worker/exactly-once";

const PRICE = 4_000_000n;
const TASKS = 2;
let market: Market;
let worker: WorkerCore;

async function keypairFile(file: string): Promise<Address> {
  const seed = crypto.randomBytes(32);
  const signer = await createKeyPairSignerFromPrivateKeyBytes(seed);
  fs.writeFileSync(file, JSON.stringify([...seed, ...getAddressEncoder().encode(signer.address)]));
  return signer.address;
}

/** The program that owns an account (the chain client reads data and lamports only). */
async function ownerOf(at: string): Promise<string | undefined> {
  const info = await createSolanaRpc(market.net.rpcUrl).getAccountInfo(address(at), { encoding: "base64" }).send();
  return info.value?.owner;
}

beforeAll(async () => {
  market = await startMarket();
});
afterAll(async () => {
  await worker?.close();
  await market?.close();
  // the id is process-wide: leave the default for whatever runs next in this worker
  configureProgramAddress(undefined);
});

describe("a program deployed with amplify deploy", () => {
  it("takes a worker's task from accept to paid once the worker's Settings point at its id", async () => {
    const work = path.join(market.home, "operator");
    fs.mkdirSync(work);
    const walletFile = path.join(work, "wallet.json");
    const programFile = path.join(work, "program.json");
    const wallet = await keypairFile(walletFile);
    const programId = await keypairFile(programFile);
    market.net.ledger.airdrop(wallet, 10n * SOL);
    const out: string[] = [];
    const code = await runCli(
      [
        "deploy",
        "--keypair",
        programFile,
        "--url",
        market.net.rpcUrl,
        "--authority",
        walletFile,
        "--state",
        path.join(work, "state"),
      ],
      { out: (l) => out.push(l), err: (l) => out.push(l), stopped: () => Promise.resolve() },
    );
    expect(code, out.join("\n")).toBe(0);
    expect(out.join("\n")).toContain(`deployed program ${programId}`);
    expect(programId).not.toBe(AMPLIFY_PROGRAM_ADDRESS);
    const config = decodeConfig((await market.chain.account((await findConfigPda(programId))[0]))!.data);
    expect(config.authority).toBe(wallet);

    // The worker's app: its own key, pointed at the new id through Settings.
    const dataDir = path.join(market.home, "worker");
    const workerAddress = await prepareKeystore(dataDir);
    market.net.ledger.airdrop(address(workerAddress), 10n * SOL);
    worker = await startWorkerCore(market, dataDir);
    const settings = await worker.call("settings:update", { programAddress: programId });
    expect(settings.programAddress).toBe(programId);
    expect(amplifyProgramAddress()).toBe(programId);
    expect((await worker.call("keys:unlock", { passphrase: PASSPHRASE })).state).toBe("unlocked");

    // A requester posts a public campaign on the new program (same process, same setting).
    const [newVault] = await findFeeVaultPda(programId);
    const [genesisVault] = await findFeeVaultPda(AMPLIFY_PROGRAM_ADDRESS);
    const genesisVaultBefore = await market.lamports(genesisVault);
    const fixture = await market.createCampaign({ tasks: TASKS, price: PRICE, isPrivate: false });
    expect(await ownerOf(fixture.campaign)).toBe(programId);
    const listed = (await worker.call("market:list", { sort: "newest" })).find((c) => c.address === fixture.campaign);
    expect(listed).toMatchObject({ tasksLeft: TASKS, eligible: true });

    const escrowBefore = await market.lamports(fixture.escrow);
    const vaultBefore = await market.lamports(newVault);
    const ids = await acceptTasks(worker, fixture, TASKS);
    for (const id of ids) expect(await ownerOf(id)).toBe(programId);
    const queued = await submitAll(worker, ids);
    await waitFor("the results paid", async () => {
      const summary = await worker.call("outbox:summary");
      return summary.queued === 0 && summary.confirmed === TASKS;
    });

    // Paid exactly once each, to the lamport: the escrow paid price × tasks, split between the
    // worker's pay and the new program's fee vault; the genesis program saw nothing.
    await expectPaidExactlyOnce(market, fixture, queued, escrowBefore, workerAddress);
    const fee = computeFee(PRICE, config.feeBps);
    expect((await market.lamports(newVault)) - vaultBefore).toBe(fee * BigInt(TASKS));
    expect(computeWorkerPay(PRICE, config.feeBps) + fee).toBe(PRICE);
    const profile = await worker.call("profile:get");
    expect(BigInt(profile.earnings.totalLamports)).toBe(computeWorkerPay(PRICE, config.feeBps) * BigInt(TASKS));
    expect(await market.lamports(genesisVault)).toBe(genesisVaultBefore);
  });
});
