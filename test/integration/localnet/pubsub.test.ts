// PubSub through kit's createSolanaRpcSubscriptions, and blockhash expiry through kit's
// confirmation strategies (slots made short so 150 blocks pass in about a second).
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  isSolanaError,
  SOLANA_ERROR__BLOCK_HEIGHT_EXCEEDED,
  SOLANA_ERROR__TRANSACTION_ERROR__BLOCKHASH_NOT_FOUND,
  getSignatureFromTransaction,
  type KeyPairSigner,
} from "@solana/kit";
import { createAccountIx, fundedSigner, signedTx, startHarness, transferIx, type Harness } from "./localnetHarness";

let h: Harness;
let payer: KeyPairSigner;

beforeAll(async () => {
  h = await startHarness({ slotMs: 10 });
  payer = await fundedSigner(h, 50n);
});
afterAll(async () => h.close());

async function first<T>(iterable: AsyncIterable<T>, until: (v: T) => boolean = () => true): Promise<T> {
  for await (const v of iterable) if (until(v)) return v;
  throw new Error("subscription ended");
}

describe("pubsub", () => {
  it("slotSubscribe ticks", async () => {
    const ac = new AbortController();
    const slots = await h.subs.slotNotifications().subscribe({ abortSignal: ac.signal });
    const n = await first(slots);
    expect(n.slot).toBeGreaterThan(0n);
    expect(n.parent).toBe(n.slot - 1n);
    ac.abort();
  });

  it("accountSubscribe, programSubscribe, logsSubscribe and signatureSubscribe fire on a landed transaction", async () => {
    const ac = new AbortController();
    const to = await generateKeyPairSigner();
    const owner = (await generateKeyPairSigner()).address;
    const created = await generateKeyPairSigner();
    const account = await h.subs
      .accountNotifications(to.address, { encoding: "base64" })
      .subscribe({ abortSignal: ac.signal });
    const program = await h.subs
      .programNotifications(owner, { encoding: "base64", filters: [{ dataSize: 8n }] })
      .subscribe({ abortSignal: ac.signal });
    const logs = await h.subs.logsNotifications({ mentions: [to.address] }).subscribe({ abortSignal: ac.signal });
    const tx = await signedTx(h, payer, [
      transferIx(payer, to.address, 3_000_000n),
      createAccountIx(payer, created, 2_000_000n, 8, owner),
    ]);
    const sigNote = await h.subs
      .signatureNotifications(getSignatureFromTransaction(tx), { commitment: "confirmed" })
      .subscribe({ abortSignal: ac.signal });
    const pending = Promise.all([first(account), first(program), first(logs), first(sigNote)]);
    await h.rpc.sendTransaction(getBase64EncodedWireTransaction(tx), { encoding: "base64" }).send();
    const [acc, prog, log, sig] = await pending;
    expect(acc.value.lamports).toBe(3_000_000n);
    expect(prog.value.pubkey).toBe(created.address);
    expect(prog.value.account.space).toBe(8n);
    expect(log.value.err).toBeNull();
    expect(log.value.logs.length).toBeGreaterThan(0);
    expect(sig.value).toEqual({ err: null });
    ac.abort();
  });

  it("every subscribe has its unsubscribe; unknown ids and methods are JSON-RPC errors", async () => {
    const ws = new WebSocket(h.net.wsUrl);
    await new Promise((r) => ws.once("open", r));
    const replies: Array<{ id?: number; result?: unknown; error?: { code: number; message: string } }> = [];
    ws.on("message", (m) => {
      const msg = JSON.parse(m.toString()) as { id?: number; method?: string };
      if (msg.id !== undefined) replies.push(msg);
    });
    const call = async (id: number, method: string, params: unknown[]) => {
      ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
      while (!replies.some((r) => r.id === id)) await new Promise((r) => setTimeout(r, 5));
      return replies.find((r) => r.id === id);
    };
    const addr = payer.address;
    const subscriptions: Array<[string, unknown[]]> = [
      ["account", [addr, { encoding: "base64" }]],
      ["program", ["11111111111111111111111111111111", { encoding: "base64" }]],
      ["signature", ["1".repeat(64), {}]],
      ["logs", ["all"]],
      ["slot", []],
    ];
    let id = 1;
    for (const [kind, params] of subscriptions) {
      const sub = await call(id++, `${kind}Subscribe`, params);
      expect(typeof sub?.result).toBe("number");
      expect((await call(id++, `${kind}Unsubscribe`, [sub?.result]))?.result).toBe(true);
      expect((await call(id++, `${kind}Unsubscribe`, [sub?.result]))?.error).toEqual({
        code: -32602,
        message: "Invalid subscription id.",
      });
    }
    expect((await call(id, "blockSubscribe", []))?.error?.code).toBe(-32601);
    ws.close();
  });

  it("sendAndConfirm rejects a transaction that fails on chain with the program error", async () => {
    const to = await generateKeyPairSigner();
    const tx = await signedTx(h, payer, [transferIx(payer, to.address, 10n ** 18n)]);
    const err = await h.sendAndConfirm(tx, { commitment: "confirmed", skipPreflight: true }).catch((e: unknown) => e);
    expect(isSolanaError(err)).toBe(true);
  });
});

describe("blockhash expiry", () => {
  it("a transaction whose blockhash expired never lands and kit reports block height exceeded", async () => {
    const { value: latest } = await h.rpc.getLatestBlockhash().send();
    const to = await generateKeyPairSigner();
    const tx = await signedTx(h, payer, [transferIx(payer, to.address, 1_000_000n)], { blockhash: latest });
    while ((await h.rpc.isBlockhashValid(latest.blockhash).send()).value) await new Promise((r) => setTimeout(r, 100));
    expect(await h.rpc.getBlockHeight().send()).toBeGreaterThan(latest.lastValidBlockHeight);
    const preflight = await h.rpc
      .sendTransaction(getBase64EncodedWireTransaction(tx), { encoding: "base64" })
      .send()
      .catch((e: unknown) => e);
    expect(isSolanaError(preflight)).toBe(true);
    expect(isSolanaError((preflight as Error).cause, SOLANA_ERROR__TRANSACTION_ERROR__BLOCKHASH_NOT_FOUND)).toBe(true);
    const confirm = await h
      .sendAndConfirm(tx, { commitment: "confirmed", skipPreflight: true })
      .catch((e: unknown) => e);
    expect(isSolanaError(confirm, SOLANA_ERROR__BLOCK_HEIGHT_EXCEEDED)).toBe(true);
    expect((await h.rpc.getBalance(to.address).send()).value).toBe(0n);
  });
});
