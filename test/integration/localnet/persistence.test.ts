// The ledger survives a clean restart and a SIGKILL under load: every transaction a client
// was told about is still there afterwards, with its accounts.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import {
  createSolanaRpc,
  devnet,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  lamports,
  type Signature,
} from "@solana/kit";
import {
  createAccountIx,
  fundedSigner,
  signedTx,
  startHarness,
  tempHome,
  transferIx,
  type Harness,
} from "./localnetHarness";

const open: Harness[] = [];
afterAll(async () => {
  for (const h of open) await h.close().catch(() => {});
});

describe("persistence", () => {
  it("accounts, signatures and transaction history survive a restart", async () => {
    const home = tempHome();
    const h1 = await startHarness({ home });
    open.push(h1);
    const payer = await fundedSigner(h1, 5n);
    const to = await generateKeyPairSigner();
    const owner = (await generateKeyPairSigner()).address;
    const data = await generateKeyPairSigner();
    const tx = await signedTx(h1, payer, [
      transferIx(payer, to.address, 7_000_000n),
      createAccountIx(payer, data, 3_000_000n, 16, owner),
    ]);
    await h1.sendAndConfirm(tx, { commitment: "confirmed" });
    const signature = getSignatureFromTransaction(tx);
    const slotBefore = await h1.rpc.getSlot().send();
    const genesis = await h1.rpc.getGenesisHash().send();
    await h1.close();

    const h2 = await startHarness({ home });
    open.push(h2);
    expect(await h2.rpc.getGenesisHash().send()).toBe(genesis);
    expect(await h2.rpc.getSlot().send()).toBeGreaterThan(slotBefore);
    expect((await h2.rpc.getBalance(to.address).send()).value).toBe(7_000_000n);
    expect((await h2.rpc.getProgramAccounts(owner, { encoding: "base64" }).send()).map((a) => a.pubkey)).toEqual([
      data.address,
    ]);
    const status = (await h2.rpc.getSignatureStatuses([signature], { searchTransactionHistory: true }).send()).value[0];
    expect(status?.err).toBeNull();
    const got = await h2.rpc.getTransaction(signature, { maxSupportedTransactionVersion: 0, encoding: "json" }).send();
    expect(got?.meta?.postBalances).toBeDefined();
    expect((await h2.rpc.getSignaturesForAddress(to.address).send())[0]?.signature).toBe(signature);
    // The same signed transaction cannot land twice across a restart.
    const again = await h2.rpc
      .sendTransaction(getBase64EncodedWireTransaction(tx), { encoding: "base64", skipPreflight: true })
      .send();
    expect(again).toBe(signature);
    expect((await h2.rpc.getBalance(to.address).send()).value).toBe(7_000_000n);
    // And the restarted ledger keeps working.
    const more = await signedTx(h2, payer, [transferIx(payer, to.address, 1_000_000n)]);
    await h2.sendAndConfirm(more, { commitment: "confirmed" });
    expect((await h2.rpc.getBalance(to.address).send()).value).toBe(8_000_000n);
    await h2.close();
  });

  it("a SIGKILL under load loses no confirmed transaction", async () => {
    const home = tempHome();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "fixtures", "localnetChild.ts"), home],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`child exited ${code}`)));
    });
    const { rpcUrl } = JSON.parse(line) as { rpcUrl: string };
    const rpc = createSolanaRpc(devnet(rpcUrl));
    const payer = await generateKeyPairSigner();
    const to = await generateKeyPairSigner();
    const airdrop = await rpc.requestAirdrop(payer.address, lamports(100_000_000_000n)).send();
    const confirmed: Array<{ signature: Signature; amount: bigint }> = [];
    const attempted: Array<{ signature: Signature; amount: bigint }> = [];
    const { value: latest } = await rpc.getLatestBlockhash().send();
    const fakeHarness = { rpc } as unknown as Harness;
    let killed = false;
    let n = 0;
    const worker = async (): Promise<void> => {
      while (!killed) {
        const amount = 1_000_000n + BigInt(n++);
        const tx = await signedTx(fakeHarness, payer, [transferIx(payer, to.address, amount)], { blockhash: latest });
        const entry = { signature: getSignatureFromTransaction(tx), amount };
        attempted.push(entry);
        try {
          // With preflight on, the reply comes only after the transaction is durably stored.
          await rpc.sendTransaction(getBase64EncodedWireTransaction(tx), { encoding: "base64" }).send();
          confirmed.push(entry);
        } catch (e) {
          if (!killed) errors.push(e);
          return;
        }
      }
    };
    const errors: unknown[] = [];
    let running = 6;
    const workers = Array.from({ length: running }, () => worker().finally(() => running--));
    const deadline = Date.now() + 30_000;
    while (confirmed.length < 150 && running > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(confirmed.length).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    killed = true;
    await Promise.all(workers);
    await exited;

    const h = await startHarness({ home });
    open.push(h);
    const statuses = new Map<string, boolean>();
    for (let i = 0; i < attempted.length; i += 200) {
      const batch = attempted.slice(i, i + 200);
      const { value } = await h.rpc
        .getSignatureStatuses(
          batch.map((a) => a.signature),
          { searchTransactionHistory: true },
        )
        .send();
      batch.forEach((a, j) => statuses.set(a.signature, value[j] !== null));
    }
    for (const c of confirmed) expect(statuses.get(c.signature), `confirmed ${c.signature} lost`).toBe(true);
    const landedSum = attempted.filter((a) => statuses.get(a.signature)).reduce((s, a) => s + a.amount, 0n);
    expect((await h.rpc.getBalance(to.address).send()).value).toBe(landedSum);
    expect(
      (await h.rpc.getSignatureStatuses([airdrop], { searchTransactionHistory: true }).send()).value[0],
    ).not.toBeNull();
    console.log(
      `SIGKILL test: ${confirmed.length} confirmed, ${attempted.length} attempted, all confirmed present after restart`,
    );
    await h.close();
  });
});
