// The browser shell: the same core as the desktop app, served to any Chromium on 127.0.0.1.
// It is how the app runs where Electron cannot be installed, and how e2e tests drive the UI.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startBrowserServer } from "./browser";
import { createCore, resolveDataDir } from "./core";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.AMPLIFY_PORT ?? "0" },
      renderer: { type: "string", default: `${repoRoot}dist/renderer` },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const pkg = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8")) as { productName: string; version: string };

  const core = createCore({
    identity: { name: pkg.productName, version: pkg.version, shell: "browser", dataDir: resolveDataDir() },
    ...(process.env.AMPLIFY_WS_URL ? { wsUrl: process.env.AMPLIFY_WS_URL } : {}),
  });
  const server = await startBrowserServer({ core, rendererDir: values.renderer, port });
  // One machine-readable line first (tests and scripts read it), then one for people.
  console.log(`AMPLIFY_BROWSER_SHELL_URL=${server.url}`);
  console.log(`Amplify Workstation (browser shell) is running: open ${server.url}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await core.dispose();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
