// The page must not go on saying "online" when the shell (and core with it) stops: the browser
// transport tells the page's listeners the network is out of reach, and once the shell is back it
// asks core where the network stands instead of waiting for a change that may never come.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { afterAll, describe, expect, it } from "vitest";
import type { NetStatus } from "../../../shared/api";
import { startBrowserServer } from "../../../electron/browser";
import type { BrowserServer } from "../../../electron/browser";
import { createCore } from "../../../electron/core";
import { createWebSocketTransport } from "../../../renderer/src/api/websocket-transport";

const dataDir = mkdtempSync(join(tmpdir(), "amplify-lost-core-"));
const rendererDir = join(dataDir, "renderer");
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>t</title>");
const core = createCore({
  identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir },
  background: false,
  log: () => {},
});
let server: BrowserServer | undefined;

afterAll(async () => {
  await server?.close();
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the browser page when the shell stops", () => {
  it("hears 'offline' when core goes, and the real status once it is back", async () => {
    server = await startBrowserServer({ core, rendererDir, log: () => {} });
    // The page's WebSocket, in Node (the ws package), sending the Origin a browser would.
    const origin = server.origin;
    (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        super(url, protocols, { origin });
      }
    };
    const { token } = server;
    const port = Number(new URL(server.origin).port);
    const seen: NetStatus[] = [];
    const transport = createWebSocketTransport(`ws://127.0.0.1:${port}/api`, token);
    transport.subscribe("net:changed", (payload) => seen.push(payload as NetStatus));
    expect(await transport.invoke("app:ping", { nonce: "up" })).toMatchObject({ ok: true });

    await server.close();
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toMatchObject({ online: false, rpcUrl: "" });
    expect(seen.at(-1)?.reason).toMatch(/core is not answering/);

    server = await startBrowserServer({ core, rendererDir, port, token, log: () => {} });
    await expect
      .poll(() => seen.at(-1)?.rpcUrl, { timeout: 20_000 })
      .toBe(((await core.dispatch("settings:get", undefined)) as { ok: true; value: { rpcUrl: string } }).value.rpcUrl);
  }, 60_000);
});
