import type { BrowserWindowConstructorOptions } from "electron";

/**
 * The one place the window's web preferences are decided (DESIGN §7). A pure function so a
 * test asserts every setting without an Electron binary.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: "#14161a",
    title: "Amplify Workstation",
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: "Auxclick",
      devTools: process.env.AMPLIFY_DEVTOOLS === "1",
    },
  };
}
