import { mkdirSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256, toHex } from "../crypto";
import { FileReadError, readRegularFile } from "../files";
import { BlobError } from "./blob-errors";
import { streamBlob } from "./blob-client";

/** What a blob is for decides how much of it core will read and how long it waits. */
export type BlobKind = "metadata" | "task" | "model" | "example";

export interface KindLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/**
 * Per kind: a campaign's metadata is a small JSON document (title, labels, pre-labels); task
 * data is one image or text; an example image is a small picture beside the instructions; a
 * model's files are the largest thing the app handles. Each cap holds on the stream whether or not the gateway sends a Content-Length, and the timeout covers
 * the body too, so a trickling gateway is cut off.
 */
export const BLOB_KIND_LIMITS: Readonly<Record<BlobKind, KindLimits>> = {
  metadata: { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000 },
  task: { maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000 },
  model: { maxBytes: 256 * 1024 * 1024, timeoutMs: 300_000 },
  // A campaign's example image (shared/api/tasks.ts EXAMPLE_IMAGE_MAX_BYTES): what requesters may attach.
  example: { maxBytes: 4 * 1024 * 1024, timeoutMs: 20_000 },
};

export interface BlobFetcherOptions {
  /** Where ciphertext is cached by hash. Only ever ciphertext: plaintext never touches disk. */
  readonly cacheDir: string;
  /** The blob gateways the user configured: the only hosts chain data makes core contact. */
  readonly gateways: () => readonly string[];
  /** Overrides of the per-kind limits (tests use small ones). */
  readonly limits?: Partial<Record<BlobKind, Partial<KindLimits>>>;
}

const HASH = /^[0-9a-f]{64}$/;
const CONTENT_ADDRESSED = /\/blobs\/([0-9a-f]{64})$/;

/**
 * Gets the bytes a task or campaign names by URI and verifies their sha256 before anyone sees
 * them; verified bytes are cached on disk by hash, so a task opens offline once fetched.
 *
 * URIs are chain data that any requester writes, so they only choose *what* to fetch, never
 * *where from*: `blob://<sha256>` and content-addressed `…/blobs/<sha256>` URLs are fetched by
 * hash from the configured gateways; any other http(s) URL only when its origin is one of them.
 * `file://` and every other scheme are refused: chain data never makes core read a local file
 * or talk to a host the user did not choose.
 */
export class BlobFetcher {
  constructor(private readonly options: BlobFetcherOptions) {
    mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
  }

  limitsOf(kind: BlobKind): KindLimits {
    return { ...BLOB_KIND_LIMITS[kind], ...this.options.limits?.[kind] };
  }

  /** The verified cached copy, or null. The file is ours, but read like the network: capped and checked. */
  async cached(hashHex: string, kind: BlobKind = "task"): Promise<Uint8Array | null> {
    if (!HASH.test(hashHex)) return null;
    try {
      const bytes = new Uint8Array(
        await readRegularFile(join(this.options.cacheDir, hashHex), this.limitsOf(kind).maxBytes, "the cached blob"),
      );
      // A damaged file is refetched, not trusted.
      return toHex(sha256(bytes)) === hashHex ? bytes : null;
    } catch (error) {
      if (error instanceof FileReadError) return null;
      throw error;
    }
  }

  async fetch(uri: string, hashHex: string, kind: BlobKind = "task"): Promise<Uint8Array> {
    if (!HASH.test(hashHex)) throw new BlobError("unsupported_uri", `the hash on chain for ${uri} is not a sha256`);
    const hit = await this.cached(hashHex, kind);
    if (hit) return hit;
    const sources = this.sources(uri, hashHex);
    const limits = this.limitsOf(kind);
    const errors: BlobError[] = [];
    for (const url of sources) {
      try {
        const { bytes, sha256: actual } = await streamBlob(url, { ...limits, redirect: "error" });
        if (actual !== hashHex) {
          errors.push(
            new BlobError(
              "hash_mismatch",
              `the data at ${url} does not match the hash on chain (got ${actual.slice(0, 12)}…, expected ${hashHex.slice(0, 12)}…)`,
            ),
          );
          continue;
        }
        await this.store(hashHex, bytes);
        return bytes;
      } catch (error) {
        errors.push(
          error instanceof BlobError
            ? error
            : new BlobError("unavailable", `${url}: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    }
    // The most telling failure decides the code: tampered bytes, then a gateway without it.
    const worst =
      errors.find((e) => e.code === "hash_mismatch") ??
      errors.find((e) => e.code === "too_large") ??
      errors.find((e) => e.code === "not_found");
    const code = worst?.code ?? "unavailable";
    throw new BlobError(
      code,
      errors.length === 1
        ? errors[0]!.message
        : `no blob gateway served ${uri}: ${errors.map((e) => e.message).join("; ")}`,
    );
  }

  /** The URLs to try for a URI, all on configured gateways; refuses a URI that names no such place. */
  private sources(uri: string, hashHex: string): string[] {
    const gateways = this.gatewayBases();
    if (uri.startsWith("blob://")) {
      const named = uri.slice("blob://".length);
      if (named && named !== hashHex)
        throw new BlobError("unsupported_uri", `${uri} names another hash than the one on chain`);
      return this.byHash(gateways, hashHex, uri);
    }
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw new BlobError("unsupported_uri", `the data URI ${JSON.stringify(uri.slice(0, 80))} is not a URL`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new BlobError(
        "unsupported_uri",
        `data URIs with the ${url.protocol.slice(0, 20)} scheme are not fetched: only blob:// and http(s) through your blob gateways`,
      );
    }
    const onGateway = gateways.some((g) => g.origin === url.origin && url.pathname.startsWith(g.pathname));
    if (CONTENT_ADDRESSED.test(url.pathname)) {
      // Content-addressed: any gateway serves the same bytes, and the hash is checked anyway.
      const byHash = this.byHash(gateways, hashHex, uri);
      return onGateway ? [url.href, ...byHash.filter((u) => u !== url.href)] : byHash;
    }
    if (!onGateway) {
      throw new BlobError(
        "unsupported_uri",
        `${url.origin} is not one of your blob gateways; add it in Settings to fetch data from it`,
      );
    }
    return [url.href];
  }

  private byHash(gateways: readonly URL[], hashHex: string, uri: string): string[] {
    if (gateways.length === 0)
      throw new BlobError("unavailable", `no blob gateway is configured to fetch ${uri}: add one in Settings`);
    return gateways.map((g) => `${g.href.replace(/\/$/, "")}/blobs/${hashHex}`);
  }

  private gatewayBases(): URL[] {
    const out: URL[] = [];
    for (const gateway of this.options.gateways()) {
      try {
        const url = new URL(gateway);
        if (url.protocol === "http:" || url.protocol === "https:") out.push(url);
      } catch {
        // Settings validate gateways; an unparsable one is skipped, not fatal.
      }
    }
    return out;
  }

  private async store(hashHex: string, bytes: Uint8Array): Promise<void> {
    const path = join(this.options.cacheDir, hashHex);
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, path);
  }
}
