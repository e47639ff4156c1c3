import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lamports } from "@solana/kit";
import type { Address } from "@solana/kit";
import { AmplifyChain, createCampaign, newKeyFile, startKeyService } from "../../../../cli/src/requester";
import type { CreatedCampaign, KeyService, RequesterKeys } from "../../../../cli/src/requester";
import { startLocalnet } from "../../../../localnet";
import type { Localnet } from "../../../../localnet";
import type { DemoCampaignSpec } from "../../../../localnet/demo/demoCampaigns";
import { writeDemoCampaignFiles } from "../../../../localnet/demo/demoCampaigns";

const SOL = 1_000_000_000n;

export interface Market {
  readonly net: Localnet;
  readonly chain: AmplifyChain;
  readonly requester: RequesterKeys;
  readonly home: string;
  /** Environment for an app process that should use this market. */
  readonly appEnv: Record<string, string>;
  post(spec: Partial<DemoCampaignSpec> & Pick<DemoCampaignSpec, "key" | "seeds">, replication?: number): Promise<CreatedCampaign>;
  startKeyService(): Promise<KeyService>;
  close(): Promise<void>;
}

/**
 * A whole market on loopback for one test file: the real localnet (program in LiteSVM, RPC,
 * PubSub, blob store) on random ports, and a funded requester using the CLI's library.
 */
export async function startMarket(): Promise<Market> {
  const home = mkdtempSync(join(tmpdir(), "amplify-market-"));
  const net = await startLocalnet({ home, rpcPort: 0, wsPort: 0, blobPort: 0, log: () => {} });
  const chain = new AmplifyChain({ rpcUrl: net.rpcUrl, wsUrl: net.wsUrl, blobUrl: net.blobUrl });
  const requester = await newKeyFile(join(home, "requester.json"));
  await chain.rpc.requestAirdrop(requester.address, lamports(1000n * SOL)).send();
  await waitFor(async () => (await chain.balance(requester.address)) > 0n, "the requester's airdrop");
  const services: KeyService[] = [];
  return {
    net,
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
    async close() {
      for (const s of services) await s.close();
      await net.close();
    },
  };
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type { Address };
