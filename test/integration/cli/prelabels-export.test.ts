// `amplify campaign create --prelabels coco.json` and `amplify export --format cvat|yolo`
// through the CLI's own command modules (runCli → cli/src/commands) against the localnet: the
// requester's COCO shapes reach the worker's task (the app's core) as first guesses, the worker
// keeps one and draws another, and the exports hold exactly those shapes in image pixels. A
// corrupt prelabels file gets a sentence naming the file and posts nothing.
import fs from "node:fs";
import path from "node:path";
import { address, type Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newKeyFile } from "../../../lib/requester";
import { encodePng } from "../../../localnet/demo/pngEncoder";
import { emptyDocument, type Shape } from "../../../shared/annotation";
import { requireAmplifyProgram } from "../../support/amplify-program";
import {
  PASSPHRASE,
  SOL,
  prepareKeystore,
  startMarket,
  startWorkerCore,
  waitFor,
  type Market,
  type WorkerCore,
} from "../../support/market-harness";
import { runAmplify } from "../../support/cli-localnet";

requireAmplifyProgram();

/** Two images the prelabels name by file name, with boxes in pixels (fractions where COCO allows them). */
const IMAGES = [
  { name: "street.png", width: 64, height: 48 },
  { name: "yard.png", width: 40, height: 30 },
] as const;
const LABELS = {
  title: "Prelabelled boxes",
  tool: "box",
  labels: [
    { name: "car", color: "#e6194b" },
    { name: "dog", color: "#4363d8" },
  ],
};
const COCO = {
  images: [
    { id: 1, file_name: "street.png", width: 64, height: 48 },
    { id: 2, file_name: "yard.png", width: 40, height: 30 },
  ],
  categories: [
    { id: 1, name: "car" },
    { id: 2, name: "dog" },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [10, 20, 30, 12], area: 360, iscrowd: 0 },
    { id: 2, image_id: 2, category_id: 2, bbox: [2.5, 4, 10, 6.25], area: 62.5, iscrowd: 0 },
  ],
};
/** What the worker's app must offer as first guesses, per task index (ids aside). */
const GUESSES: Record<number, Omit<Extract<Shape, { kind: "box" }>, "id">[]> = {
  0: [{ kind: "box", x: 10, y: 20, w: 30, h: 12, label: "car", source: { kind: "model", model: "prelabels" } }],
  1: [{ kind: "box", x: 2.5, y: 4, w: 10, h: 6.25, label: "dog", source: { kind: "model", model: "prelabels" } }],
};
/** The box the worker draws itself on the first image. */
const OWN = { id: "own", kind: "box", x: 40, y: 2, w: 20, h: 10, label: "dog" } as const;

let market: Market;
let work: string;
let globals: string[];
let requester: Address;
let worker: WorkerCore;
let campaign = "";

const amplify = (...args: string[]) => runAmplify([...globals, ...args]);

const create = (prelabels: string) =>
  amplify(
    "campaign",
    "create",
    "--images",
    path.join(work, "images"),
    "--labels",
    path.join(work, "labels.json"),
    "--price",
    "0.001",
    "--min-rating",
    "0",
    "--max-share",
    "100",
    "--replication",
    "1",
    "--prelabels",
    prelabels,
  );

beforeAll(async () => {
  market = await startMarket({ slotMs: 50 });
  work = fs.mkdtempSync(path.join(market.home, "cli-prelabels-"));
  const keyFile = path.join(work, "requester", "requester.json");
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  requester = (await newKeyFile(keyFile)).address;
  market.net.ledger.airdrop(requester, 10n * SOL);
  globals = [
    ...["--rpc", market.net.rpcUrl, "--ws", market.net.wsUrl, "--blobs", market.net.blobUrl],
    ...["--keypair", keyFile, "--state", path.join(work, "requester")],
  ];
  fs.mkdirSync(path.join(work, "images"));
  for (const img of IMAGES) {
    const rgb = new Uint8Array(img.width * img.height * 3).fill(200);
    fs.writeFileSync(path.join(work, "images", img.name), encodePng(img.width, img.height, rgb));
  }
  fs.writeFileSync(path.join(work, "labels.json"), JSON.stringify(LABELS));
  fs.writeFileSync(path.join(work, "coco.json"), JSON.stringify(COCO));
  const dataDir = path.join(work, "worker");
  const workerAddress = address(await prepareKeystore(dataDir));
  market.net.ledger.airdrop(workerAddress, SOL);
  worker = await startWorkerCore(market, dataDir);
  await worker.call("keys:unlock", { passphrase: PASSPHRASE });
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

describe("amplify campaign create --prelabels, then export", () => {
  it("refuses a corrupt prelabels file with a sentence naming it, and posts nothing", async () => {
    const corrupt = path.join(work, "corrupt.json");
    fs.writeFileSync(corrupt, JSON.stringify(COCO).slice(0, 80));
    const corruptBytes = fs.readFileSync(corrupt);
    const before = await market.lamports(requester);
    const refused = await create(corrupt);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`amplify: ${corrupt}: corrupt.json is not JSON.`);
    // A file naming an image the folder does not hold is refused the same way.
    const stranger = path.join(work, "stranger.json");
    fs.writeFileSync(
      stranger,
      JSON.stringify({ ...COCO, images: [...COCO.images.slice(0, 1), { ...COCO.images[1], file_name: "cat.png" }] }),
    );
    const strange = await create(stranger);
    expect(strange.code).toBe(1);
    expect(strange.stderr).toBe(
      "amplify: The prelabels name 1 image the image folder does not hold (cat.png); nothing was posted.",
    );
    // Nothing reached the chain (not one lamport spent, no campaign listed) and the file is as it was.
    expect(fs.readFileSync(corrupt).equals(corruptBytes)).toBe(true);
    expect(await market.lamports(requester)).toBe(before);
    expect((await amplify("campaign", "list")).stdout).not.toMatch(/[1-9A-HJ-NP-Za-km-z]{32,44}/);
  });

  it("the COCO shapes reach the worker's tasks as first guesses, exactly", async () => {
    const created = await create(path.join(work, "coco.json"));
    expect(created.stderr).toBe("");
    campaign = /created campaign (\S+) with 2 tasks/.exec(created.stdout)?.[1] ?? "";
    expect(campaign).not.toBe("");
    const outcomes = await worker.call("market:accept", { items: [{ campaign, count: 2 }] });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    const open = (await worker.call("tasks:list")).sort((a, b) => a.taskIndex - b.taskIndex);
    expect(open.map((t) => t.taskIndex)).toEqual([0, 1]);
    for (const meta of open) {
      const task = await worker.call("tasks:open", { id: meta.id });
      expect(task.preLabels.map(({ id: _id, ...shape }) => shape)).toEqual(GUESSES[meta.taskIndex]);
      // The worker keeps the guess and, on the first image, draws one more box.
      const doc = {
        ...emptyDocument(meta.id, task.labels),
        shapes: [...task.preLabels, ...(meta.taskIndex === 0 ? [OWN] : [])],
      };
      await worker.call("tasks:submit", { id: meta.id, doc });
    }
    await waitFor("both results paid", async () => {
      const summary = await worker.call("outbox:summary");
      return summary.queued === 0 && summary.confirmed === 2;
    });
  });

  it("export --format cvat writes CVAT for images 1.1 with exactly those shapes", async () => {
    const out = path.join(work, "cvat");
    const exported = await amplify("export", campaign, "--format", "cvat", "--out", out);
    expect(exported.stdout).toBe(`exported 2 images, 3 shapes as cvat to ${out} (1 files)`);
    // Guesses the worker kept are CVAT's source="auto"; its own box is "manual".
    expect(fs.readFileSync(path.join(out, "annotations.xml"), "utf8")).toBe(`<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <name>Prelabelled boxes</name>
      <size>2</size>
      <mode>annotation</mode>
      <labels>
      <label><name>car</name><color>#e6194b</color><type>any</type><attributes></attributes></label>
      <label><name>dog</name><color>#4363d8</color><type>any</type><attributes></attributes></label>
      </labels>
    </task>
  </meta>
  <image id="0" name="street.png" width="64" height="48">
    <box label="car" source="auto" occluded="0" z_order="0" xtl="10" ytl="20" xbr="40" ybr="32"></box>
    <box label="dog" source="manual" occluded="0" z_order="1" xtl="40" ytl="2" xbr="60" ybr="12"></box>
  </image>
  <image id="1" name="yard.png" width="40" height="30">
    <box label="dog" source="auto" occluded="0" z_order="0" xtl="2.5" ytl="4" xbr="12.5" ybr="10.25"></box>
  </image>
</annotations>
`);
  });

  it("export --format yolo writes each image's boxes as normalised centre, size lines", async () => {
    const out = path.join(work, "yolo");
    expect((await amplify("export", campaign, "--format", "yolo", "--out", out)).code).toBe(0);
    // class cx cy w h, each a fraction of the image (64 × 48 and 40 × 30), written at full precision:
    // the car's centre is (25, 26), the worker's dog's (50, 7), the yard dog's (7.5, 7.125).
    const read = (name: string) => fs.readFileSync(path.join(out, findFile(out, name)), "utf8");
    const line = (...v: number[]) => `${v.join(" ")}\n`;
    expect(read("street.txt")).toBe(
      line(0, 25 / 64, 26 / 48, 30 / 64, 12 / 48) + line(1, 50 / 64, 7 / 48, 20 / 64, 10 / 48),
    );
    expect(read("yard.txt")).toBe(line(1, 7.5 / 40, 7.125 / 30, 10 / 40, 6.25 / 30));
  });

  it("export --format voc writes 1-based pixel corners, the image set and the label map", async () => {
    const out = path.join(work, "voc");
    expect((await amplify("export", campaign, "--format", "voc", "--out", out)).code).toBe(0);
    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    // VOC counts pixels from 1: the 0-based box x..x+w covers pixels x+1..x+w (the car: 10..40 → 11..40).
    expect(read("Annotations/street.xml")).toBe(`<annotation>
  <folder>VOC</folder>
  <filename>street.png</filename>
  <source><database>Prelabelled boxes</database></source>
  <size><width>64</width><height>48</height><depth>3</depth></size>
  <segmented>0</segmented>
  <object>
    <name>car</name>
    <pose>Unspecified</pose>
    <truncated>0</truncated>
    <occluded>0</occluded>
    <difficult>0</difficult>
    <bndbox><xmin>11</xmin><ymin>21</ymin><xmax>40</xmax><ymax>32</ymax></bndbox>
  </object>
  <object>
    <name>dog</name>
    <pose>Unspecified</pose>
    <truncated>0</truncated>
    <occluded>0</occluded>
    <difficult>0</difficult>
    <bndbox><xmin>41</xmin><ymin>3</ymin><xmax>60</xmax><ymax>12</ymax></bndbox>
  </object>
</annotation>
`);
    expect(read("ImageSets/Main/default.txt")).toBe("street\nyard\n");
    expect(read("labelmap.txt").split("\n").slice(0, 2)).toEqual([
      "# label:color_rgb:parts:actions",
      "background:0,0,0::",
    ]);
    expect(read("labelmap.txt")).toMatch(/^car:\d+,\d+,\d+::$/m);
    expect(read("labelmap.txt")).toMatch(/^dog:\d+,\d+,\d+::$/m);
  });
});

describe("amplify export --images", () => {
  it("copies the images where the layout keeps them, links them to the posted folder, and refuses what it cannot do", async () => {
    const voc = path.join(work, "voc-images");
    const copied = await amplify("export", campaign, "--format", "voc", "--out", voc, "--images", "copy");
    expect(copied.stdout).toBe(`exported 2 images, 3 shapes as voc to ${voc} (6 files, 2 of them image copies)`);
    for (const img of IMAGES)
      expect(
        fs
          .readFileSync(path.join(voc, "JPEGImages", img.name))
          .equals(fs.readFileSync(path.join(work, "images", img.name))),
      ).toBe(true);
    const coco = path.join(work, "coco-links");
    const linked = await amplify(
      "export",
      campaign,
      "--format",
      "coco",
      "--out",
      coco,
      "--images",
      "link",
      "--images-from",
      path.join(work, "images"),
    );
    expect(linked.stdout).toBe(`exported 2 images, 3 shapes as coco to ${coco} (3 files, 2 of them image links)`);
    expect(fs.readlinkSync(path.join(coco, "images", "default", "yard.png"))).toBe(
      path.join(work, "images", "yard.png"),
    );
    // link needs the folder; a folder without the images is named and nothing is written
    const noFolder = await amplify(
      "export",
      campaign,
      "--format",
      "coco",
      "--out",
      path.join(work, "x"),
      "--images",
      "link",
    );
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toBe(
      "amplify: --images link needs --images-from DIR, the folder the campaign was posted from.",
    );
    const empty = path.join(work, "empty");
    fs.mkdirSync(empty);
    const wrongFolder = await amplify(
      "export",
      campaign,
      "--format",
      "yolo",
      "--out",
      path.join(work, "y"),
      "--images",
      "copy",
      "--images-from",
      empty,
    );
    expect(wrongFolder.code).toBe(1);
    expect(wrongFolder.stderr).toBe(
      `amplify: ${empty} does not hold 2 of the campaign's images (street.png, yard.png); nothing was written.`,
    );
    expect(fs.existsSync(path.join(work, "y"))).toBe(false);
    const bad = await amplify("export", campaign, "--format", "coco", "--out", coco, "--images", "all");
    expect(bad.code).toBe(2);
  });
});

/** The one file under `dir` whose name is `name`, relative to `dir`. */
function findFile(dir: string, name: string): string {
  const found = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => path.basename(f) === name);
  expect(found, `${name} under ${dir}`).toHaveLength(1);
  return found[0]!;
}
