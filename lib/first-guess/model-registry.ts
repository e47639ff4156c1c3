import { createHash, webcrypto } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { FirstGuessModelInfo } from "../../shared/api/first-guess";
import { GraphFile } from "./graph-file";
import type { WeightSpecs } from "./graph-file";
import { ModelRefusedError } from "./model-errors";
import { ModelManifest, modelId } from "./model-manifest";

export interface ModelSource {
  readonly dir: string;
  readonly origin: "shipped" | "user";
}

export interface ModelEntry {
  readonly folder: string;
  readonly origin: "shipped" | "user";
  readonly manifest: ModelManifest;
  /** sha256 of manifest.json as stored: pins the manifest and, through it, every file. */
  readonly hash: string;
}

/** A model whose every byte was checked against its manifest: what the detector loads. */
export interface VerifiedModel {
  readonly entry: ModelEntry;
  readonly topology: Record<string, unknown>;
  /** The graph file as verified: sent to the detector thread as bytes, cheaper than an object. */
  readonly graphBytes: Uint8Array;
  readonly weightSpecs: WeightSpecs;
  readonly weightData: Uint8Array;
}

export interface ScanResult {
  readonly models: ModelEntry[];
  readonly refused: { folder: string; reason: string }[];
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Models are folders (manifest.json + files) under the shipped default folder and the data
 * directory's models/. Nothing is trusted: a folder is listed only when its manifest parses and
 * every file matches its sha256, and the bytes handed to the detector are the ones hashed.
 */
export class ModelRegistry {
  constructor(private readonly sources: readonly ModelSource[]) {}

  async scan(): Promise<ScanResult> {
    const models: ModelEntry[] = [];
    const refused: { folder: string; reason: string }[] = [];
    for (const source of this.sources) {
      for (const folder of await subfolders(source.dir)) {
        try {
          const { entry } = await readVerified(folder, source.origin);
          if (!models.some((m) => m.hash === entry.hash)) models.push(entry);
        } catch (error) {
          refused.push({ folder, reason: error instanceof ModelRefusedError ? error.reason : String(error) });
        }
      }
    }
    return { models, refused };
  }

  /** The model with this manifest hash, or the first shipped one; re-verified as it is read. */
  async load(hash?: string): Promise<VerifiedModel> {
    const { models, refused } = await this.scan();
    const entry = hash
      ? models.find((m) => m.hash === hash)
      : (models.find((m) => m.origin === "shipped") ?? models[0]);
    if (!entry) {
      const why = refused.map((r) => `${r.folder}: ${r.reason}`).join("; ");
      throw new Error(
        hash
          ? `no verified model has manifest hash ${hash}${why ? ` (refused: ${why})` : ""}`
          : `no model installed${why ? ` (refused: ${why})` : ""}`,
      );
    }
    const { files } = await readVerified(entry.folder, entry.origin, hash);
    return assemble(entry, files);
  }
}

export function modelInfo(entry: ModelEntry): FirstGuessModelInfo {
  const m = entry.manifest;
  return {
    id: modelId(m),
    name: m.name,
    version: m.version,
    hash: entry.hash,
    licence: m.licence,
    inputSize: m.inputSize,
    classes: m.classes,
    origin: entry.origin,
  };
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

async function readVerified(
  folder: string,
  origin: "shipped" | "user",
  expectedHash?: string,
): Promise<{ entry: ModelEntry; files: Map<string, Uint8Array> }> {
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await readFile(join(folder, "manifest.json"));
  } catch {
    throw new ModelRefusedError(folder, "manifest.json is missing or unreadable");
  }
  const hash = sha256(manifestBytes);
  if (expectedHash && hash !== expectedHash)
    throw new ModelRefusedError(folder, `manifest.json has sha256 ${hash}, expected ${expectedHash}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifestBytes));
  } catch {
    throw new ModelRefusedError(folder, "manifest.json is not valid JSON");
  }
  const parsed = ModelManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelRefusedError(
      folder,
      `manifest.json is invalid: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "unknown"}`,
    );
  }
  const manifest = parsed.data;
  const files = new Map<string, Uint8Array>();
  for (const [name, expected] of Object.entries(manifest.files)) {
    let bytes: Uint8Array;
    let actual: string;
    try {
      ({ bytes, sha256: actual } = await readHashed(join(folder, name)));
    } catch {
      throw new ModelRefusedError(folder, `file ${name} is listed in the manifest but missing`);
    }
    if (actual !== expected)
      throw new ModelRefusedError(
        folder,
        `file ${name} has sha256 ${actual}, the manifest says ${expected}: tampered or corrupt`,
      );
    files.set(name, bytes);
  }
  return { entry: { folder, origin, manifest, hash }, files };
}

/**
 * Reads and hashes a file off the event loop: both the read and WebCrypto's digest run on
 * libuv's thread pool, so checking megabytes of weights never holds up core's other calls.
 */
async function readHashed(path: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const bytes = new Uint8Array(await readFile(path));
  const digest = await webcrypto.subtle.digest("SHA-256", bytes);
  return { bytes, sha256: Buffer.from(digest).toString("hex") };
}

function assemble(entry: ModelEntry, files: Map<string, Uint8Array>): VerifiedModel {
  const { folder, manifest } = entry;
  const graphBytes = files.get(manifest.graph);
  if (!graphBytes) throw new ModelRefusedError(folder, `graph file ${manifest.graph} is not listed`);
  let graphJson: unknown;
  try {
    graphJson = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(graphBytes));
  } catch {
    throw new ModelRefusedError(folder, `graph file ${manifest.graph} is not valid JSON`);
  }
  const graph = GraphFile.safeParse(graphJson);
  if (!graph.success) throw new ModelRefusedError(folder, `graph file ${manifest.graph} is not a tfjs graph model`);
  const shards: Uint8Array[] = [];
  const weightSpecs: WeightSpecs = [];
  for (const group of graph.data.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) {
      // Only files the manifest hashed may be read: a path outside that list is refused.
      const shard = files.get(path);
      if (!shard)
        throw new ModelRefusedError(folder, `weight shard ${path} is not listed (with its sha256) in the manifest`);
      shards.push(shard);
    }
  }
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.length;
  }
  return { entry, topology: graph.data.modelTopology, graphBytes, weightSpecs, weightData };
}
