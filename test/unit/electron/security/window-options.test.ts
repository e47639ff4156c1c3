import { describe, expect, it } from "vitest";
import { createWindowOptions } from "../../../../electron/security/window-options";

describe("the BrowserWindow is hardened (DESIGN §7)", () => {
  const prefs = createWindowOptions("/app/preload.cjs").webPreferences ?? {};

  it.each([
    ["contextIsolation", true],
    ["sandbox", true],
    ["nodeIntegration", false],
    ["nodeIntegrationInWorker", false],
    ["nodeIntegrationInSubFrames", false],
    ["webSecurity", true],
    ["allowRunningInsecureContent", false],
    ["experimentalFeatures", false],
    ["webviewTag", false],
    ["navigateOnDragDrop", false],
  ] as const)("%s is %s", (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it("loads our preload and keeps devtools off unless asked for", () => {
    expect(prefs.preload).toBe("/app/preload.cjs");
    expect(prefs.devTools).toBe(process.env.AMPLIFY_DEVTOOLS === "1");
  });
});
