import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_PROTOCOL_NAME,
  MAX_PAYLOAD_BYTES,
  ServerMessage,
  TOKEN_PROTOCOL_PREFIX,
  decodeWire,
  encodeWire,
} from "../../../shared/api";
import { startBrowserServer } from "../../../electron/browser";
import type { BrowserServer } from "../../../electron/browser";
import { createCore } from "../../../electron/core";
import type { Core } from "../../../electron/core";

let core: Core;
let server: BrowserServer;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "amplify-bridge-"));
  const rendererDir = join(dataDir, "renderer");
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>t</title>");
  core = createCore({
    identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir },
    background: false,
    log: () => {},
  });
  server = await startBrowserServer({ core, rendererDir, log: () => {} });
});
afterAll(async () => {
  await server.close();
  await core.dispose();
});

function connect(options: {
  token?: string;
  origin?: string;
  protocols?: string[];
}): Promise<{ ws?: WebSocket; status?: number }> {
  const protocols = options.protocols ?? [
    API_PROTOCOL_NAME,
    ...(options.token !== undefined ? [TOKEN_PROTOCOL_PREFIX + options.token] : []),
  ];
  const ws = new WebSocket(server.origin.replace("http", "ws") + "/api", protocols, {
    origin: options.origin ?? server.origin,
  });
  return new Promise((resolve) => {
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => resolve({ status: res.statusCode }));
    ws.once("error", () => resolve({}));
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = decodeWire(new Uint8Array(data)) as Record<string, unknown>;
      if (message.type === "event") return; // replayed events are not what we wait for
      ws.off("message", onMessage);
      resolve(message);
    };
    ws.on("message", onMessage);
  });
}

/** A frame around hand-written JSON, for keys `encodeWire` would never produce. */
function rawFrame(json: string): Buffer {
  const body = Buffer.from(json, "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

describe("browser shell WebSocket bridge", () => {
  it("refuses a connection without the token", async () => {
    expect((await connect({})).status).toBe(401);
  });

  it("refuses a wrong token, including one that differs by a single character", async () => {
    expect((await connect({ token: "wrong" })).status).toBe(401);
    const almost = server.token.slice(0, -1) + (server.token.endsWith("A") ? "B" : "A");
    expect((await connect({ token: almost })).status).toBe(401);
  });

  it("refuses a foreign origin even with the right token", async () => {
    expect((await connect({ token: server.token, origin: "http://evil.example" })).status).toBe(403);
    expect((await connect({ token: server.token, origin: "http://127.0.0.1:1" })).status).toBe(403);
  });

  it("serves calls with the right token and origin", async () => {
    const { ws } = await connect({ token: server.token });
    expect(ws).toBeDefined();
    ws!.send(encodeWire({ type: "call", id: 1, channel: "app:info" }));
    const reply = await nextMessage(ws!);
    expect(reply).toMatchObject({ type: "reply", id: 1, ok: true, value: { shell: "browser", version: "0.0.0-test" } });
    ws!.close();
  });

  it("answers malformed messages with an error reply and keeps serving", async () => {
    const { ws } = await connect({ token: server.token });
    const socket = ws!;
    socket.send("plain text");
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", ok: false, error: { code: "invalid_input" } });
    socket.send(Buffer.from([1, 2, 3]));
    expect(await nextMessage(socket)).toMatchObject({
      type: "reply",
      id: null,
      ok: false,
      error: { code: "invalid_input" },
    });
    socket.send(encodeWire({ type: "call", id: 2, channel: 17 }));
    expect(await nextMessage(socket)).toMatchObject({
      type: "reply",
      id: 2,
      ok: false,
      error: { code: "invalid_input" },
    });
    socket.send(encodeWire({ type: "call", id: 3, channel: "wallet:drain", payload: {} }));
    expect(await nextMessage(socket)).toMatchObject({
      type: "reply",
      id: 3,
      ok: false,
      error: { code: "unknown_channel" },
    });
    socket.send(encodeWire({ type: "call", id: 4, channel: "app:ping", payload: { nonce: 7 } }));
    expect(await nextMessage(socket)).toMatchObject({
      type: "reply",
      id: 4,
      ok: false,
      error: { code: "invalid_input" },
    });
    socket.send(
      encodeWire({
        type: "call",
        id: 5,
        channel: "app:ping",
        payload: { nonce: "x", pad: new Uint8Array(MAX_PAYLOAD_BYTES + 1) },
      }),
    );
    expect(await nextMessage(socket)).toMatchObject({
      type: "reply",
      id: 5,
      ok: false,
      error: { code: "payload_too_large" },
    });
    socket.send(encodeWire({ type: "call", id: 6, channel: "app:ping", payload: { nonce: "still-here" } }));
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: 6, ok: true, value: { nonce: "still-here" } });
    socket.close();
  });

  it("refuses prototype keys, unsafe ids, malformed addresses and non-http RPC URLs with a sentence", async () => {
    const { ws } = await connect({ token: server.token });
    const socket = ws!;
    // JSON.parse keeps "__proto__" as an own key; copied naively it became the payload's
    // prototype and the schema read an inherited nonce.
    socket.send(rawFrame('{"type":"call","id":11,"channel":"app:ping","payload":{"__proto__":{"nonce":"inherited"}}}'));
    const proto = await nextMessage(socket);
    expect(proto).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(String((proto.error as { message: string }).message)).toContain("__proto__");
    socket.send(
      rawFrame(
        '{"type":"call","id":12,"channel":"settings:update","payload":{"constructor":{"prototype":{"theme":"light"}}}}',
      ),
    );
    expect(await nextMessage(socket)).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    for (const id of [2 ** 53, 2 ** 64, 1e300]) {
      socket.send(encodeWire({ type: "call", id, channel: "app:ping", payload: { nonce: "big" } }));
      const reply = await nextMessage(socket);
      expect(reply).toMatchObject({ type: "reply", id: null, ok: false, error: { code: "invalid_input" } });
      expect(ServerMessage.safeParse(reply).success).toBe(true);
    }
    socket.send(
      encodeWire({ type: "call", id: Number.MAX_SAFE_INTEGER, channel: "app:ping", payload: { nonce: "max" } }),
    );
    const max = await nextMessage(socket);
    expect(max).toMatchObject({ id: Number.MAX_SAFE_INTEGER, ok: true });
    expect(ServerMessage.safeParse(max).success).toBe(true);

    socket.send(
      encodeWire({ type: "call", id: 13, channel: "tasks:open", payload: { id: "0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl" } }),
    );
    const badAddress = await nextMessage(socket);
    expect(badAddress).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(String((badAddress.error as { message: string }).message)).toMatch(/not a Solana address/);
    socket.send(
      encodeWire({
        type: "call",
        id: 14,
        channel: "market:accept",
        payload: { items: [{ campaign: "1".repeat(44), count: 1 }] },
      }),
    );
    expect(await nextMessage(socket)).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    for (const rpcUrl of ["javascript:alert(1)", "file:///etc/passwd", "data:text/plain,x"]) {
      socket.send(encodeWire({ type: "call", id: 15, channel: "settings:update", payload: { rpcUrl } }));
      expect(await nextMessage(socket)).toMatchObject({ id: 15, ok: false, error: { code: "invalid_input" } });
    }
    socket.send(
      encodeWire({ type: "call", id: 16, channel: "settings:update", payload: { blobGateways: ["file:///dev/zero"] } }),
    );
    expect(await nextMessage(socket)).toMatchObject({ id: 16, ok: false, error: { code: "invalid_input" } });
    socket.close();
  });

  it("serves only loopback, with security headers, and refuses upgrades elsewhere", async () => {
    expect(new URL(server.origin).hostname).toBe("127.0.0.1");
    const response = await fetch(server.origin + "/");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect((await fetch(server.origin + "/", { method: "POST" })).status).toBe(405);
  });
});
