import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ModelRegistry } from "../../../../lib/first-guess/model-registry";

const sha = (b: Uint8Array | string): string => createHash("sha256").update(b).digest("hex");

/** A tiny but well-formed model folder: a graph json naming one weight shard. */
function writeModel(
  dir: string,
  overrides: Record<string, unknown> = {},
): { manifest: Record<string, unknown>; hash: string } {
  mkdirSync(dir, { recursive: true });
  const graph = JSON.stringify({
    format: "graph-model",
    modelTopology: { node: [] },
    weightsManifest: [{ paths: ["w.bin"], weights: [{ name: "k", shape: [2], dtype: "float32" }] }],
  });
  const weights = new Uint8Array(new Float32Array([1, 2]).buffer);
  writeFileSync(join(dir, "model.json"), graph);
  writeFileSync(join(dir, "w.bin"), weights);
  const manifest = {
    name: "tiny",
    version: "1.0.0",
    format: "tfjs-graph-detections",
    graph: "model.json",
    output: "out",
    inputSize: 64,
    classes: ["person"],
    licence: "CC0",
    files: { "model.json": sha(graph), "w.bin": sha(weights) },
    ...overrides,
  };
  const text = JSON.stringify(manifest, null, 2);
  writeFileSync(join(dir, "manifest.json"), text);
  return { manifest, hash: sha(text) };
}

describe("model registry", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "fg-registry-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("lists a verified model and loads its weights in shard order", async () => {
    const { hash } = writeModel(join(root, "tiny"));
    const registry = new ModelRegistry([{ dir: root, origin: "user" }]);
    const scan = await registry.scan();
    expect(scan.refused).toEqual([]);
    expect(scan.models.map((m) => [m.manifest.name, m.hash])).toEqual([["tiny", hash]]);
    const loaded = await registry.load(hash);
    expect(Array.from(new Float32Array(loaded.weightData.slice().buffer))).toEqual([1, 2]);
    expect(loaded.weightSpecs[0]?.name).toBe("k");
  });

  it("refuses a tampered file, naming the file", async () => {
    const dir = join(root, "tiny");
    const { hash } = writeModel(dir);
    const bytes = readFileSync(join(dir, "w.bin"));
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(join(dir, "w.bin"), bytes);
    const registry = new ModelRegistry([{ dir: root, origin: "user" }]);
    const scan = await registry.scan();
    expect(scan.models).toEqual([]);
    expect(scan.refused[0]?.reason).toMatch(
      /file w\.bin has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: tampered or corrupt/,
    );
    await expect(registry.load(hash)).rejects.toThrow(/w\.bin has sha256 .*tampered/);
  });

  it("refuses a manifest whose own hash is not the one asked for", async () => {
    writeModel(join(root, "tiny"));
    const registry = new ModelRegistry([{ dir: root, origin: "user" }]);
    await expect(registry.load("0".repeat(64))).rejects.toThrow(/no verified model has manifest hash 0{64}/);
  });

  it("refuses a changed manifest even when its files are intact", async () => {
    const dir = join(root, "tiny");
    const { hash } = writeModel(dir);
    const text = readFileSync(join(dir, "manifest.json"), "utf8").replace('"CC0"', '"MIT"');
    writeFileSync(join(dir, "manifest.json"), text);
    const registry = new ModelRegistry([{ dir: root, origin: "user" }]);
    await expect(registry.load(hash)).rejects.toThrow(/no verified model has manifest hash/);
  });

  it("refuses file names that leave the folder, missing files, unlisted shards and bad JSON", async () => {
    writeModel(join(root, "escape"), { files: { "../secret": "a".repeat(64), "model.json": "b".repeat(64) } });
    writeModel(join(root, "missing"), { files: { "model.json": "c".repeat(64), "gone.bin": "d".repeat(64) } });
    const unlisted = writeModel(join(root, "unlisted"));
    const partial = { ...(unlisted.manifest.files as Record<string, string>) };
    delete partial["w.bin"];
    writeModel(join(root, "unlisted"), { files: partial });
    mkdirSync(join(root, "garbage"));
    writeFileSync(join(root, "garbage", "manifest.json"), "{not json");
    const registry = new ModelRegistry([{ dir: root, origin: "user" }]);
    const scan = await registry.scan();
    const reasons = Object.fromEntries(scan.refused.map((r) => [r.folder.split(/[\\/]/).pop(), r.reason]));
    expect(reasons.escape).toMatch(/manifest\.json is invalid: files/);
    expect(reasons.missing).toMatch(/file (model\.json has sha256|gone\.bin is listed in the manifest but missing)/);
    expect(reasons.garbage).toBe("manifest.json is not valid JSON");
    // The unlisted shard is caught when the graph is assembled for loading.
    const entry = scan.models.find((m) => m.folder.endsWith("unlisted"));
    expect(entry).toBeDefined();
    await expect(registry.load(entry?.hash)).rejects.toThrow(/weight shard w\.bin is not listed/);
  });

  it("loads the shipped model by default and lists user models beside it", async () => {
    writeModel(join(root, "shipped", "a"));
    writeModel(join(root, "user", "b"), { name: "other" });
    const registry = new ModelRegistry([
      { dir: join(root, "shipped"), origin: "shipped" },
      { dir: join(root, "user"), origin: "user" },
      { dir: join(root, "absent"), origin: "user" },
    ]);
    expect((await registry.scan()).models.map((m) => `${m.origin}:${m.manifest.name}`)).toEqual([
      "shipped:tiny",
      "user:other",
    ]);
    expect((await registry.load()).entry.origin).toBe("shipped");
  });
});
