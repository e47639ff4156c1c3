import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256, toHex } from "../crypto";
import { BlobError } from "./blob-errors";
import { DEFAULT_BLOB_TIMEOUT_MS, DEFAULT_MAX_BLOB_BYTES, downloadBlob } from "./blob-client";

export interface BlobFetcherOptions {
  /** Where ciphertext is cached by hash. Only ever ciphertext: plaintext never touches disk. */
  readonly cacheDir: string;
  /** Gateways for `blob://<sha256>` URIs, tried in order. */
  readonly gateways: () => readonly string[];
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/**
 * Gets the bytes a task names by URI (http(s), file, or blob://<sha256> through the configured
 * gateways) and verifies their sha256 before anyone sees them; verified bytes are cached on disk
 * by hash, so a task opens offline once it has been fetched.
 */
export class BlobFetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: BlobFetcherOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_BLOB_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
    mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
  }

  cached(hashHex: string): Uint8Array | null {
    try {
      const bytes = new Uint8Array(readFileSync(join(this.options.cacheDir, hashHex)));
      // The cache is checked like the network: a damaged file is refetched, not trusted.
      return toHex(sha256(bytes)) === hashHex ? bytes : null;
    } catch {
      return null;
    }
  }

  async fetch(uri: string, hashHex: string): Promise<Uint8Array> {
    const hit = this.cached(hashHex);
    if (hit) return hit;
    const bytes = await this.download(uri, hashHex);
    const actual = toHex(sha256(bytes));
    if (actual !== hashHex) throw new BlobError("hash_mismatch", `the data at ${uri} does not match the hash on chain (got ${actual.slice(0, 12)}…, expected ${hashHex.slice(0, 12)}…)`);
    const path = join(this.options.cacheDir, hashHex);
    writeFileSync(`${path}.tmp`, bytes, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    return bytes;
  }

  private async download(uri: string, hashHex: string): Promise<Uint8Array> {
    if (uri.startsWith("blob://")) {
      const named = uri.slice("blob://".length);
      const errors: string[] = [];
      for (const gateway of this.options.gateways()) {
        try {
          return await this.http(`${gateway.replace(/\/$/, "")}/blobs/${named || hashHex}`);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
      throw new BlobError("unavailable", `no blob gateway served ${uri}: ${errors.join("; ") || "no gateways configured"}`);
    }
    if (uri.startsWith("http://") || uri.startsWith("https://")) return this.http(uri);
    if (uri.startsWith("file://")) {
      try {
        return new Uint8Array(await readFile(fileURLToPath(uri)));
      } catch (error) {
        throw new BlobError("not_found", `cannot read ${uri}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
      }
    }
    throw new BlobError("unsupported_uri", `unsupported data URI scheme: ${uri.split(":")[0]}`);
  }

  private http(url: string): Promise<Uint8Array> {
    return downloadBlob(url, { timeoutMs: this.timeoutMs, maxBytes: this.maxBytes });
  }
}
