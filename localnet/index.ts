// The whole market on one machine: Solana JSON-RPC + PubSub over LiteSVM with the Amplify
// program loaded, and the content-addressed blob store, all persisted under `home`.
import path from "node:path";
import { BlobStore, startBlobServer } from "./blobs";
import { bootstrapAmplify, deployGenesisProgram } from "./genesis";
import { bootstrapGovernance } from "./governance-genesis";
import type { GovernanceParameters } from "../shared/protocol";
import { Ledger } from "./ledger/ledger";
import { findAmplifyProgram, type LoadedProgram } from "./programs";
import { startPubsubServer } from "./pubsub/pubsubServer";
import { startRpcServer } from "./rpc/httpServer";

export { Ledger } from "./ledger/ledger";
export type { LoadedProgram } from "./programs";
export { treasuryAddress } from "./genesis";
export { startDemo } from "./demo";
export type { DemoOptions, Demo } from "./demo";

export interface LocalnetOptions {
  /** Data directory (AMPLIFY_HOME or a temp dir): `<home>/ledger` and `<home>/blobs`. */
  home: string;
  rpcPort?: number;
  wsPort?: number;
  blobPort?: number;
  host?: "127.0.0.1";
  /** Milliseconds per slot; 400 like a cluster. Tests shorten it to reach expiry quickly. */
  slotMs?: number;
  /** Programs deployed at genesis through the loader; defaults to the Amplify program when it is built. */
  programs?: LoadedProgram[];
  /** Largest blob the store accepts, in bytes (64 MiB by default). */
  maxBlobBytes?: number;
  /** Overrides of the genesis governance parameters (tests shorten the voting period and timelock). */
  governance?: Partial<GovernanceParameters>;
  log?: (line: string) => void;
}

export interface Localnet {
  rpcUrl: string;
  wsUrl: string;
  blobUrl: string;
  ledger: Ledger;
  close(): Promise<void>;
}

export async function startLocalnet(opts: LocalnetOptions): Promise<Localnet> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? ((line: string) => console.log(`[localnet] ${line}`));
  let programs = opts.programs;
  if (!programs) {
    const found = findAmplifyProgram();
    if ("program" in found) programs = [found.program];
    else {
      programs = [];
      log(`starting without the Amplify program: ${found.missing}`);
    }
  }
  const ledger = new Ledger({ home: path.join(opts.home, "ledger"), slotMs: opts.slotMs ?? 400 });
  const closers: Array<() => Promise<void>> = [];
  try {
    const deployed = [];
    for (const program of programs) deployed.push(await deployGenesisProgram(ledger, program, log));
    if (deployed[0]) {
      await bootstrapAmplify(ledger, deployed[0], log);
      await bootstrapGovernance(ledger, deployed[0], log, opts.governance);
    }
    const rpc = await startRpcServer(ledger, { host, port: opts.rpcPort ?? 8899 });
    closers.push(rpc.close);
    const pubsub = await startPubsubServer(ledger, { host, port: opts.wsPort ?? 8900 });
    closers.push(pubsub.close);
    const blobs = await startBlobServer(new BlobStore(path.join(opts.home, "blobs")), {
      host,
      port: opts.blobPort ?? 8901,
      ...(opts.maxBlobBytes !== undefined ? { maxBytes: opts.maxBlobBytes } : {}),
    });
    closers.push(blobs.close);
    for (const id of deployed) log(`program ${id} ready`);
    return {
      rpcUrl: rpc.url,
      wsUrl: pubsub.url,
      blobUrl: blobs.url,
      ledger,
      async close() {
        await Promise.all(closers.map((c) => c()));
        ledger.close();
      },
    };
  } catch (e) {
    await Promise.all(closers.map((c) => c().catch(() => {})));
    ledger.close();
    throw e;
  }
}
