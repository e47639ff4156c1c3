#!/usr/bin/env node
// `npm start`: build what is stale, start the bundled localnet with its demo market (unless
// AMPLIFY_RPC_URL points elsewhere), then open the Electron app — or, where Electron's binary
// is missing, say so and start the browser shell. `--browser` always picks the browser shell.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./build.mjs";
import { Launcher, localnetEndpoints } from "./launcher.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const wantBrowser = process.argv.includes("--browser");
const launcher = new Launcher({ cwd: root });
launcher.installSignalHandlers();

function electronBinary() {
  // Electron >= 42 fetches its binary on first use. Resolve it in a child process so a failed
  // download (no internet) becomes one clear line here instead of a stack trace.
  const electronDir = dirname(require.resolve("electron/package.json"));
  if (!existsSync(join(electronDir, "path.txt"))) console.log("Fetching Electron's binary (first launch only)…");
  const probe = spawnSync(process.execPath, ["-e", "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: "utf8",
  });
  const path = probe.stdout.trim();
  if (probe.status === 0 && path && existsSync(path)) return path;
  const reason = /Electron failed to install correctly/.test(probe.stderr)
    ? "its download failed"
    : `it could not be started (exit ${probe.status})`;
  return { reason };
}

function tsxNode(entry, args = [], env = {}) {
  return launcher.run(process.execPath, ["--import", "tsx", entry, ...args], env);
}

async function waitForRpc(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"jsonrpc":"2.0","id":1,"method":"getHealth"}',
      });
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

await buildAll();

// What the app is told about its network: the bundled localnet's three endpoints unless the
// user pointed it elsewhere. The same port settings drive the localnet and the app's URLs.
const appEnv = {};
if (!process.env.AMPLIFY_RPC_URL && existsSync(join(root, "localnet/main.ts"))) {
  let endpoints;
  try {
    endpoints = localnetEndpoints();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  console.log("Starting the bundled localnet and demo market…");
  Object.assign(appEnv, endpoints.urls);
  tsxNode("localnet/main.ts", [], endpoints.ports);
  if (!(await waitForRpc(endpoints.urls.AMPLIFY_RPC_URL, 30_000))) {
    console.error(
      `The localnet did not come up on ${endpoints.urls.AMPLIFY_RPC_URL} within 30 s; the app starts offline.`,
    );
  }
}

const electron = wantBrowser ? null : electronBinary();
let app;
if (typeof electron === "string") {
  app = launcher.run(electron, [root], appEnv);
} else {
  if (electron)
    console.log(`Electron's binary is not available here (${electron.reason}); starting the browser shell instead.`);
  app = tsxNode("electron/browser-shell.ts", [], appEnv);
}
app.on("exit", (code) => void launcher.stop(code ?? 0));
