// The demo market for `npm start`: a funded demo requester posts the demo campaigns (once;
// later starts resume or find them done), the demo worker gets SOL, and the requester's key
// service grants keys for the private campaign as the worker accepts.
import path from "node:path";
import { lamports, type Address } from "@solana/kit";
import {
  AmplifyChain,
  createCampaign,
  loadKeyFile,
  newKeyFile,
  startKeyService,
  type RequesterKeys,
} from "../../lib/requester";
import { createModerationCampaign } from "../../lib/requester/moderation";
import { writeDemoModerationFiles } from "./demoModeration";
import { DEMO_CAMPAIGNS, writeDemoCampaignFiles } from "./demoCampaigns";
import { resolveModel } from "../../lib/requester";
import type { CampaignFirstGuess } from "../../shared/api/first-guess";
import { DEMO_PHOTO_MAPPING, writeDemoPhotoFiles } from "./demoPhotos";

export interface DemoOptions {
  rpcUrl: string;
  wsUrl: string;
  blobUrl: string;
  home: string;
  /** The app's worker wallet, to fund so it can pay transaction fees. */
  workerAddress?: string;
  log?: (line: string) => void;
}

export interface Demo {
  requester: Address;
  campaigns: Address[];
  close(): Promise<void>;
}

const SOL = 1_000_000_000n;

export async function startDemo(opts: DemoOptions): Promise<Demo> {
  const log = opts.log ?? ((line: string) => console.log(`[demo] ${line}`));
  const dir = path.join(opts.home, "demo");
  const keyFile = path.join(dir, "requester.json");
  let keys: RequesterKeys;
  try {
    keys = await loadKeyFile(keyFile);
  } catch {
    keys = await newKeyFile(keyFile);
  }
  const chain = new AmplifyChain({ rpcUrl: opts.rpcUrl, wsUrl: opts.wsUrl, blobUrl: opts.blobUrl });
  if ((await chain.balance(keys.address)) < 100n * SOL)
    await chain.rpc.requestAirdrop(keys.address, lamports(1000n * SOL)).send();
  if (opts.workerAddress) {
    const worker = opts.workerAddress as Address;
    if ((await chain.balance(worker)) < SOL) await chain.rpc.requestAirdrop(worker, lamports(10n * SOL)).send();
    log(`worker ${worker} funded`);
  }
  const campaigns: Address[] = [];
  const specs: {
    spec: (typeof DEMO_CAMPAIGNS)[number];
    files: ReturnType<typeof writeDemoCampaignFiles>;
    firstGuess?: CampaignFirstGuess;
  }[] = DEMO_CAMPAIGNS.map((spec) => ({
    spec,
    files: writeDemoCampaignFiles(spec, path.join(dir, "campaigns", spec.key)),
  }));
  const photos = writeDemoPhotoFiles(path.join(dir, "campaigns", "photos"));
  if (photos) {
    specs.push({
      spec: {
        key: "photos",
        title: "Demo: box the objects in real photos (first guesses)",
        instructions: "",
        tool: "box",
        isPrivate: false,
        priceLamports: 3_000_000n,
        replication: 2,
        seeds: [],
      },
      files: photos,
      firstGuess: await demoFirstGuess(log),
    });
  } else log("no demo photos in assets/demo/photos: scene campaigns only");
  for (const { spec, files, firstGuess } of specs) {
    const created = await createCampaign({
      chain,
      keys,
      stateDir: path.join(dir, "state"),
      imagesDir: files.images,
      labelsFile: files.labels,
      goldFile: files.gold,
      priceLamports: spec.priceLamports,
      minRating: 0,
      maxShareBps: 5_000,
      replication: spec.replication,
      isPrivate: spec.isPrivate,
      deadlineSeconds: 365 * 86_400,
      ...(firstGuess ? { firstGuess } : {}),
    });
    campaigns.push(created.campaign);
    log(
      `${created.resumed ? "campaign ready" : "campaign created"}: ${spec.title} (${created.taskCount} tasks) ${created.campaign}`,
    );
  }
  // A small moderation campaign: photos and scenes blurred until revealed, and hostile texts.
  const moderation = writeDemoModerationFiles(path.join(dir, "campaigns", "moderation"));
  const moderated = await createModerationCampaign({
    chain,
    keys,
    stateDir: path.join(dir, "state"),
    items: moderation.items,
    policy: moderation.policy,
    priceLamports: 1_000_000n,
    minRating: 0,
    maxShareBps: 10_000,
    replication: 2,
    isPrivate: true,
    deadlineSeconds: 365 * 86_400,
  });
  campaigns.push(moderated.campaign);
  log(
    `${moderated.resumed ? "campaign ready" : "campaign created"}: moderation (${moderated.taskCount} items) ${moderated.campaign}`,
  );
  const keyService = await startKeyService({ chain, keys, pollMs: 1000, log: (line) => log(`key service: ${line}`) });
  return {
    requester: keys.address,
    campaigns,
    close: () => keyService.close(),
  };
}

/** The shipped model, verified, recommended by its manifest hash; none when it is missing or broken. */
async function demoFirstGuess(log: (line: string) => void): Promise<CampaignFirstGuess | undefined> {
  try {
    const model = await resolveModel("default");
    log(`photo campaign recommends first guesses from ${model.id ?? model.hash}`);
    return { model: model.hash, mapping: { ...DEMO_PHOTO_MAPPING } };
  } catch (error) {
    log(`photo campaign without first guesses: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
