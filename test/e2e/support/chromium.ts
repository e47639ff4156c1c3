import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./browser-shell";

export const CHROMIUM_PATH = process.env.AMPLIFY_CHROMIUM ?? "/usr/bin/chromium";
export const ARTIFACTS_DIR = join(repoRoot, "test", "artifacts");

/**
 * Debian's Chromium, headless. The background-networking flags matter here: without them
 * Chromium keeps dialling Google's hosts, which this sandboxed machine refuses.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`node scripts/system-deps.mjs\` as root, or set AMPLIFY_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
    ],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
