// The requester flow end to end against the real program on the localnet: a folder of
// generated images → private campaign (replication 2, one gold task) → the key service
// grants keys as two workers accept → workers decrypt, label and submit sealed results →
// review scores them by gold and consensus on chain → COCO/YOLO/VOC export.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSigner, lamports, type Address, type KeyPairSigner } from "@solana/kit";
import type { Localnet } from "../../../localnet";
import { requireAmplifyProgram } from "../../support/amplify-program";
import { generateScene, SCENE_LABELS, type Scene } from "../../../localnet/demo/sceneGenerator";
import type { AmplifyChain } from "../../../lib/requester";
import {
  campaignStatus,
  createCampaign,
  decodeMetadata,
  exportResults,
  getBlob,
  keysFromSecret,
  loadManifest,
  marketSummary,
  putBlob,
  RequesterError,
  reviewCampaign,
  sealResult,
  startKeyService,
  type KeyService,
  type RequesterKeys,
} from "../../../lib/requester";
import {
  AssignmentState,
  getAcceptTaskInstruction,
  getRegisterWorkerInstruction,
  getSubmitResultInstruction,
  findAssignmentPda,
} from "../../../shared/protocol";
import { canonicalJson, type AnnotationDocument } from "../../../shared/annotation";
import { decryptEnvelope, generateX25519KeyPair, sha256, unwrapFileKey } from "../../../lib/crypto";
import nacl from "tweetnacl";
import { waitFor } from "../../support/wait-for";
import { startTestLocalnet } from "../../support/cli-localnet";

requireAmplifyProgram();
const work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "amplify-cli-flow-"));
let net: Localnet;
let chain: AmplifyChain;
let requester: RequesterKeys;
let keyService: KeyService | undefined;
const scenes: Scene[] = [0, 1, 2].map((i) => generateScene(100 + i));

beforeAll(async () => {
  ({ net, chain } = await startTestLocalnet(path.join(work, "home")));
  requester = await keysFromSecret(nacl.sign.keyPair().secretKey);
  const images = path.join(work, "images");
  fs.mkdirSync(images);
  for (const s of scenes) fs.writeFileSync(path.join(images, s.name), s.png);
  fs.writeFileSync(
    path.join(work, "labels.json"),
    JSON.stringify({ title: "Shapes", tool: "box", labels: SCENE_LABELS.map((l) => l.name) }),
  );
  const first = scenes[0] as Scene;
  fs.writeFileSync(
    path.join(work, "gold.json"),
    JSON.stringify({ [first.name]: { shapes: first.boxes, classes: [] } }),
  );
});

afterAll(async () => {
  await keyService?.close();
  await net?.close();
});

async function airdrop(address: Address, sol: bigint): Promise<void> {
  await chain.rpc.requestAirdrop(address, lamports(sol * 1_000_000_000n)).send();
}

describe("requester flow", () => {
  const stateDir = path.join(work, "state");
  let campaign: Address;

  it("refuses an unfunded wallet clearly, leaving nothing on chain", async () => {
    const err = await createCampaign({
      chain,
      keys: requester,
      stateDir,
      imagesDir: path.join(work, "images"),
      labelsFile: path.join(work, "labels.json"),
      priceLamports: 10_000_000n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 2,
      isPrivate: true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequesterError);
    expect(String((err as Error).message)).toMatch(/holds 0 SOL/);
    expect(await chain.campaigns(requester.address)).toEqual([]);
  });

  it("refuses a malformed labels file and a missing folder", async () => {
    fs.writeFileSync(path.join(work, "bad-labels.json"), '{"labels": [}');
    const bad = await createCampaign({
      chain,
      keys: requester,
      stateDir,
      imagesDir: path.join(work, "images"),
      labelsFile: path.join(work, "bad-labels.json"),
      priceLamports: 1n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 1,
      isPrivate: false,
    }).catch((e: unknown) => e);
    expect(String((bad as Error).message)).toMatch(/bad-labels.json: malformed JSON/);
    const missing = await createCampaign({
      chain,
      keys: requester,
      stateDir,
      imagesDir: path.join(work, "nope"),
      labelsFile: path.join(work, "labels.json"),
      priceLamports: 1n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 1,
      isPrivate: false,
    }).catch((e: unknown) => e);
    expect(String((missing as Error).message)).toMatch(/Image folder not found/);
  });

  it("creates a private campaign from a folder of images, resumably", async () => {
    await airdrop(requester.address, 10n);
    const progress: string[] = [];
    const created = await createCampaign({
      chain,
      keys: requester,
      stateDir,
      imagesDir: path.join(work, "images"),
      labelsFile: path.join(work, "labels.json"),
      goldFile: path.join(work, "gold.json"),
      priceLamports: 10_000_000n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 2,
      isPrivate: true,
      onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`),
    });
    campaign = created.campaign;
    expect(created.taskCount).toBe(3);
    expect(progress).toContain("tasks:3/3");
    const again = await createCampaign({
      chain,
      keys: requester,
      stateDir,
      imagesDir: path.join(work, "images"),
      labelsFile: path.join(work, "labels.json"),
      goldFile: path.join(work, "gold.json"),
      priceLamports: 10_000_000n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 2,
      isPrivate: true,
    });
    expect(again.resumed).toBe(true);
    expect(again.campaign).toBe(campaign);
    const status = await campaignStatus(chain, campaign);
    expect(status.tasks).toBe(3);
    expect(status.campaign.isPrivate).toBe(true);
    const tasks = await chain.tasks(campaign);
    const blob = await getBlob(tasks[0]?.uri ?? "", Buffer.from(tasks[0]?.dataHash ?? []).toString("hex"));
    expect(Buffer.from(blob).includes(Buffer.from("IHDR"))).toBe(false); // stored encrypted
  });

  it("two workers accept, get keys from the key service, label and submit; review scores; export writes COCO", async () => {
    keyService = await startKeyService({ chain, keys: requester, pollMs: 500 });
    const meta = decodeMetadata(
      await getBlob(
        (await chain.campaign(campaign))?.metadataUri ?? "",
        Buffer.from((await chain.campaign(campaign))?.labelSchemaHash ?? []).toString("hex"),
      ),
    );
    const requesterX25519 = Uint8Array.from(Buffer.from(meta.requesterX25519 ?? "", "hex"));
    const tasks = await chain.tasks(campaign);
    const workers: Array<{
      signer: KeyPairSigner;
      box: { publicKey: Uint8Array; secretKey: Uint8Array };
      jitter: number;
    }> = [];
    for (const jitter of [0, 3]) {
      const signer = await generateKeyPairSigner();
      const box = generateX25519KeyPair();
      await airdrop(signer.address, 1n);
      await chain.send(signer, [
        await getRegisterWorkerInstruction({ worker: signer, x25519PublicKey: box.publicKey }),
      ]);
      workers.push({ signer, box, jitter });
    }
    const before = await chain.balance(workers[0]?.signer.address as Address);
    for (const w of workers) {
      const ixs = await Promise.all(
        tasks.map((t) => getAcceptTaskInstruction({ worker: w.signer, campaign, taskIndex: t.index })),
      );
      await chain.send(w.signer, ixs);
      for (const t of tasks) {
        const [assignmentAddress] = await findAssignmentPda(campaign, t.index, w.signer.address);
        const assignment = await waitFor(
          "key grant",
          async () => {
            const a = (await chain.assignments(campaign)).find((x) => x.address === assignmentAddress);
            return a && a.account.state === AssignmentState.KeyGranted ? a.account : undefined;
          },
          10_000,
          50,
        );
        const cipher = await getBlob(t.uri, Buffer.from(t.dataHash).toString("hex"));
        const plain = decryptEnvelope(cipher, unwrapFileKey(assignment.wrappedKey, w.box.secretKey));
        const scene = scenes[t.index] as Scene;
        expect(Buffer.from(plain).equals(Buffer.from(scene.png))).toBe(true);
        const doc: AnnotationDocument = {
          schema: 2,
          taskId: assignmentAddress,
          labels: meta.labels,
          shapes: scene.boxes.map((b) => ({ ...b, x: b.x + w.jitter, y: b.y + w.jitter })),
          classes: [],
          timeSpentMs: 1000,
        };
        const sealed = sealResult(new TextEncoder().encode(canonicalJson(doc)), requesterX25519);
        const { hash, uri } = await putBlob(net.blobUrl, sealed);
        await chain.send(w.signer, [
          await getSubmitResultInstruction({
            worker: w.signer,
            campaign,
            taskIndex: t.index,
            resultHash: sha256(sealed),
            resultUri: uri,
          }),
        ]);
        expect(hash).toHaveLength(64);
      }
    }
    expect(await chain.balance(workers[0]?.signer.address as Address)).toBeGreaterThan(before);
    const manifest = loadManifest(stateDir, campaign);
    const reviewed = await reviewCampaign({ chain, keys: requester, campaign, ...(manifest ? { manifest } : {}) });
    expect(reviewed).toHaveLength(6);
    const gold = reviewed.filter((r) => r.basis === "gold");
    expect(gold).toHaveLength(2);
    const exact = gold.find((r) => r.worker === workers[0]?.signer.address);
    const jittered = gold.find((r) => r.worker === workers[1]?.signer.address);
    expect(exact?.score).toBe(100);
    expect(jittered?.score).toBeLessThan(100);
    expect(reviewed.filter((r) => r.basis === "consensus")).toHaveLength(4);
    const status = await campaignStatus(chain, campaign);
    expect(status.assignments.reviewed).toBe(6);
    expect(status.completion).toBe(1);

    const out = path.join(work, "export");
    const coco = await exportResults({
      chain,
      keys: requester,
      campaign,
      ...(manifest ? { manifest } : {}),
      format: "coco",
      outDir: out,
      images: "copy",
    });
    expect(coco.images).toBe(3);
    // The private images come back decrypted from the blob store into COCO's images/default/,
    // byte for byte, readable by the requester alone.
    expect(coco.imageFiles).toBe(3);
    for (const s of scenes) {
      const copy = path.join(out, "images", "default", s.name);
      expect(fs.readFileSync(copy).equals(Buffer.from(s.png))).toBe(true);
      expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    }
    const json = JSON.parse(fs.readFileSync(path.join(out, "annotations", "instances_default.json"), "utf8")) as {
      images: Array<{ file_name: string; width: number }>;
      annotations: Array<{ bbox: number[]; image_id: number }>;
      categories: Array<{ name: string }>;
    };
    expect(json.images.map((i) => i.file_name)).toEqual(scenes.map((s) => s.name));
    expect(json.annotations).toHaveLength(scenes.reduce((n, s) => n + s.boxes.length, 0));
    expect(json.categories.map((c) => c.name)).toEqual(SCENE_LABELS.map((l) => l.name));
    const firstBox = (scenes[0] as Scene).boxes[0];
    expect(json.annotations[0]?.bbox).toEqual([firstBox?.x, firstBox?.y, firstBox?.w, firstBox?.h]);
    const yolo = await exportResults({
      chain,
      keys: requester,
      campaign,
      ...(manifest ? { manifest } : {}),
      format: "yolo",
      outDir: path.join(work, "yolo"),
      images: "link",
      imagesFrom: path.join(work, "images"),
    });
    expect(yolo.files.some((f) => f.endsWith("classes.txt"))).toBe(true);
    // Linked, not copied: images/train/<stem><ext> point at the posted originals, as train.txt names them.
    const listed = fs
      .readFileSync(path.join(work, "yolo", "train.txt"), "utf8")
      .trim()
      .split("\n");
    expect(listed).toEqual(scenes.map((s) => `./images/train/${s.name}`));
    for (const s of scenes)
      expect(fs.readlinkSync(path.join(work, "yolo", "images", "train", s.name))).toBe(
        path.resolve(work, "images", s.name),
      );
    const voc = await exportResults({
      chain,
      keys: requester,
      campaign,
      ...(manifest ? { manifest } : {}),
      format: "voc",
      outDir: path.join(work, "voc"),
    });
    expect(fs.readFileSync(voc.files[0] ?? "", "utf8")).toContain("<bndbox>");
    const market = await marketSummary(chain);
    expect(market.campaigns.some((c) => c.address === campaign && c.doneRate === 1)).toBe(true);
  });
});
