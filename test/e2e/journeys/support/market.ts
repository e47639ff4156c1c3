import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lamports } from "@solana/kit";
import type { Address } from "@solana/kit";
import { AmplifyChain, createCampaign, newKeyFile, startKeyService } from "../../../../lib/requester";
import type { CreatedCampaign, KeyService, RequesterKeys } from "../../../../lib/requester";
import { startLocalnet } from "../../../../localnet";
import type { Localnet } from "../../../../localnet";
import type { DemoCampaignSpec } from "../../../../localnet/demo/demoCampaigns";
import { writeDemoCampaignFiles } from "../../../../localnet/demo/demoCampaigns";
import { waitFor } from "../../../support/wait-for";

const SOL = 1_000_000_000n;

export interface Market {
  /** The running localnet; replaced by restartNetwork(). */
  readonly net: Localnet;
  readonly chain: AmplifyChain;
  readonly requester: RequesterKeys;
  readonly home: string;
  /** Environment for an app process that should use this market. */
  readonly appEnv: Record<string, string>;
  post(
    spec: Partial<DemoCampaignSpec> & Pick<DemoCampaignSpec, "key" | "seeds">,
    replication?: number,
  ): Promise<CreatedCampaign>;
  startKeyService(): Promise<KeyService>;
  /** Takes the whole network down (RPC, PubSub, blob store), as a lost connection would. */
  stopNetwork(): Promise<void>;
  /** Brings it back on the same ports with the same ledger, as after an outage. */
  restartNetwork(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A whole market on loopback for one test file: the real localnet (program in LiteSVM, RPC,
 * PubSub, blob store) on random ports, and a funded requester using the CLI's library.
 */
export async function startMarket(): Promise<Market> {
  const home = mkdtempSync(join(tmpdir(), "amplify-market-"));
  let net = await startLocalnet({ home, rpcPort: 0, wsPort: 0, blobPort: 0, log: () => {} });
  const ports = { rpcPort: portOf(net.rpcUrl), wsPort: portOf(net.wsUrl), blobPort: portOf(net.blobUrl) };
  let running = true;
  const chain = new AmplifyChain({ rpcUrl: net.rpcUrl, wsUrl: net.wsUrl, blobUrl: net.blobUrl });
  const requester = await newKeyFile(join(home, "requester.json"));
  await chain.rpc.requestAirdrop(requester.address, lamports(1000n * SOL)).send();
  await waitFor("the requester's airdrop", async () => (await chain.balance(requester.address)) > 0n);
  const services: KeyService[] = [];
  return {
    get net() {
      return net;
    },
    chain,
    requester,
    home,
    appEnv: { AMPLIFY_RPC_URL: net.rpcUrl, AMPLIFY_WS_URL: net.wsUrl, AMPLIFY_BLOB_URL: net.blobUrl },
    async post(partial, replication = 1) {
      const spec: DemoCampaignSpec = {
        title: `Journey ${partial.key}`,
        instructions: "Box every shape.",
        tool: "box",
        isPrivate: false,
        priceLamports: 5_000_000n,
        replication,
        ...partial,
      };
      const files = writeDemoCampaignFiles(spec, join(home, "campaigns", spec.key));
      return createCampaign({
        chain,
        keys: requester,
        stateDir: join(home, "state"),
        imagesDir: files.images,
        labelsFile: files.labels,
        priceLamports: spec.priceLamports,
        minRating: 0,
        maxShareBps: 10_000,
        replication: spec.replication,
        isPrivate: spec.isPrivate,
        deadlineSeconds: 86_400,
      });
    },
    async startKeyService() {
      const service = await startKeyService({ chain, keys: requester, pollMs: 500 });
      services.push(service);
      return service;
    },
    async stopNetwork() {
      if (!running) return;
      running = false;
      await net.close();
    },
    async restartNetwork() {
      if (running) return;
      net = await startLocalnet({ home, ...ports, log: () => {} });
      running = true;
    },
    async close() {
      for (const s of services) await s.close();
      if (running) await net.close();
    },
  };
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

export { waitFor } from "../../../support/wait-for";

export type { Address };
