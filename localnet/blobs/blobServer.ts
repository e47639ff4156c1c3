// HTTP face of the blob store: PUT /blobs (or /blobs/<sha256>) stores and returns the hash,
// GET and HEAD /blobs/<sha256> serve it with single-range support.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BlobStore } from "./blobStore";
import { BlobHashMismatchError, HASH_PATTERN } from "./blobStore";

export const DEFAULT_MAX_BLOB_BYTES = 64 * 1024 * 1024;

export interface BlobServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function parseRange(header: string, size: number): { start: number; end: number } | "unsatisfiable" | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, a = "", b = ""] = m;
  if (a === "" && b === "") return undefined;
  let start: number;
  let end: number;
  if (a === "") {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

export function startBlobServer(
  store: BlobStore,
  opts: { host: string; port: number; maxBytes?: number },
): Promise<BlobServer> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    const url = new URL(req.url ?? "/", "http://localhost");
    const m = /^\/blobs(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!m) return json(404, { error: "not found" });
    const hash = m[1];
    if (hash !== undefined && !HASH_PATTERN.test(hash))
      return json(400, { error: "a blob is named by the lowercase hex sha256 of its bytes" });

    if (req.method === "PUT" || req.method === "POST") {
      const declared = Number(req.headers["content-length"] ?? "0");
      if (declared > maxBytes) {
        json(413, { error: `blob larger than ${maxBytes} bytes` });
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          if (!res.headersSent) json(413, { error: `blob larger than ${maxBytes} bytes` });
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on("end", () => {
        if (res.headersSent) return;
        store.putAsync(Buffer.concat(chunks), hash).then(
          (stored) => json(201, { hash: stored, size, url: `${serverUrl()}/blobs/${stored}` }),
          (e: unknown) => {
            if (e instanceof BlobHashMismatchError) json(400, { error: e.message });
            else json(500, { error: "could not store the blob" });
          },
        );
      });
      return;
    }

    if (req.method !== "GET" && req.method !== "HEAD") return json(405, { error: "use GET, HEAD or PUT" });
    if (hash === undefined) return json(400, { error: "GET /blobs/<sha256>" });
    const size = store.size(hash);
    if (size === undefined) return json(404, { error: "no such blob" });
    const headers = {
      "accept-ranges": "bytes",
      "content-type": "application/octet-stream",
      etag: `"${hash}"`,
      "cache-control": "public, max-age=31536000, immutable",
    };
    const rangeHeader = req.headers.range;
    const range = rangeHeader ? parseRange(rangeHeader, size) : undefined;
    if (range === "unsatisfiable") {
      res.writeHead(416, { "content-range": `bytes */${size}` });
      return res.end();
    }
    if (range) {
      const length = range.end - range.start + 1;
      res.writeHead(206, {
        ...headers,
        "content-length": length,
        "content-range": `bytes ${range.start}-${range.end}/${size}`,
      });
      if (req.method === "HEAD") return res.end();
      return res.end(store.readRange(hash, range.start, range.end));
    }
    if (req.method === "HEAD") {
      res.writeHead(200, { ...headers, "content-length": size });
      return res.end();
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = store.read(hash);
    } catch (e) {
      if (e instanceof BlobHashMismatchError) return json(500, { error: e.message });
      throw e;
    }
    if (!bytes) return json(404, { error: "no such blob" });
    res.writeHead(200, { ...headers, "content-length": bytes.length });
    res.end(bytes);
  });
  let boundPort = 0;
  const serverUrl = (): string => `http://${opts.host}:${boundPort}`;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      boundPort = (server.address() as AddressInfo).port;
      resolve({
        url: serverUrl(),
        port: boundPort,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
