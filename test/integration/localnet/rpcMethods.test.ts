// The localnet's JSON-RPC methods named in each test below, called through kit's createSolanaRpc
// unchanged (what the app, the CLI and the demo use; not every method Solana defines).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  address,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getCompiledTransactionMessageEncoder,
  compileTransactionMessage,
  createTransactionMessage,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
  appendTransactionMessageInstruction,
  getBase64Decoder,
  isSolanaError,
  lamports,
  type Base64EncodedWireTransaction,
  type KeyPairSigner,
  type Signature,
  type TransactionMessageBytesBase64,
} from "@solana/kit";
import {
  createAccountIx,
  fundedSigner,
  rawRpc,
  signedTx,
  startHarness,
  transferIx,
  type Harness,
} from "./localnetHarness";

let h: Harness;
let payer: KeyPairSigner;

beforeAll(async () => {
  h = await startHarness({ slotMs: 50 });
  payer = await fundedSigner(h, 100n);
});
afterAll(async () => h.close());

describe("cluster methods", () => {
  it("getHealth, getVersion, getGenesisHash, getIdentity", async () => {
    expect(await h.rpc.getHealth().send()).toBe("ok");
    const version = await h.rpc.getVersion().send();
    expect(typeof version["solana-core"]).toBe("string");
    expect(typeof version["feature-set"]).toBe("number");
    expect(await h.rpc.getGenesisHash().send()).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect((await h.rpc.getIdentity().send()).identity).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
  });

  it("getSlot and getBlockHeight advance with the wall clock", async () => {
    const s1 = await h.rpc.getSlot().send();
    const b1 = await h.rpc.getBlockHeight().send();
    await new Promise((r) => setTimeout(r, 160));
    const s2 = await h.rpc.getSlot().send();
    expect(s2).toBeGreaterThan(s1);
    expect(await h.rpc.getBlockHeight().send()).toBeGreaterThan(b1);
    const epoch = await h.rpc.getEpochInfo().send();
    expect(epoch.absoluteSlot).toBeGreaterThanOrEqual(s2);
    expect(epoch.slotsInEpoch).toBe(432_000n);
  });

  it("getLatestBlockhash gives a hash valid for 150 blocks; isBlockhashValid agrees", async () => {
    const { context, value } = await h.rpc.getLatestBlockhash().send();
    // The context is read after the value, so a slot may pass in between (as on a cluster).
    expect(value.lastValidBlockHeight).toBeLessThanOrEqual(context.slot + 150n);
    expect(value.lastValidBlockHeight).toBeGreaterThanOrEqual(context.slot + 147n);
    expect((await h.rpc.isBlockhashValid(value.blockhash).send()).value).toBe(true);
    const unknown = "4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi" as typeof value.blockhash;
    expect((await h.rpc.isBlockhashValid(unknown).send()).value).toBe(false);
  });

  it("getMinimumBalanceForRentExemption matches the rent formula", async () => {
    expect(await h.rpc.getMinimumBalanceForRentExemption(0n).send()).toBe(890_880n);
    expect(await h.rpc.getMinimumBalanceForRentExemption(100n).send()).toBe(1_586_880n);
  });
});

describe("accounts", () => {
  it("requestAirdrop credits, getBalance reads", async () => {
    const who = await generateKeyPairSigner();
    const sig = await h.rpc.requestAirdrop(who.address, lamports(2_000_000_000n)).send();
    const { value } = await h.rpc.getSignatureStatuses([sig]).send();
    expect(value[0]?.confirmationStatus).toBe("finalized");
    expect(value[0]?.err).toBeNull();
    expect((await h.rpc.getBalance(who.address).send()).value).toBe(2_000_000_000n);
  });

  it("getAccountInfo (base64, base58, dataSlice) and getMultipleAccounts", async () => {
    const missing = await generateKeyPairSigner();
    expect((await h.rpc.getAccountInfo(missing.address, { encoding: "base64" }).send()).value).toBeNull();
    const info = (await h.rpc.getAccountInfo(payer.address, { encoding: "base64" }).send()).value;
    expect(info?.owner).toBe("11111111111111111111111111111111");
    expect(info?.data).toEqual(["", "base64"]);
    expect(info?.space).toBe(0n);
    expect(info?.executable).toBe(false);
    const b58 = (await h.rpc.getAccountInfo(payer.address, { encoding: "base58" }).send()).value;
    expect(b58?.data).toEqual(["", "base58"]);
    const multi = await h.rpc.getMultipleAccounts([payer.address, missing.address], { encoding: "base64" }).send();
    expect(multi.value).toHaveLength(2);
    expect(multi.value[0]?.lamports).toBeGreaterThan(0n);
    expect(multi.value[1]).toBeNull();
  });

  it("getProgramAccounts with dataSize, memcmp and dataSlice", async () => {
    const owner = (await generateKeyPairSigner()).address;
    const a = await generateKeyPairSigner();
    const b = await generateKeyPairSigner();
    const rent = 10_000_000n;
    const tx = await signedTx(h, payer, [
      createAccountIx(payer, a, rent, 10, owner),
      createAccountIx(payer, b, rent, 20, owner),
    ]);
    await h.sendAndConfirm(tx, { commitment: "confirmed" });
    const all = await h.rpc.getProgramAccounts(owner, { encoding: "base64" }).send();
    expect(all.map((x) => x.pubkey).sort()).toEqual([a.address, b.address].sort());
    const ten = await h.rpc.getProgramAccounts(owner, { encoding: "base64", filters: [{ dataSize: 10n }] }).send();
    expect(ten.map((x) => x.pubkey)).toEqual([a.address]);
    const zeros = await h.rpc
      .getProgramAccounts(owner, {
        encoding: "base64",
        filters: [{ memcmp: { offset: 16n, bytes: "1111" as never, encoding: "base58" } }],
      })
      .send();
    expect(zeros.map((x) => x.pubkey)).toEqual([b.address]);
    const none = await h.rpc
      .getProgramAccounts(owner, {
        encoding: "base64",
        filters: [{ memcmp: { offset: 0n, bytes: "AQ==" as never, encoding: "base64" } }],
      })
      .send();
    expect(none).toEqual([]);
    const sliced = await h.rpc
      .getProgramAccounts(owner, { encoding: "base64", dataSlice: { offset: 2, length: 4 }, withContext: true })
      .send();
    expect(sliced.context.slot).toBeGreaterThan(0n);
    for (const x of sliced.value)
      expect(x.account.data).toEqual([getBase64Decoder().decode(new Uint8Array(4)), "base64"]);
  });
});

describe("transactions", () => {
  it("sendAndConfirmTransactionFactory confirms a transfer; getTransaction and getSignaturesForAddress find it", async () => {
    const to = await generateKeyPairSigner();
    const tx = await signedTx(h, payer, [transferIx(payer, to.address, 1_000_000n)]);
    await h.sendAndConfirm(tx, { commitment: "confirmed" });
    expect((await h.rpc.getBalance(to.address).send()).value).toBe(1_000_000n);
    const sig = Object.values(tx.signatures)[0];
    expect(sig).toBeTruthy();
    const signatures = await h.rpc.getSignaturesForAddress(to.address).send();
    expect(signatures).toHaveLength(1);
    const signature = signatures[0]?.signature as Signature;
    expect(signatures[0]?.confirmationStatus).toBe("finalized");
    const got = await h.rpc.getTransaction(signature, { maxSupportedTransactionVersion: 0, encoding: "json" }).send();
    expect(got?.meta?.err).toBeNull();
    expect(got?.meta?.fee).toBe(5000n);
    expect(got?.version).toBe(0);
    expect(got?.transaction.message.accountKeys).toContain(to.address);
    expect(got?.meta?.logMessages?.[0]).toContain("invoke [1]");
    const b64 = await h.rpc.getTransaction(signature, { maxSupportedTransactionVersion: 0, encoding: "base64" }).send();
    expect(b64?.transaction[1]).toBe("base64");
    await expect(h.rpc.getTransaction(signature, { encoding: "json" }).send()).rejects.toSatisfy(
      (e: unknown) => isSolanaError(e) && (e.context as { __code?: number }).__code === -32015,
    );
    const statuses = await h.rpc.getSignatureStatuses([signature], { searchTransactionHistory: true }).send();
    expect(statuses.value[0]?.status ?? statuses.value[0]?.err).toBeDefined();
  });

  it("getSignaturesForAddress pages with limit and before", async () => {
    const to = await generateKeyPairSigner();
    for (let i = 0; i < 3; i++) {
      await h.sendAndConfirm(
        await signedTx(h, payer, [transferIx(payer, to.address, 1_000_000n + BigInt(i))], { version: "legacy" }),
        { commitment: "confirmed" },
      );
    }
    const all = await h.rpc.getSignaturesForAddress(to.address).send();
    expect(all).toHaveLength(3);
    const firstPage = await h.rpc.getSignaturesForAddress(to.address, { limit: 2 }).send();
    expect(firstPage.map((x) => x.signature)).toEqual(all.slice(0, 2).map((x) => x.signature));
    const rest = await h.rpc
      .getSignaturesForAddress(to.address, { before: firstPage[1]?.signature as Signature })
      .send();
    expect(rest.map((x) => x.signature)).toEqual([all[2]?.signature]);
    const legacy = await h.rpc.getTransaction(all[0]?.signature as Signature, { encoding: "json" }).send();
    expect(legacy?.transaction.message.recentBlockhash).toBeTruthy();
  });

  it("simulateTransaction: success, failure, unsigned with sigVerify off, replaceRecentBlockhash", async () => {
    const to = await generateKeyPairSigner();
    const ok = await signedTx(h, payer, [transferIx(payer, to.address, 5_000_000n)]);
    const sim = await h.rpc
      .simulateTransaction(getBase64EncodedWireTransaction(ok), {
        encoding: "base64",
        accounts: { addresses: [to.address], encoding: "base64" },
      })
      .send();
    expect(sim.value.err).toBeNull();
    expect(sim.value.unitsConsumed).toBeGreaterThan(0n);
    expect(sim.value.accounts?.[0]?.lamports).toBe(5_000_000n);
    expect((await h.rpc.getBalance(to.address).send()).value).toBe(0n);
    const tooMuch = await signedTx(h, payer, [transferIx(payer, to.address, 10n ** 18n)]);
    const failed = await h.rpc
      .simulateTransaction(getBase64EncodedWireTransaction(tooMuch), { encoding: "base64" })
      .send();
    expect(failed.value.err).toEqual({ InstructionError: [0n, { Custom: 1n }] });
    expect(failed.value.logs?.join("\n")).toContain("insufficient lamports");
    const unsignedWire = { ...ok, signatures: { [payer.address]: null } };
    const unsigned = await h.rpc
      .simulateTransaction(getBase64EncodedWireTransaction(unsignedWire as typeof ok), {
        encoding: "base64",
        sigVerify: false,
      })
      .send();
    expect(unsigned.value.err).toBeNull();
    const stale = await signedTx(h, payer, [transferIx(payer, to.address, 1_000_000n)], {
      blockhash: { blockhash: "4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi", lastValidBlockHeight: 0n },
    });
    const replaced = await h.rpc
      .simulateTransaction(getBase64EncodedWireTransaction(stale), { encoding: "base64", replaceRecentBlockhash: true })
      .send();
    expect(replaced.value.err).toBeNull();
    expect(replaced.value.replacementBlockhash?.blockhash).toBeTruthy();
    const notReplaced = await h.rpc
      .simulateTransaction(getBase64EncodedWireTransaction(stale), { encoding: "base64" })
      .send();
    expect(notReplaced.value.err).toBe("BlockhashNotFound");
  });

  it("sendTransaction: preflight failure (-32002), bad signature (-32003), duplicate", async () => {
    const to = await generateKeyPairSigner();
    const tooMuch = await signedTx(h, payer, [transferIx(payer, to.address, 10n ** 18n)]);
    const err = await h.rpc
      .sendTransaction(getBase64EncodedWireTransaction(tooMuch), { encoding: "base64" })
      .send()
      .catch((e: unknown) => e);
    expect(isSolanaError(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(/simulation failed|preflight/i);
    const before = (await h.rpc.getBalance(payer.address).send()).value;
    const good = await signedTx(h, payer, [transferIx(payer, to.address, 1_000_000n)]);
    const forged = { ...good, signatures: { [payer.address]: new Uint8Array(64).fill(7) } } as unknown as typeof good;
    const sigErr = await h.rpc
      .sendTransaction(getBase64EncodedWireTransaction(forged), { encoding: "base64" })
      .send()
      .catch((e: unknown) => e);
    expect(isSolanaError(sigErr) && (sigErr.context as { __code?: number }).__code).toBe(-32003);
    expect((await h.rpc.getBalance(payer.address).send()).value).toBe(before);
    // skipPreflight lands a failing transaction: its fee is charged and its status carries the error.
    const landed = await h.rpc
      .sendTransaction(getBase64EncodedWireTransaction(tooMuch), { encoding: "base64", skipPreflight: true })
      .send();
    const status = (await h.rpc.getSignatureStatuses([landed]).send()).value[0];
    expect(status?.err).toEqual({ InstructionError: [0n, { Custom: 1n }] });
    expect((await h.rpc.getBalance(payer.address).send()).value).toBe(before - 5000n);
    const dup = await h.rpc
      .sendTransaction(getBase64EncodedWireTransaction(tooMuch), { encoding: "base64" })
      .send()
      .catch((e: unknown) => e);
    expect(String((dup as Error).message)).toMatch(/simulation failed|preflight/i);
  });

  it("getFeeForMessage prices a message", async () => {
    const { value: latest } = await h.rpc.getLatestBlockhash().send();
    const msg = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayer(payer.address, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
      (m) => appendTransactionMessageInstruction(transferIx(payer, address("11111111111111111111111111111112"), 1n), m),
    );
    const bytes = getCompiledTransactionMessageEncoder().encode(compileTransactionMessage(msg));
    const fee = await h.rpc.getFeeForMessage(getBase64Decoder().decode(bytes) as TransactionMessageBytesBase64).send();
    expect(fee.value).toBe(5000n);
  });
});

describe("JSON-RPC errors", () => {
  it("unknown method is -32601, malformed params -32602, bad JSON -32700", async () => {
    expect(await rawRpc(h.net.rpcUrl, { jsonrpc: "2.0", id: 1, method: "getNothing" })).toEqual({
      jsonrpc: "2.0",
      error: { code: -32601, message: "Method not found" },
      id: 1,
    });
    const bad = (await rawRpc(h.net.rpcUrl, { jsonrpc: "2.0", id: 2, method: "getBalance", params: ["nope"] })) as {
      error: { code: number };
    };
    expect(bad.error.code).toBe(-32602);
    const wrongType = (await rawRpc(h.net.rpcUrl, { jsonrpc: "2.0", id: 3, method: "getBalance", params: [1] })) as {
      error: { code: number };
    };
    expect(wrongType.error.code).toBe(-32602);
    expect(((await rawRpc(h.net.rpcUrl, "{nope")) as { error: { code: number } }).error.code).toBe(-32700);
    const batch = (await rawRpc(h.net.rpcUrl, [
      { jsonrpc: "2.0", id: 1, method: "getSlot" },
      { jsonrpc: "2.0", id: 2, method: "getHealth" },
    ])) as Array<{ result: unknown }>;
    expect(batch[1]?.result).toBe("ok");
    const viaKit = await h.rpc
      .getBalance("nope" as never)
      .send()
      .catch((e: unknown) => e);
    expect(isSolanaError(viaKit)).toBe(true);
  });

  it("a base64 wire transaction that does not decode is -32602", async () => {
    const res = (await rawRpc(h.net.rpcUrl, {
      jsonrpc: "2.0",
      id: 1,
      method: "sendTransaction",
      params: ["AQID" as Base64EncodedWireTransaction, { encoding: "base64" }],
    })) as { error: { code: number } };
    expect(res.error.code).toBe(-32602);
  });
});
