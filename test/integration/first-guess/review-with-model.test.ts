// `amplify campaign create --model` recommends a model in the campaign metadata, and
// `amplify review --model` lets that model vote in consensus (weighted below a person) and
// reports each worker's agreement with it apart from their agreement with each other. Real
// localnet, real detector thread, the CLI run in-process.
import fs from "node:fs";
import path from "node:path";
import { generateKeyPairSigner, lamports, type Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AmplifyChain } from "../../../lib/requester";
import { decodeMetadata, getBlob, putBlob } from "../../../lib/requester";
import type { Localnet } from "../../../localnet";
import { requireAmplifyProgram } from "../../support/amplify-program";
import { canonicalJson, type AnnotationDocument } from "../../../shared/annotation";
import {
  getAcceptTaskInstruction,
  getRegisterWorkerInstruction,
  getSubmitResultInstruction,
  taskKey,
} from "../../../shared/protocol";
import { generateX25519KeyPair, sha256 } from "../../../lib/crypto";
import { createHash } from "node:crypto";
import { runAmplify, startTestLocalnet } from "../../support/cli-localnet";

requireAmplifyProgram();
const work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "amplify-fg-review-"));
const photos = path.resolve("assets/demo/photos");
const shippedHash = createHash("sha256")
  .update(fs.readFileSync(path.resolve("assets/models/centernet/manifest.json")))
  .digest("hex");
let net: Localnet;
let chain: AmplifyChain;
let globals: string[] = [];

const amplify = (...args: string[]) => runAmplify([...globals, ...args]);

beforeAll(async () => {
  ({ net, chain } = await startTestLocalnet(path.join(work, "home")));
  globals = [
    "--rpc",
    net.rpcUrl,
    "--ws",
    net.wsUrl,
    "--blobs",
    net.blobUrl,
    "--keypair",
    path.join(work, "requester.json"),
    "--state",
    path.join(work, "state"),
  ];
  fs.mkdirSync(path.join(work, "images"));
  fs.copyFileSync(path.join(photos, "astronaut.png"), path.join(work, "images", "astronaut.png"));
  fs.writeFileSync(
    path.join(work, "labels.json"),
    JSON.stringify({ title: "People", tool: "box", labels: ["pedestrian", "vehicle"] }),
  );
});
afterAll(async () => net?.close());

describe("a model in the requester's tools", () => {
  let campaign = "";

  it("campaign create --model attaches the model's manifest hash and the mapping; bad models and labels are refused clearly", async () => {
    expect((await amplify("keys", "new")).code).toBe(0);
    expect((await amplify("keys", "airdrop", "5")).code).toBe(0);
    const base = [
      "campaign",
      "create",
      "--images",
      path.join(work, "images"),
      "--labels",
      path.join(work, "labels.json"),
      "--price",
      "0.01",
      "--min-rating",
      "0",
      "--max-share",
      "100",
      "--replication",
      "2",
    ];

    const noFolder = await amplify(...base, "--model", path.join(work, "no-such-model"));
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/not a model folder \(no manifest\.json\), a 64-hex manifest sha256, or "default"/);
    const tampered = path.join(work, "models", "centernet");
    fs.cpSync(path.resolve("assets/models/centernet"), tampered, { recursive: true });
    const bin = fs.readFileSync(path.join(tampered, "centernet.bin"));
    bin[4096] = (bin[4096] ?? 0) ^ 0xff;
    fs.writeFileSync(path.join(tampered, "centernet.bin"), bin);
    const refused = await amplify(...base, "--model", tampered);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /file centernet\.bin has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: tampered or corrupt/,
    );
    const badMap = await amplify(...base, "--model", "default", "--model-map", "person=pedestrian,car=truck");
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toMatch(
      /"truck" \(for detector class "car"\) is not one of the campaign's labels \(pedestrian, vehicle\)/,
    );

    const created = await amplify(
      ...base,
      "--model",
      path.resolve("assets/models/centernet"),
      "--model-map",
      "person=pedestrian,car=vehicle,truck=vehicle",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain(`recommending mb3-centernet-coco@3.3.6 (manifest sha256 ${shippedHash})`);
    campaign = /created campaign (\S+)/.exec(created.stdout)?.[1] ?? "";
    const account = await chain.campaign(campaign as Address);
    const meta = decodeMetadata(
      await getBlob(account?.metadataUri ?? "", Buffer.from(account?.labelSchemaHash ?? []).toString("hex")),
    );
    expect(meta.firstGuess).toEqual({
      model: shippedHash,
      mapping: { person: "pedestrian", car: "vehicle", truck: "vehicle" },
    });
  });

  it(
    "review --model adds the model's vote below the workers' and reports agreement with it apart",
    { timeout: 120_000 },
    async () => {
      const [task] = await chain.tasks(campaign as Address);
      if (!task) throw new Error("no task");
      // Two workers who disagree: one boxes the astronaut, the other boxes empty sky.
      const answers = { careful: { x: 10, y: 16, w: 352, h: 495 }, careless: { x: 380, y: 20, w: 120, h: 120 } };
      const who: Record<string, string> = {};
      for (const [name, box] of Object.entries(answers)) {
        const signer = await generateKeyPairSigner();
        who[name] = signer.address;
        await chain.rpc.requestAirdrop(signer.address, lamports(1_000_000_000n)).send();
        while ((await chain.balance(signer.address)) === 0n) await new Promise((r) => setTimeout(r, 50));
        await chain.send(signer, [
          await getRegisterWorkerInstruction({ worker: signer, x25519PublicKey: generateX25519KeyPair().publicKey }),
        ]);
        await chain.send(signer, [
          await getAcceptTaskInstruction({ worker: signer, campaign: campaign as Address, taskIndex: task.index }),
        ]);
        const doc: AnnotationDocument = {
          schema: 2,
          taskId: taskKey(campaign, task.index),
          labels: [],
          shapes: [{ id: "a", kind: "box", label: "pedestrian", ...box }],
          classes: [],
          timeSpentMs: 1,
        };
        const bytes = new TextEncoder().encode(canonicalJson(doc));
        const { uri } = await putBlob(net.blobUrl, bytes);
        await chain.send(signer, [
          await getSubmitResultInstruction({
            worker: signer,
            campaign: campaign as Address,
            taskIndex: task.index,
            resultHash: sha256(bytes),
            resultUri: uri,
          }),
        ]);
      }

      const plain = await amplify("review", campaign, "--dry-run");
      const withModel = await amplify("review", campaign, "--dry-run", "--model", "default");
      console.log(`[review without a model]\n${plain.stdout}\n[review --model default]\n${withModel.stdout}`);
      expect(withModel.code).toBe(0);
      const score = (out: string, worker: string) =>
        Number(new RegExp(`task 0  ${worker}  (\\d+)  consensus`).exec(out)?.[1]);
      // Alone, two disagreeing people score each other 0; the model tips it, never past a person's weight.
      expect(score(plain.stdout, who.careful!)).toBe(0);
      expect(score(plain.stdout, who.careless!)).toBe(0);
      expect(score(withModel.stdout, who.careful!)).toBeGreaterThan(score(withModel.stdout, who.careless!));
      expect(score(withModel.stdout, who.careful!)).toBeLessThan(50);
      expect(withModel.stdout).toContain("model voter: mb3-centernet-coco@3.3.6 (weight 0.5 against 1 per worker)");
      expect(withModel.stdout).toMatch(new RegExp(`${who.careful}  1 tasks  workers 0 %  model (8\\d|9\\d|100) %`));
      expect(withModel.stdout).toMatch(new RegExp(`${who.careless}  1 tasks  workers 0 %  model 0 %`));
    },
  );
});
