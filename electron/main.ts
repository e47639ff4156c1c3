// Electron main: a thin adapter between the window and core. Every capability lives in core;
// this file only hardens the window and moves messages (DESIGN §1, §7).
import { BrowserWindow, app, dialog, protocol, session } from "electron";
import { join } from "node:path";
import { EVENT_IPC_CHANNEL } from "../shared/api/bridge";
import { createCore, resolveDataDir } from "./core";
import type { Core } from "./core";
import { serveContractOverIpc } from "./ipc";
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  SECURITY_HEADERS,
  allowNavigation,
  allowPermission,
  allowWebview,
  createWindowOptions,
  readRendererFile,
  windowOpenPolicy,
} from "./security";

const log = (line: string) => console.error(`[main] ${line}`);
// Bundled to dist/electron/main.cjs; the renderer build sits beside it.
const rendererDir = join(__dirname, "..", "renderer");
const preloadPath = join(__dirname, "preload.cjs");

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  let core: Core | undefined;
  let window: BrowserWindow | undefined;

  app.on("second-instance", () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on("will-attach-webview", (event) => {
      if (!allowWebview()) event.preventDefault();
    });
    contents.setWindowOpenHandler(windowOpenPolicy);
  });

  void app.whenReady().then(() => {
    const dataDir = process.env.AMPLIFY_HOME ? resolveDataDir() : app.getPath("userData");
    core = createCore({
      identity: { name: app.getName(), version: app.getVersion(), shell: "electron", dataDir },
      log,
      // The Requester view's folder picker: a native dialog owned by main, so the page only
      // ever learns the path the user chose.
      pickFolder: async (purpose) => {
        const options: Electron.OpenDialogOptions = {
          title:
            purpose === "images"
              ? "Folder of images for the campaign"
              : purpose === "examples"
                ? "Folder of the campaign's example images"
                : "Folder to export the results to",
          properties: purpose === "export" ? ["openDirectory", "createDirectory"] : ["openDirectory"],
        };
        const owner = BrowserWindow.getFocusedWindow();
        const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      ...(process.env.AMPLIFY_WS_URL ? { wsUrl: process.env.AMPLIFY_WS_URL } : {}),
    });

    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(allowPermission(permission)),
    );
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = url.host === APP_HOST ? await readRendererFile(rendererDir, url.pathname) : null;
      if (!file) return new Response("not found", { status: 404, headers: SECURITY_HEADERS });
      return new Response(new Uint8Array(file.body), {
        headers: { "Content-Type": file.contentType, ...SECURITY_HEADERS },
      });
    });

    serveContractOverIpc(core, log);
    window = new BrowserWindow(createWindowOptions(preloadPath));
    const target = window;
    core.events.subscribe((event, payload) => {
      if (!target.isDestroyed()) target.webContents.send(EVENT_IPC_CHANNEL, event, payload);
    });
    // A (re)loaded page starts with no state: replay the latest value of every event to it.
    target.webContents.on("did-finish-load", () => {
      for (const [event, payload] of core?.events.latest() ?? [])
        target.webContents.send(EVENT_IPC_CHANNEL, event, payload);
    });
    target.once("ready-to-show", () => target.show());
    void target.loadURL(APP_ENTRY_URL);
  });

  app.on("window-all-closed", () => app.quit());
  app.on("will-quit", () => {
    void core?.dispose();
  });
}
