import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BLOB_KIND_LIMITS, BlobError, BlobFetcher } from "../../../../lib/blobs";
import { sha256, toHex } from "../../../../lib/crypto";
import { startHostileGateway } from "../../../support/hostile-gateway";
import type { HostileGateway } from "../../../support/hostile-gateway";

let dir: string;
let gateway: HostileGateway;
/** A host nobody configured: chain data must never make core contact it. */
let stranger: HostileGateway;

beforeAll(async () => {
  gateway = await startHostileGateway();
  stranger = await startHostileGateway();
});
afterAll(async () => {
  await gateway.close();
  await stranger.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-blobs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fetcher(limits: ConstructorParameters<typeof BlobFetcher>[0]["limits"] = {}): BlobFetcher {
  return new BlobFetcher({ cacheDir: join(dir, "cache"), gateways: () => [gateway.url], limits });
}

async function failure(p: Promise<unknown>): Promise<BlobError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BlobError);
  return error as BlobError;
}

describe("blob fetcher", () => {
  it("verifies the hash before anything, caches by hash, and refetches a damaged cache file", async () => {
    const f = fetcher();
    const bytes = new TextEncoder().encode("ciphertext bytes");
    const blob = gateway.add("good", bytes);
    expect(Buffer.from(await f.fetch(blob.url, blob.hash)).toString()).toBe("ciphertext bytes");
    expect(readdirSync(join(dir, "cache"))).toEqual([blob.hash]);
    writeFileSync(join(dir, "cache", blob.hash), "damaged");
    expect(await f.cached(blob.hash)).toBeNull();
    expect(Buffer.from(await f.fetch(`blob://${blob.hash}`, blob.hash)).toString()).toBe("ciphertext bytes");
  });

  it("refuses bytes whose hash differs from the one on chain, caching nothing", async () => {
    const f = fetcher();
    const swapped = gateway.add("good", new TextEncoder().encode("swapped"));
    const wrong = toHex(sha256(new TextEncoder().encode("original")));
    // The chain names "original"; the URL serves other bytes: refused, whatever else the gateway has.
    expect((await failure(f.fetch(swapped.url, wrong))).code).toBe("hash_mismatch");
    expect((await failure(f.fetch(`blob://${wrong}`, wrong))).code).toBe("not_found");
    expect(readdirSync(join(dir, "cache"))).toEqual([]);
  });

  it("never reads local files or special files named by chain data", async () => {
    const f = fetcher();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const local = join(dir, "local.bin");
    writeFileSync(local, "secret");
    const hash = toHex(sha256(new TextEncoder().encode("secret")));
    for (const uri of [
      "file:///dev/zero",
      pathToFileURL(fifo).href,
      pathToFileURL(local).href,
      "ftp://x/y",
      "data:application/json,{}",
      "javascript:alert(1)",
      "not a url",
    ]) {
      const error = await failure(f.fetch(uri, hash));
      expect(error.code).toBe("unsupported_uri");
    }
    expect(readdirSync(join(dir, "cache"))).toEqual([]);
  });

  it("contacts only configured gateways: a foreign content-addressed URL is fetched by hash from them", async () => {
    const f = fetcher();
    const bytes = new TextEncoder().encode("task image");
    const onGateway = gateway.add("good", bytes);
    const foreign = `${stranger.url}/blobs/${onGateway.hash}`;
    expect(Buffer.from(await f.fetch(foreign, onGateway.hash)).toString()).toBe("task image");
    const elsewhere = await failure(f.fetch(`${stranger.url}/anything.json`, onGateway.hash.replace(/^./, "0")));
    expect(elsewhere.code).toBe("unsupported_uri");
    expect(elsewhere.message).toMatch(/not one of your blob gateways/);
    expect(stranger.hits.size).toBe(0);
  });

  it("caps every kind on the stream, with or without Content-Length, and cuts off slow bodies", async () => {
    const f = fetcher({ metadata: { maxBytes: 256 * 1024, timeoutMs: 1500 } });
    const endless = gateway.add("endless");
    const sentBefore = gateway.bytesSent();
    expect((await failure(f.fetch(endless.url, endless.hash, "metadata"))).code).toBe("too_large");
    const huge = gateway.add("huge");
    expect((await failure(f.fetch(huge.url, huge.hash, "metadata"))).code).toBe("too_large");
    const slow = gateway.add("slow");
    const cut = await failure(f.fetch(slow.url, slow.hash, "metadata"));
    expect(cut.code).toBe("unavailable");
    expect(cut.message).toMatch(/within 1500 ms/);
    // The endless body was read only up to the cap (plus what was in flight), not on and on.
    expect(gateway.bytesSent() - sentBefore).toBeLessThan(64 * 1024 * 1024);
    expect(BLOB_KIND_LIMITS.metadata.maxBytes).toBeLessThan(BLOB_KIND_LIMITS.task.maxBytes);
    expect(BLOB_KIND_LIMITS.task.maxBytes).toBeLessThan(BLOB_KIND_LIMITS.model.maxBytes);
  });
});
