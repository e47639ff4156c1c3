// electron/main.ts itself, run against fakes of Electron's objects (app, protocol, session,
// BrowserWindow, ipcMain, dialog) and a real core on a temporary data directory: the window it
// opens is hardened, every web contents refuses navigation, redirects, webviews and new windows,
// every permission is refused, the app:// handler serves only the app's host, and every contract
// channel is registered on ipcMain. The policy functions are tested alone elsewhere; this proves
// main wires them in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callChannels } from "../../../../shared/api";
import { APP_ENTRY_URL, APP_SCHEME } from "../../../../electron/security";

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, Handler>();
  const windows: Array<{ options: unknown; loaded: string[]; sent: unknown[][] }> = [];
  const permissions: { request?: Handler; check?: Handler } = {};
  const privileged: unknown[] = [];
  class FakeWindow {
    readonly record: { options: unknown; loaded: string[]; sent: unknown[][] };
    readonly webContents = {
      send: (...args: unknown[]) => this.record.sent.push(args),
      on: () => undefined,
    };
    constructor(options: unknown) {
      this.record = { options, loaded: [], sent: [] };
      windows.push(this.record);
    }
    once(): void {}
    show(): void {}
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    static getFocusedWindow(): null {
      return null;
    }
  }
  const module = {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      on: (event: string, handler: Handler) => appHandlers.set(event, handler),
      whenReady: () => Promise.resolve(),
      getPath: () => "",
      getName: () => "Amplify Workstation",
      getVersion: () => "0.0.0-test",
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
      handle: (scheme: string, handler: Handler) => protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => (permissions.request = h),
        setPermissionCheckHandler: (h: Handler) => (permissions.check = h),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
    BrowserWindow: FakeWindow,
  };
  return { module, appHandlers, ipcHandlers, protocolHandlers, windows, permissions, privileged };
});

vi.mock("electron", () => ({ ...fake.module, default: fake.module }));

const home = mkdtempSync(join(tmpdir(), "amplify-main-wiring-"));

beforeAll(async () => {
  process.env.AMPLIFY_HOME = home;
  await import("../../../../electron/main");
  // main opens the window once app.whenReady() settles.
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(() => {
  // will-quit disposes core without waiting (as Electron would exit next); the fork ends here.
  expect(fake.appHandlers.has("will-quit")).toBe(true);
  delete process.env.AMPLIFY_HOME;
  rmSync(home, { recursive: true, force: true });
});

describe("electron/main.ts wiring", () => {
  it("opens one hardened window on the app's entry URL with the sandboxed preload", () => {
    const [window] = fake.windows;
    expect(window?.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: expect.stringMatching(/preload\.cjs$/),
      },
    });
    expect(window?.loaded).toEqual([APP_ENTRY_URL]);
  });

  it("registers every contract channel on ipcMain", () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...callChannels].sort());
  });

  it("stops navigation, redirects, webviews and new windows in every web contents", () => {
    const on = new Map<string, Handler>();
    let openHandler: Handler | undefined;
    const contents = {
      on: (event: string, handler: Handler) => on.set(event, handler),
      setWindowOpenHandler: (handler: Handler) => (openHandler = handler),
    };
    fake.appHandlers.get("web-contents-created")?.({}, contents);
    for (const event of ["will-navigate", "will-redirect"]) {
      const prevented = vi.fn();
      on.get(event)?.({ preventDefault: prevented }, "https://example.com/phish");
      expect(prevented, event).toHaveBeenCalledOnce();
    }
    const webview = vi.fn();
    on.get("will-attach-webview")?.({ preventDefault: webview });
    expect(webview).toHaveBeenCalledOnce();
    expect(openHandler?.({ url: "https://example.com" })).toEqual({ action: "deny" });
  });

  it("refuses every permission request and check", () => {
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read"]) {
      const callback = vi.fn();
      fake.permissions.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.permissions.check?.({}, permission)).toBe(false);
    }
  });

  it("serves the app scheme only for the app's host, with the security headers", async () => {
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: APP_SCHEME })]);
    const handler = fake.protocolHandlers.get(APP_SCHEME);
    const other = (await handler?.({ url: `${APP_SCHEME}://elsewhere/index.html` })) as Response;
    expect(other.status).toBe(404);
    expect(other.headers.get("content-security-policy")).toBeTruthy();
  });
});
