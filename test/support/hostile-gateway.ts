// A blob gateway that misbehaves on purpose, for the tests of core's handling of chain data.
// Each blob it serves has a behaviour: endless chunked zeros, a huge announced length, a body
// trickled a byte at a time, headers and then nothing ever (a FIFO with no writer, over HTTP),
// wrong-type JSON that does hash right, bytes that differ from the hash the chain names, or plain
// good bytes.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type HostileBehaviour =
  "endless" | "huge" | "slow" | "stall" | "wrong-type" | "not-json" | "tampered" | "missing" | "good";

export interface HostileBlob {
  readonly behaviour: HostileBehaviour;
  /** The sha256 a campaign or task names on chain. */
  readonly hash: string;
  /** Content-addressed URL of this blob on the gateway. */
  readonly url: string;
}

export interface HostileGateway {
  readonly url: string;
  /** Requests received, by path (to prove what core asked for, and how often). */
  readonly hits: Map<string, number>;
  /** Bytes written to sockets so far. */
  bytesSent(): number;
  add(behaviour: HostileBehaviour, body?: Uint8Array): HostileBlob;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024);

export async function startHostileGateway(): Promise<HostileGateway> {
  const blobs = new Map<string, { behaviour: HostileBehaviour; body: Uint8Array }>();
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let sent = 0;

  const endless = (res: ServerResponse) => {
    const pump = () => {
      while (!res.destroyed) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) break;
      }
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  };
  const trickle = (res: ServerResponse, body: Uint8Array) => {
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || i >= body.length) {
        clearInterval(timer);
        timers.delete(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body.subarray(i, i + 1));
      sent += 1;
      i += 1;
    }, 1000);
    timers.add(timer);
  };

  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const hash = /^\/blobs\/([0-9a-f]{64})$/.exec(path)?.[1];
    const blob = hash ? blobs.get(hash) : undefined;
    res.on("error", () => undefined);
    if (!blob || blob.behaviour === "missing") {
      res.writeHead(404).end();
      return;
    }
    switch (blob.behaviour) {
      case "endless":
        res.writeHead(200, { "content-type": "application/json" });
        endless(res);
        return;
      case "huge":
        res.writeHead(200, { "content-type": "application/json", "content-length": String(10 * 1024 ** 3) });
        endless(res);
        return;
      case "slow":
        res.writeHead(200, { "content-type": "application/json", "content-length": String(blob.body.length) });
        trickle(res, blob.body);
        return;
      case "stall":
        // headers, then silence until the client gives up
        res.writeHead(200, { "content-type": "application/json" });
        res.flushHeaders();
        return;
      case "tampered": {
        // the bytes the hash was taken of, with one bit flipped on the way out
        const bytes = Buffer.from(blob.body);
        const at = bytes.length >> 1;
        bytes[at] = (bytes[at] ?? 0) ^ 1;
        res.writeHead(200, { "content-type": "application/json", "content-length": String(bytes.length) });
        sent += bytes.length;
        res.end(bytes);
        return;
      }
      default:
        res.writeHead(200, { "content-type": "application/json", "content-length": String(blob.body.length) });
        sent += blob.body.length;
        res.end(blob.body);
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    hits,
    bytesSent: () => sent,
    add(behaviour, body) {
      const bytes =
        body ??
        (behaviour === "wrong-type"
          ? new TextEncoder().encode(JSON.stringify({ title: 42, labels: "not a list", preLabels: { "0": "nope" } }))
          : behaviour === "not-json"
            ? randomBytes(512)
            : behaviour === "slow" || behaviour === "tampered"
              ? new TextEncoder().encode(JSON.stringify({ title: behaviour, labels: ["a"] }))
              : new Uint8Array(0));
      // Endless and huge bodies can match no hash: the chain names a random one.
      const hash =
        behaviour === "endless" || behaviour === "huge" || behaviour === "missing" || behaviour === "stall"
          ? randomBytes(32).toString("hex")
          : createHash("sha256").update(bytes).digest("hex");
      blobs.set(hash, { behaviour, body: bytes });
      return { behaviour, hash, url: `${url}/blobs/${hash}` };
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
