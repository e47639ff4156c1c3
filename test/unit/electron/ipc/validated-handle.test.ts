import type { IpcMain, IpcMainInvokeEvent } from "electron";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { callChannels } from "../../../../shared/api";
import { createCore } from "../../../../electron/core";
import { registerContractHandlers } from "../../../../electron/ipc/validated-handle";
import { APP_ENTRY_URL } from "../../../../electron/security";

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

/** Records registrations the way Electron's ipcMain would hold them, so we can invoke them. */
function recordingIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc = {
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  return { ipc: ipc as unknown as IpcMain, handlers };
}

function eventFrom(url: string, mainFrame: boolean): IpcMainInvokeEvent {
  const frame = { url };
  const sender = { mainFrame: mainFrame ? frame : { url: APP_ENTRY_URL } };
  return { senderFrame: frame, sender } as unknown as IpcMainInvokeEvent;
}

describe("ipcMain handlers", () => {
  const core = createCore({
    identity: {
      name: "Amplify",
      version: "0.0.0-test",
      shell: "electron",
      dataDir: mkdtempSync(join(tmpdir(), "amplify-ipc-")),
    },
    background: false,
    log: () => {},
  });
  afterAll(() => core.dispose());
  const lines: string[] = [];
  const { ipc, handlers } = recordingIpcMain();
  const unregister = registerContractHandlers(ipc, core, (l) => lines.push(l));

  it("registers exactly one handler per contract channel", () => {
    expect([...handlers.keys()].sort()).toEqual([...callChannels].sort());
  });

  it("answers our own top-level page", async () => {
    const reply = await handlers.get("app:ping")!(eventFrom(APP_ENTRY_URL, true), { nonce: "n" });
    expect(reply).toMatchObject({ ok: true, value: { nonce: "n" } });
  });

  it.each([
    ["a foreign origin", "https://evil.example/", true],
    ["a subframe of our own origin", APP_ENTRY_URL, false],
    ["a file:// page", "file:///tmp/index.html", true],
  ])("refuses %s before core sees the payload", async (_name, url, mainFrame) => {
    const reply = await handlers.get("app:ping")!(eventFrom(url, mainFrame), { nonce: "n" });
    expect(reply).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(lines.at(-1)).toContain("refused app:ping");
  });

  it("validates payloads from the trusted page", async () => {
    const reply = await handlers.get("app:ping")!(eventFrom(APP_ENTRY_URL, true), { nonce: 12 });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("removes every handler on dispose", () => {
    unregister();
    expect(handlers.size).toBe(0);
  });
});
