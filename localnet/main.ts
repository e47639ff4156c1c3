// `npx tsx localnet/main.ts`: the localnet and the demo market, in the foreground, until ^C.
// AMPLIFY_HOME picks the data directory (default: .amplify-dev in the repo).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startDemo, startLocalnet } from "./index";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const home = process.env.AMPLIFY_HOME ?? path.join(repoRoot, ".amplify-dev");
const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

const net = await startLocalnet({
  home,
  rpcPort: port("AMPLIFY_RPC_PORT", 8899),
  wsPort: port("AMPLIFY_WS_PORT", 8900),
  blobPort: port("AMPLIFY_BLOB_PORT", 8901),
});
const demo = await startDemo({
  rpcUrl: net.rpcUrl,
  wsUrl: net.wsUrl,
  blobUrl: net.blobUrl,
  home,
  ...(process.env.AMPLIFY_DEMO_WORKER ? { workerAddress: process.env.AMPLIFY_DEMO_WORKER } : {}),
});
console.log(`[localnet] home   ${home}`);
console.log(`[localnet] rpc    ${net.rpcUrl}`);
console.log(`[localnet] pubsub ${net.wsUrl}`);
console.log(`[localnet] blobs  ${net.blobUrl}`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await demo.close();
  await net.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
