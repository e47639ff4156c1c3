// Starts a throwaway localnet on random ports and gives tests kit clients plus helpers for
// System Program transactions, so each test file exercises the server only through kit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  AccountRole,
  address,
  getAddressEncoder,
  appendTransactionMessageInstructions,
  blockhash,
  createSolanaRpc,
  createSolanaRpcSubscriptions,
  createTransactionMessage,
  devnet,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  lamports,
  pipe,
  sendAndConfirmTransactionFactory,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type AccountSignerMeta,
  type Address,
  type Instruction,
  type KeyPairSigner,
  type Signature,
} from "@solana/kit";
import { startLocalnet, type Localnet, type LocalnetOptions } from "../../../localnet";

export const SYSTEM_PROGRAM = address("11111111111111111111111111111111");

export interface Harness {
  net: Localnet;
  home: string;
  rpc: ReturnType<typeof createSolanaRpc<ReturnType<typeof devnet>>>;
  subs: ReturnType<typeof createSolanaRpcSubscriptions<ReturnType<typeof devnet>>>;
  sendAndConfirm: ReturnType<typeof sendAndConfirmTransactionFactory>;
  close(): Promise<void>;
}

export type ConfirmableTransaction = Parameters<ReturnType<typeof sendAndConfirmTransactionFactory>>[0];

export function tempHome(prefix = "amplify-localnet-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHarness(opts: Partial<LocalnetOptions> = {}): Promise<Harness> {
  const home = opts.home ?? tempHome();
  const net = await startLocalnet({ rpcPort: 0, wsPort: 0, blobPort: 0, programs: [], log: () => {}, ...opts, home });
  const rpc = createSolanaRpc(devnet(net.rpcUrl));
  const subs = createSolanaRpcSubscriptions(devnet(net.wsUrl));
  return {
    net,
    home,
    rpc,
    subs,
    sendAndConfirm: sendAndConfirmTransactionFactory({ rpc, rpcSubscriptions: subs }),
    close: () => net.close(),
  };
}

function signerMeta(signer: KeyPairSigner): AccountSignerMeta {
  return { address: signer.address, role: AccountRole.WRITABLE_SIGNER, signer };
}

export function transferIx(from: KeyPairSigner, to: Address, amount: bigint): Instruction {
  const data = new Uint8Array(12);
  const view = new DataView(data.buffer);
  view.setUint32(0, 2, true);
  view.setBigUint64(4, amount, true);
  return {
    programAddress: SYSTEM_PROGRAM,
    accounts: [signerMeta(from), { address: to, role: AccountRole.WRITABLE }],
    data,
  };
}

export function createAccountIx(
  from: KeyPairSigner,
  account: KeyPairSigner,
  amount: bigint,
  space: number,
  owner: Address,
): Instruction {
  const data = new Uint8Array(52);
  const view = new DataView(data.buffer);
  view.setUint32(0, 0, true);
  view.setBigUint64(4, amount, true);
  view.setBigUint64(12, BigInt(space), true);
  data.set(getAddressEncoder().encode(owner), 20);
  return {
    programAddress: SYSTEM_PROGRAM,
    accounts: [signerMeta(from), signerMeta(account)],
    data,
  };
}

export async function signedTx(
  h: Harness,
  payer: KeyPairSigner,
  ixs: Instruction[],
  opts: { version?: "legacy" | 0; blockhash?: { blockhash: string; lastValidBlockHeight: bigint } } = {},
): Promise<ConfirmableTransaction> {
  const latest = opts.blockhash
    ? { blockhash: blockhash(opts.blockhash.blockhash), lastValidBlockHeight: opts.blockhash.lastValidBlockHeight }
    : (await h.rpc.getLatestBlockhash().send()).value;
  const msg = pipe(
    createTransactionMessage({ version: opts.version ?? 0 }),
    (m) => setTransactionMessageFeePayerSigner(payer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
    (m) => appendTransactionMessageInstructions(ixs, m),
  );
  // kit's signer helper widens the lifetime to blockhash-or-nonce; this one is a blockhash.
  return (await signTransactionMessageWithSigners(msg)) as ConfirmableTransaction;
}

export async function fundedSigner(h: Harness, sol = 10n): Promise<KeyPairSigner> {
  const signer = await generateKeyPairSigner();
  const sig = await h.rpc.requestAirdrop(signer.address, lamports(sol * 1_000_000_000n)).send();
  await waitForSignature(h, sig);
  return signer;
}

export async function waitForSignature(h: Harness, signature: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { value } = await h.rpc.getSignatureStatuses([signature as Signature]).send();
    if (value[0]) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`signature ${signature} never landed`);
}

export { getBase64EncodedWireTransaction };

/** Posts a raw JSON-RPC body, for the framing errors kit never produces. */
export async function rawRpc(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return res.json();
}
