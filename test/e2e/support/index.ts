export { repoRoot, startBrowserShell } from "./browser-shell";
export type { RunningShell, ShellOptions } from "./browser-shell";
export { ARTIFACTS_DIR, CHROMIUM_PATH, artifactPath, launchChromium } from "./chromium";
export { callCore } from "./core-client";
