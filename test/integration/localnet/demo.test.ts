// `npm start`'s market: the demo posts its campaigns, funds the worker, and its key service
// grants a private task's key within a second of the accept.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateKeyPairSigner, type Address } from "@solana/kit";
import { startDemo, startLocalnet, type Demo, type Localnet } from "../../../localnet";
import { requireAmplifyProgram } from "../../support/amplify-program";
import { AmplifyChain, getBlob } from "../../../lib/requester";
import { CampaignMetadata } from "../../../shared/api/tasks";
import {
  AssignmentState,
  findAssignmentPda,
  getAcceptTaskInstruction,
  getRegisterWorkerInstruction,
} from "../../../shared/protocol";
import { generateX25519KeyPair } from "../../../lib/crypto";
import { tempHome } from "./localnetHarness";

requireAmplifyProgram();
let net: Localnet;
let demo: Demo;
let chain: AmplifyChain;

beforeAll(async () => {
  const home = tempHome();
  net = await startLocalnet({ home, rpcPort: 0, wsPort: 0, blobPort: 0, slotMs: 100, log: () => {} });
  chain = new AmplifyChain({ rpcUrl: net.rpcUrl, wsUrl: net.wsUrl, blobUrl: net.blobUrl });
  worker = await generateKeyPairSigner();
  demo = await startDemo({
    rpcUrl: net.rpcUrl,
    wsUrl: net.wsUrl,
    blobUrl: net.blobUrl,
    home: path.join(home),
    workerAddress: worker.address,
    log: () => {},
  });
});
afterAll(async () => {
  await demo?.close();
  await net?.close();
});

let worker: Awaited<ReturnType<typeof generateKeyPairSigner>>;

it("posts public and private campaigns for boxes, polygons and classes, and funds the worker", async () => {
  const campaigns = await chain.campaigns(demo.requester);
  expect(campaigns.length).toBeGreaterThanOrEqual(3); // a fourth, of real photos, when assets/demo/photos ships
  expect(campaigns.some((c) => c.account.isPrivate)).toBe(true);
  expect(campaigns.some((c) => !c.account.isPrivate)).toBe(true);
  for (const c of campaigns) expect((await chain.tasks(c.address)).length).toBe(c.account.taskCount);
  expect(await chain.balance(worker.address)).toBeGreaterThan(0n);
});

it("has the real-photo campaign recommend the shipped detector by manifest hash, with its class mapping", async () => {
  const shipped = createHash("sha256")
    .update(readFileSync(path.resolve("assets/models/centernet/manifest.json")))
    .digest("hex");
  const metas = await Promise.all(
    (await chain.campaigns(demo.requester)).map(async (c) =>
      CampaignMetadata.parse(
        JSON.parse(
          new TextDecoder().decode(
            await getBlob(c.account.metadataUri, Buffer.from(c.account.labelSchemaHash).toString("hex")),
          ),
        ),
      ),
    ),
  );
  const photos = metas.filter((m) => m.firstGuess);
  expect(photos).toHaveLength(1);
  expect(photos[0]?.firstGuess).toEqual({
    model: shipped,
    mapping: { person: "person", cat: "cat", dog: "dog", cup: "cup", spoon: "spoon" },
  });
});

it("posts a private moderation campaign of images and hostile texts under a policy", async () => {
  const campaigns = await chain.campaigns(demo.requester);
  const metas = await Promise.all(
    campaigns.map(async (c) => ({
      c,
      meta: CampaignMetadata.parse(
        JSON.parse(
          new TextDecoder().decode(
            await getBlob(c.account.metadataUri, Buffer.from(c.account.labelSchemaHash).toString("hex")),
          ),
        ),
      ),
    })),
  );
  const moderation = metas.filter((m) => m.meta.moderation);
  expect(moderation).toHaveLength(1);
  const [{ c, meta }] = moderation as [(typeof moderation)[number]];
  expect(meta.labelKind).toBe("moderation");
  expect(c.account.isPrivate).toBe(true);
  expect(meta.moderation?.policy.categories.map((x) => x.id)).toEqual([
    "ok",
    "spam",
    "harassment",
    "hate",
    "violence",
    "adult",
    "illegal",
  ]);
  // 8 images (the shipped photos, then generated scenes) and 9 texts, 6 of them hostile.
  expect(c.account.taskCount).toBe(17);
});

it("grants the worker's key for a private task once the worker accepts", async () => {
  const box = generateX25519KeyPair();
  await chain.send(worker, [await getRegisterWorkerInstruction({ worker, x25519PublicKey: box.publicKey })]);
  const privateCampaign = (await chain.campaigns(demo.requester)).find((c) => c.account.isPrivate);
  const campaign = privateCampaign?.address as Address;
  const task = (await chain.tasks(campaign))[0];
  if (!task) throw new Error("no task");
  await chain.send(worker, [await getAcceptTaskInstruction({ worker, campaign, taskIndex: task.index })]);
  const accepted = Date.now();
  const [assignment] = await findAssignmentPda(campaign, task.index, worker.address);
  let state = 0;
  while (Date.now() - accepted < 30_000) {
    state = (await chain.assignments(campaign)).find((a) => a.address === assignment)?.account.state ?? 0;
    if (state === AssignmentState.KeyGranted) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  // How fast the grant follows is a figure for bench/, not a pass/fail here.
  expect(state).toBe(AssignmentState.KeyGranted);
});
