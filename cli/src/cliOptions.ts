// Where the CLI finds the cluster, the blob store, the wallet and its own state: flags,
// then environment, then the localnet defaults.
import os from "node:os";
import path from "node:path";

export interface GlobalOptions {
  rpcUrl: string;
  wsUrl: string;
  blobUrl: string;
  keypair: string;
  stateDir: string;
}

export function resolveGlobals(flags: {
  rpc?: string | undefined;
  ws?: string | undefined;
  blobs?: string | undefined;
  keypair?: string | undefined;
  state?: string | undefined;
}): GlobalOptions {
  const env = process.env;
  const base = env.AMPLIFY_HOME
    ? path.join(env.AMPLIFY_HOME, "requester")
    : path.join(os.homedir(), ".config", "amplify");
  const rpcUrl = flags.rpc ?? env.AMPLIFY_RPC_URL ?? "http://127.0.0.1:8899";
  const derivedWs = rpcUrl
    .replace(/^http/, "ws")
    .replace(/:(\d+)(\/?)$/, (_m, p: string, s: string) => `:${Number(p) + 1}${s}`);
  return {
    rpcUrl,
    wsUrl: flags.ws ?? env.AMPLIFY_WS_URL ?? derivedWs,
    blobUrl: flags.blobs ?? env.AMPLIFY_BLOB_URL ?? "http://127.0.0.1:8901",
    keypair: flags.keypair ?? env.AMPLIFY_KEYPAIR ?? path.join(base, "requester.json"),
    stateDir: flags.state ?? env.AMPLIFY_REQUESTER_STATE ?? base,
  };
}
