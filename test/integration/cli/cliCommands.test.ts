// The `amplify` command line against the localnet: commands run in-process through runCli
// (fast), and the binary itself once as a separate process (its wiring).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Localnet } from "../../../localnet";
import { requireAmplifyProgram } from "../../support/amplify-program";
import { generateScene } from "../../../localnet/demo/sceneGenerator";
import { runAmplify, startTestLocalnet } from "../../support/cli-localnet";

const run = promisify(execFile);
requireAmplifyProgram();
const work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "amplify-cli-bin-"));
const bin = path.resolve("cli/bin/amplify.js");
let net: Localnet;
let env: NodeJS.ProcessEnv;

let globals: string[] = [];

const amplify = (...args: string[]) => runAmplify([...globals, ...args]);

async function amplifyBinary(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

beforeAll(async () => {
  ({ net } = await startTestLocalnet(path.join(work, "home")));
  env = {
    ...process.env,
    AMPLIFY_HOME: path.join(work, "cli"),
    AMPLIFY_RPC_URL: net.rpcUrl,
    AMPLIFY_WS_URL: net.wsUrl,
    AMPLIFY_BLOB_URL: net.blobUrl,
  };
  globals = [
    "--rpc",
    net.rpcUrl,
    "--ws",
    net.wsUrl,
    "--blobs",
    net.blobUrl,
    "--keypair",
    path.join(work, "cli", "requester", "requester.json"),
    "--state",
    path.join(work, "cli", "requester"),
  ];
  fs.mkdirSync(path.join(work, "images"));
  for (const seed of [7, 8]) {
    const s = generateScene(seed);
    fs.writeFileSync(path.join(work, "images", s.name), s.png);
  }
  fs.writeFileSync(path.join(work, "labels.txt"), "square\ntriangle\ncircle\n");
});
afterAll(async () => net?.close());

describe("amplify CLI", () => {
  it("keys new / show / airdrop", async () => {
    const created = await amplify("keys", "new");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/address [1-9A-HJ-NP-Za-km-z]{32,44}/);
    expect((await amplify("keys", "new")).stderr).toMatch(/refusing to overwrite/);
    const shown = await amplify("keys", "show");
    expect(shown.stdout).toMatch(/balance 0 SOL/);
    expect((await amplify("keys", "airdrop", "5")).stdout).toMatch(/balance 5 SOL/);
  });

  it("campaign create, status, list, market, review --dry-run, export; usage and input errors", async () => {
    const usage = await amplify("campaign", "create", "--images", path.join(work, "images"));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing --min-rating/);
    const missing = await amplify(
      "campaign",
      "create",
      "--images",
      path.join(work, "none"),
      "--labels",
      path.join(work, "labels.txt"),
      "--price",
      "0.01",
      "--min-rating",
      "0",
      "--max-share",
      "100",
      "--replication",
      "1",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Image folder not found/);
    const created = await amplify(
      "campaign",
      "create",
      "--images",
      path.join(work, "images"),
      "--labels",
      path.join(work, "labels.txt"),
      "--price",
      "0.01",
      "--min-rating",
      "1",
      "--max-share",
      "50",
      "--replication",
      "2",
    );
    expect(created.stderr + created.stdout).toMatch(/created campaign ([1-9A-HJ-NP-Za-km-z]{32,44}) with 2 tasks/);
    const campaign = /created campaign (\S+)/.exec(created.stdout)?.[1] ?? "";
    const status = await amplify("campaign", "status", campaign);
    expect(status.stdout).toMatch(/tasks\s+2 \(1\/1 task pages posted\)/);
    expect(status.stdout).toMatch(/0\.01 SOL per task × 2 workers, min rating 1\.0★/);
    expect((await amplify("campaign", "list")).stdout).toContain(campaign);
    expect((await amplify("market")).stdout).toMatch(/1 open campaigns/);
    expect((await amplify("review", campaign, "--dry-run")).stdout).toMatch(/0 scores computed/);
    const out = path.join(work, "export");
    expect((await amplify("export", campaign, "--format", "coco", "--out", out)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, "annotations", "instances_default.json"), "utf8"))).toHaveProperty(
      "categories",
    );
  });

  it("the amplify binary runs as its own process with the environment's endpoints", async () => {
    const shown = await amplifyBinary("keys", "show");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/balance \d/);
    expect((await amplifyBinary("frobnicate")).code).toBe(2);
  }, 120_000);
});

describe("amplify governance / model (wired into the CLI)", () => {
  it("status prints the localnet's demo proposal; claim with nothing says so; model register", async () => {
    const status = await amplify("governance", "status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^fee 5 % {2}staked 1000 AMP/);
    expect(status.stdout).toMatch(/#0 fee 4 % {2}for 1000 \/ against 0 AMP/);
    const claim = await amplify("governance", "claim");
    expect(claim.code).toBe(1);
    expect(claim.stderr).toMatch(/nothing to claim/);
    const registered = await amplify("model", "register", "cd".repeat(32));
    expect(registered.code).toBe(0);
    expect(registered.stdout).toMatch(/^model registered: id [0-9a-f]{64}/);
    expect((await amplify("governance", "frobnicate")).stderr).toMatch(/unknown governance command: frobnicate/);
  });
});
