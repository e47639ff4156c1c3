import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_PROTOCOL_NAME, MAX_PAYLOAD_BYTES, TOKEN_PROTOCOL_PREFIX, decodeWire, encodeWire } from "../../../shared/api";
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
  core = createCore({ identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir }, background: false, log: () => {} });
  server = await startBrowserServer({ core, rendererDir, log: () => {} });
});
afterAll(async () => {
  await server.close();
  await core.dispose();
});

function connect(options: { token?: string; origin?: string; protocols?: string[] }): Promise<{ ws?: WebSocket; status?: number }> {
  const protocols = options.protocols ?? [API_PROTOCOL_NAME, ...(options.token !== undefined ? [TOKEN_PROTOCOL_PREFIX + options.token] : [])];
  const ws = new WebSocket(server.origin.replace("http", "ws") + "/api", protocols, { origin: options.origin ?? server.origin });
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
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: null, ok: false, error: { code: "invalid_input" } });
    socket.send(encodeWire({ type: "call", id: 2, channel: 17 }));
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: 2, ok: false, error: { code: "invalid_input" } });
    socket.send(encodeWire({ type: "call", id: 3, channel: "wallet:drain", payload: {} }));
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: 3, ok: false, error: { code: "unknown_channel" } });
    socket.send(encodeWire({ type: "call", id: 4, channel: "app:ping", payload: { nonce: 7 } }));
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: 4, ok: false, error: { code: "invalid_input" } });
    socket.send(encodeWire({ type: "call", id: 5, channel: "app:ping", payload: { nonce: "x", pad: new Uint8Array(MAX_PAYLOAD_BYTES + 1) } }));
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: 5, ok: false, error: { code: "payload_too_large" } });
    socket.send(encodeWire({ type: "call", id: 6, channel: "app:ping", payload: { nonce: "still-here" } }));
    expect(await nextMessage(socket)).toMatchObject({ type: "reply", id: 6, ok: true, value: { nonce: "still-here" } });
    socket.close();
  });

  it("serves only loopback, with security headers, and refuses upgrades elsewhere", async () => {
    expect(new URL(server.origin).hostname).toBe("127.0.0.1");
    const response = await fetch(server.origin + "/");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect((await fetch(server.origin + "/", { method: "POST" })).status).toBe(405);
  });
});
