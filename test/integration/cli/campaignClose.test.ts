// `amplify campaign status / end / close` against the real program on the localnet, to the
// lamport: status shows the rent the requester holds and the workers' deposits; close is
// refused while work is open, then gives back the unpaid escrow and every lamport of rent to
// the requester and each share's deposit to its worker, and leaves nothing on chain.
import fs from "node:fs";
import path from "node:path";
import { generateKeyPairSigner, lamports, type Address, type KeyPairSigner } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScene } from "../../../localnet/demo/sceneGenerator";
import type { Localnet } from "../../../localnet";
import type { AmplifyChain } from "../../../lib/requester";
import { loadKeyFile } from "../../../lib/requester";
import {
  ACCOUNT_SIZES,
  findEscrowPda,
  findSharePda,
  findTaskPagePda,
  getAcceptTaskInstruction,
  getRegisterWorkerInstruction,
  getSubmitResultInstruction,
  rentExemptMinimum,
  shareDeposit,
  assignmentDeposit,
  TASK_PAGE_HEADER_BYTES,
} from "../../../shared/protocol";
import { isClosed } from "../economics/chain-money";
import { runAmplify, startTestLocalnet } from "../../support/cli-localnet";

const work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "amplify-cli-close-"));
const keypair = path.join(work, "requester.json");
const PRICE = 10_000_000n; // --price 0.01
const TASKS = 2;
const REPLICATION = 2;
let net: Localnet;
let chain: AmplifyChain;
let globals: string[] = [];

const amplify = (...args: string[]) => runAmplify([...globals, ...args]);

/** The lamports the CLI printed after `label` ("… 0.0123 SOL (12,300,000 lamports)"). */
function printed(stdout: string, label: string): bigint {
  const line = stdout.split("\n").find((l) => l.includes(label));
  const match = /\(([\d,]+) lamports\)/.exec(line ?? "");
  if (!match) throw new Error(`no lamports after "${label}" in:\n${stdout}`);
  return BigInt(match[1]!.replaceAll(",", ""));
}

beforeAll(async () => {
  ({ net, chain } = await startTestLocalnet(path.join(work, "home"), { slotMs: 400 }));
  globals = ["--rpc", net.rpcUrl, "--ws", net.wsUrl, "--blobs", net.blobUrl, "--keypair", keypair];
  globals.push("--state", path.join(work, "state"));
  fs.mkdirSync(path.join(work, "images"));
  for (const seed of [31, 32]) {
    const s = generateScene(seed);
    fs.writeFileSync(path.join(work, "images", s.name), s.png);
  }
  fs.writeFileSync(path.join(work, "labels.txt"), "square\ntriangle\ncircle\n");
});
afterAll(async () => net?.close());

describe("amplify campaign status / end / close", () => {
  let campaign: Address;
  let requester: Address;
  const workers: KeyPairSigner[] = [];

  const submit = async (worker: KeyPairSigner, taskIndex: number) =>
    chain.send(worker, [
      await getSubmitResultInstruction({
        worker,
        campaign,
        taskIndex,
        resultHash: new Uint8Array(32).fill(taskIndex + 1),
        resultUri: `${net.blobUrl}/blobs/${"ab".repeat(32)}`,
      }),
    ]);

  it("posts a campaign and has two workers take a task each; status shows rent held and deposits", async () => {
    expect((await amplify("keys", "new")).code).toBe(0);
    expect((await amplify("keys", "airdrop", "5")).code).toBe(0);
    requester = (await loadKeyFile(keypair)).address;
    const created = await amplify(
      ...["campaign", "create", "--images", path.join(work, "images"), "--labels", path.join(work, "labels.txt")],
      ...["--price", "0.01", "--min-rating", "0", "--max-share", "100", "--replication", String(REPLICATION)],
    );
    campaign = /created campaign (\S+)/.exec(created.stdout)![1] as Address;
    for (let i = 0; i < 2; i++) {
      const worker = await generateKeyPairSigner();
      await chain.rpc.requestAirdrop(worker.address, lamports(1_000_000_000n)).send();
      await chain.send(worker, [
        await getRegisterWorkerInstruction({ worker, x25519PublicKey: new Uint8Array(32).fill(7) }),
        await getAcceptTaskInstruction({ worker, campaign, taskIndex: i }),
      ]);
      workers.push(worker);
    }
    await submit(workers[0]!, 0);

    const status = await amplify("campaign", "status", campaign);
    expect(status.code).toBe(0);
    const rent =
      rentExemptMinimum(ACCOUNT_SIZES.campaign) +
      rentExemptMinimum(ACCOUNT_SIZES.escrow) +
      rentExemptMinimum(TASK_PAGE_HEADER_BYTES + TASKS);
    expect(printed(status.stdout, "rent held")).toBe(rent);
    expect(printed(status.stdout, " unpaid; paid")).toBe(PRICE * BigInt(TASKS * REPLICATION - 1));
    expect(status.stdout).toMatch(/in 1 open assignment\(s\)/);
    expect(printed(status.stdout, "deposits")).toBe(assignmentDeposit());
    expect(status.stdout).toContain(`${(2n * shareDeposit()).toLocaleString("en-US")} lamports) in 2 share(s)`);
  });

  it("refuses to close while work is open, and says until when; end stops accepts", async () => {
    const refused = await amplify("campaign", "close", campaign);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1 assignment\(s\) of campaign \S+ are still open: their workers may submit/);
    expect(await chain.campaign(campaign)).toBeDefined();
    const ended = await amplify("campaign", "end", campaign);
    expect(ended.code).toBe(0);
    expect(ended.stdout).toMatch(/stopped accepting at \d{4}-/);
    expect(printed(ended.stdout, "transaction fee")).toBe(5_000n);
    const late = await generateKeyPairSigner();
    await chain.rpc.requestAirdrop(late.address, lamports(1_000_000_000n)).send();
    await expect(
      chain.send(late, [
        await getRegisterWorkerInstruction({ worker: late, x25519PublicKey: new Uint8Array(32).fill(8) }),
        await getAcceptTaskInstruction({ worker: late, campaign, taskIndex: 1 }),
      ]),
    ).rejects.toThrow(/refused/);
  });

  it("closes: unpaid escrow and all rent back to the requester, shares back to the workers, to the lamport", async () => {
    await submit(workers[1]!, 1);
    const requesterBefore = await chain.balance(requester);
    const workersBefore = await Promise.all(workers.map((w) => chain.balance(w.address)));
    const closed = await amplify("campaign", "close", campaign);
    expect(closed.code).toBe(0);
    const rent =
      rentExemptMinimum(ACCOUNT_SIZES.campaign) +
      rentExemptMinimum(ACCOUNT_SIZES.escrow) +
      rentExemptMinimum(TASK_PAGE_HEADER_BYTES + TASKS);
    const unpaid = PRICE * BigInt(TASKS * REPLICATION - 2);
    expect(printed(closed.stdout, "returned to you")).toBe(rent + unpaid);
    expect(printed(closed.stdout, "unpaid escrow")).toBe(unpaid);
    expect(printed(closed.stdout, "  rent")).toBe(rent);
    expect(printed(closed.stdout, "worker share")).toBe(2n * shareDeposit());
    // One close_campaign and one transaction closing both shares, one signature each.
    expect(printed(closed.stdout, "transaction fees")).toBe(10_000n);
    expect(await chain.balance(requester)).toBe(requesterBefore + rent + unpaid - 10_000n);
    for (const [i, w] of workers.entries())
      expect(await chain.balance(w.address)).toBe(workersBefore[i]! + shareDeposit());

    const [escrow] = await findEscrowPda(campaign);
    const [page] = await findTaskPagePda(campaign, 0);
    const shares = await Promise.all(workers.map(async (w) => (await findSharePda(campaign, w.address))[0]));
    for (const at of [campaign, escrow, page, ...shares]) expect(await isClosed(chain, at), at).toBe(true);
  });

  it("status of the closed campaign says what the close returned; a second close only finds nothing left", async () => {
    const status = await amplify("campaign", "status", campaign);
    expect(status.stdout).toContain("(closed)");
    expect(printed(status.stdout, "the close returned")).toBe(
      rentExemptMinimum(ACCOUNT_SIZES.campaign) +
        rentExemptMinimum(ACCOUNT_SIZES.escrow) +
        rentExemptMinimum(TASK_PAGE_HEADER_BYTES + TASKS) +
        PRICE * BigInt(TASKS * REPLICATION - 2),
    );
    expect(printed(status.stdout, "share(s) closed")).toBe(2n * shareDeposit());
    const again = await amplify("campaign", "close", campaign);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("was already closed");
    expect(printed(again.stdout, "transaction fees")).toBe(0n);
  });
});
