// A worker process for the SIGKILL trials: opens core on a data dir, unlocks, lets the sync
// loop run, and says "ready". The parent kills it with SIGKILL at a random moment.
import { createCore } from "../../../electron/core";

const [dataDir, rpcUrl, blobUrl, wsUrl, passphrase] = process.argv.slice(2);
if (!dataDir || !rpcUrl || !blobUrl || !wsUrl || !passphrase)
  throw new Error("usage: sync-child <dataDir> <rpcUrl> <blobUrl> <wsUrl> <passphrase>");

const core = createCore({
  identity: { name: "Amplify Workstation", version: "test", shell: "browser", dataDir },
  background: true,
  wsUrl,
  log: () => {},
});
// The RPC endpoint the parent chose (the cluster, or a proxy that stops the child at a set point).
const rpc = await core.dispatch("settings:update", { rpcUrl });
if (!rpc.ok) throw new Error(`settings failed: ${rpc.error.message}`);
const unlock = await core.dispatch("keys:unlock", { passphrase });
if (!unlock.ok) throw new Error(`unlock failed: ${unlock.error.message}`);
process.stdout.write("ready\n");
setInterval(() => {
  void core.dispatch("outbox:summary", undefined).then((reply) => {
    if (reply.ok) process.stdout.write(`summary ${Date.now()} ${JSON.stringify(reply.value)}\n`);
  });
}, 200);
