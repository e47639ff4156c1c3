// Localnet figures (run: npx tsx bench/localnet/run.ts). Prints, does not judge:
// - transfers confirmed per second through kit (sequential sendAndConfirm, and 8 in flight),
//   every one durably committed (WAL, synchronous=FULL) before its reply;
// - a 600-image campaign created through the requester library (upload + create + add_tasks);
// - getProgramAccounts with a memcmp filter over that campaign's tasks;
// - restart time with that ledger.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  appendTransactionMessageInstruction,
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
  AccountRole,
  address,
} from "@solana/kit";
import nacl from "tweetnacl";
import { startLocalnet } from "../../localnet";
import { handleRpcPayload } from "../../localnet/rpc/httpServer";
import { getBase64Decoder } from "@solana/kit";
import { generateScene } from "../../localnet/demo/sceneGenerator";
import { AmplifyChain, createCampaign, keysFromSecret } from "../../lib/requester";
import { AMPLIFY_PROGRAM_ADDRESS } from "../../shared/protocol";

const home = fs.mkdtempSync(path.join(os.tmpdir(), "amplify-bench-localnet-"));
const net = await startLocalnet({ home, rpcPort: 0, wsPort: 0, blobPort: 0, log: () => {} });
const rpc = createSolanaRpc(devnet(net.rpcUrl));
const subs = createSolanaRpcSubscriptions(devnet(net.wsUrl));
const sendAndConfirm = sendAndConfirmTransactionFactory({ rpc, rpcSubscriptions: subs });
const payer = await generateKeyPairSigner();
await rpc.requestAirdrop(payer.address, lamports(1_000_000_000_000n)).send();
const to = address("11111111111111111111111111111112");
let n = 0;

async function transfer() {
  const data = new Uint8Array(12);
  new DataView(data.buffer).setUint32(0, 2, true);
  new DataView(data.buffer).setBigUint64(4, 1_000_000n + BigInt(n++), true);
  const { value: latest } = await rpc.getLatestBlockhash().send();
  const msg = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(payer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
    (m) =>
      appendTransactionMessageInstruction(
        {
          programAddress: address("11111111111111111111111111111111"),
          accounts: [
            { address: payer.address, role: AccountRole.WRITABLE_SIGNER, signer: payer },
            { address: to, role: AccountRole.WRITABLE },
          ] as never,
          data,
        },
        m,
      ),
  );
  return signTransactionMessageWithSigners(msg);
}

const SEQ = 300;
let t0 = performance.now();
for (let i = 0; i < SEQ; i++) await sendAndConfirm((await transfer()) as never, { commitment: "confirmed" });
const seqRate = SEQ / ((performance.now() - t0) / 1000);
console.log(`sequential sendAndConfirm (kit, PubSub confirmation): ${seqRate.toFixed(0)} tx/s (${SEQ} transfers)`);

const PAR = 1000;
const txs = await Promise.all(Array.from({ length: PAR }, () => transfer()));
t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < txs.length) {
      const tx = txs[next++];
      if (tx) await rpc.sendTransaction(getBase64EncodedWireTransaction(tx), { encoding: "base64" }).send();
    }
  }),
);
const parRate = PAR / ((performance.now() - t0) / 1000);
console.log(
  `sendTransaction with preflight, 8 in flight: ${parRate.toFixed(0)} tx/s (${PAR} transfers, each durable before its reply)`,
);

// Server side alone: the JSON-RPC handler in-process, 1000 faucet transfers in one burst.
{
  const bh = net.ledger.latestBlockhash().blockhash;
  const b64 = getBase64Decoder();
  const wires = Array.from({ length: 1000 }, (_, i) =>
    b64.decode(net.ledger.faucet.transfer(to, 2_000_000n + BigInt(i), bh)),
  );
  const t = performance.now();
  await Promise.all(
    wires.map((w, i) =>
      handleRpcPayload(net.ledger, {
        jsonrpc: "2.0",
        id: i,
        method: "sendTransaction",
        params: [w, { encoding: "base64" }],
      }),
    ),
  );
  console.log(
    `server only (handler in-process, preflight + execute + group commit): ${(1000 / ((performance.now() - t) / 1000)).toFixed(0)} tx/s`,
  );
}

const images = path.join(home, "images");
fs.mkdirSync(images);
const IMAGES = 600;
for (let i = 0; i < IMAGES; i++) {
  const s = generateScene(i, { width: 64, height: 48, maxObjects: 2 });
  fs.writeFileSync(path.join(images, s.name), s.png);
}
fs.writeFileSync(path.join(home, "labels.txt"), "square\ntriangle\ncircle\n");
const chain = new AmplifyChain({ rpcUrl: net.rpcUrl, wsUrl: net.wsUrl, blobUrl: net.blobUrl });
const requester = await keysFromSecret(nacl.sign.keyPair().secretKey);
await rpc.requestAirdrop(requester.address, lamports(100_000_000_000n)).send();
t0 = performance.now();
const created = await createCampaign({
  chain,
  keys: requester,
  stateDir: path.join(home, "state"),
  imagesDir: images,
  labelsFile: path.join(home, "labels.txt"),
  priceLamports: 1_000_000n,
  minRating: 0,
  maxShareBps: 10_000,
  replication: 1,
  isPrivate: true,
});
const createS = (performance.now() - t0) / 1000;
console.log(
  `campaign create, ${IMAGES} private images (encrypt + upload + create + add_tasks): ${createS.toFixed(1)} s = ${(IMAGES / createS).toFixed(0)} tasks/s`,
);

t0 = performance.now();
const ROUNDS = 20;
for (let i = 0; i < ROUNDS; i++) await chain.tasks(created.campaign);
console.log(
  `getProgramAccounts (discriminator + campaign memcmp, ${IMAGES} tasks returned): ${((performance.now() - t0) / ROUNDS).toFixed(1)} ms`,
);

const accounts = (
  await rpc
    .getProgramAccounts(AMPLIFY_PROGRAM_ADDRESS, { encoding: "base64", dataSlice: { offset: 0, length: 0 } })
    .send()
).length;
const txCount = await rpc.getTransactionCount().send();
await net.close();
t0 = performance.now();
const again = await startLocalnet({ home, rpcPort: 0, wsPort: 0, blobPort: 0, log: () => {} });
console.log(
  `restart with ${txCount} transactions and ${accounts} program accounts in the ledger: ${(performance.now() - t0).toFixed(0)} ms`,
);
await again.close();
fs.rmSync(home, { recursive: true, force: true });
process.exit(0);
