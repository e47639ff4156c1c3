import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BlobError, BlobFetcher } from "../../../../lib/blobs";
import { sha256, toHex } from "../../../../lib/crypto";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-blobs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("blob fetcher", () => {
  it("verifies the hash before anything, caches by hash, and refetches a damaged cache file", async () => {
    const fetcher = new BlobFetcher({ cacheDir: join(dir, "cache"), gateways: () => [] });
    const bytes = new TextEncoder().encode("ciphertext bytes");
    const file = join(dir, "blob.bin");
    writeFileSync(file, bytes);
    const hash = toHex(sha256(bytes));
    expect(Buffer.from(await fetcher.fetch(pathToFileURL(file).href, hash)).toString()).toBe("ciphertext bytes");
    expect(readdirSync(join(dir, "cache"))).toEqual([hash]);
    writeFileSync(join(dir, "cache", hash), "damaged");
    expect(fetcher.cached(hash)).toBeNull();
    expect(Buffer.from(await fetcher.fetch(pathToFileURL(file).href, hash)).toString()).toBe("ciphertext bytes");
  });

  it("refuses bytes whose hash differs from the one on chain, caching nothing", async () => {
    const fetcher = new BlobFetcher({ cacheDir: join(dir, "cache"), gateways: () => [] });
    const file = join(dir, "blob.bin");
    writeFileSync(file, "swapped");
    const wrong = toHex(sha256(new TextEncoder().encode("original")));
    await expect(fetcher.fetch(pathToFileURL(file).href, wrong)).rejects.toMatchObject({ code: "hash_mismatch" });
    expect(readdirSync(join(dir, "cache"))).toEqual([]);
    await expect(fetcher.fetch("ftp://x/y", wrong)).rejects.toBeInstanceOf(BlobError);
    await expect(fetcher.fetch("blob://" + wrong, wrong)).rejects.toMatchObject({ code: "unavailable" });
  });
});
