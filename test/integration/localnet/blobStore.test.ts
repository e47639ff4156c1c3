// The blob store over HTTP: content addressing, verification, ranges, limits, persistence.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobIntegrityError, getBlob, putBlob, sha256Hex } from "../../../lib/blobs";
import { startHarness, type Harness } from "./localnetHarness";

let h: Harness;
let url: string;

beforeAll(async () => {
  h = await startHarness({ maxBlobBytes: 1024 * 1024 });
  url = h.net.blobUrl;
});
afterAll(async () => h.close());

describe("blob store", () => {
  it("PUT returns the sha256; GET and HEAD serve it by hash", async () => {
    const bytes = crypto.randomBytes(5000);
    const put = await fetch(`${url}/blobs`, { method: "PUT", body: bytes });
    expect(put.status).toBe(201);
    const { hash } = (await put.json()) as { hash: string };
    expect(hash).toBe(sha256Hex(bytes));
    const got = await fetch(`${url}/blobs/${hash}`);
    expect(got.headers.get("etag")).toBe(`"${hash}"`);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    const head = await fetch(`${url}/blobs/${hash}`, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe("5000");
    expect(head.headers.get("accept-ranges")).toBe("bytes");
  });

  it("serves byte ranges and refuses unsatisfiable ones", async () => {
    const bytes = crypto.randomBytes(1000);
    const { hash, uri } = await putBlob(url, bytes);
    const part = await fetch(uri, { headers: { range: "bytes=10-19" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-19/1000`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const tail = await fetch(uri, { headers: { range: "bytes=-5" } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(995))).toBe(true);
    expect((await fetch(uri, { headers: { range: "bytes=5000-" } })).status).toBe(416);
    expect(hash).toHaveLength(64);
  });

  it("verifies the hash on PUT to a named blob, and readers verify what they get", async () => {
    const bytes = crypto.randomBytes(100);
    const wrong = sha256Hex(crypto.randomBytes(10));
    expect((await fetch(`${url}/blobs/${wrong}`, { method: "PUT", body: bytes })).status).toBe(400);
    const right = sha256Hex(bytes);
    expect((await fetch(`${url}/blobs/${right}`, { method: "PUT", body: bytes })).status).toBe(201);
    const { uri } = await putBlob(url, crypto.randomBytes(64));
    await expect(getBlob(uri, wrong)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it("refuses oversized blobs, unknown and malformed names; corrupt files are not served", async () => {
    expect((await fetch(`${url}/blobs`, { method: "PUT", body: crypto.randomBytes(1024 * 1024 + 1) })).status).toBe(
      413,
    );
    expect((await fetch(`${url}/blobs/${"0".repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${url}/blobs/nothex`)).status).toBe(400);
    const bytes = crypto.randomBytes(300);
    const { hash, uri } = await putBlob(url, bytes);
    fs.writeFileSync(path.join(h.home, "blobs", hash.slice(0, 2), hash), crypto.randomBytes(300));
    expect((await fetch(uri)).status).toBe(500);
  });
});
