#!/usr/bin/env node
// `npm run dist`: build the app's bundles, then package them with electron-builder
// (electron-builder.yml: AppImage + deb on Linux, dmg on macOS, nsis on Windows). Packaging
// needs Electron's prebuilt release zip; where it is neither cached nor downloadable (no
// internet, as on the project's build machine) this says so in one sentence and stops before
// electron-builder runs — which would otherwise rebuild native modules in node_modules and
// then fail on a network error.
import { spawnSync } from "node:child_process";
import { lookup } from "node:dns/promises";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Where @electron/get (used by electron-builder) keeps downloaded Electron zips. */
function electronCaches() {
  const dirs = [];
  if (process.env.ELECTRON_CACHE) dirs.push(process.env.ELECTRON_CACHE);
  if (process.platform === "darwin") dirs.push(join(homedir(), "Library", "Caches", "electron"));
  else if (process.platform === "win32")
    dirs.push(join(process.env.LOCALAPPDATA ?? join(homedir(), "AppData", "Local"), "electron", "Cache"));
  else dirs.push(join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "electron"));
  return dirs;
}

function cachedZip(name) {
  for (const dir of electronCaches()) {
    if (!existsSync(dir)) continue;
    if (existsSync(join(dir, name))) return join(dir, name);
    // Newer @electron/get files each zip under a hash-named folder.
    for (const sub of readdirSync(dir, { withFileTypes: true })) {
      if (sub.isDirectory() && existsSync(join(dir, sub.name, name))) return join(dir, sub.name, name);
    }
  }
  return null;
}

async function reachable(host) {
  try {
    await Promise.race([
      lookup(host),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

await buildAll();

const version = JSON.parse(
  readFileSync(join(dirname(require.resolve("electron/package.json")), "package.json"), "utf8"),
).version;
const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const explicitDist = args.some((a) => a.startsWith("-c.electronDist") || a.startsWith("--config.electronDist"));
if (!explicitDist && !cachedZip(zip) && !(await reachable("github.com"))) {
  console.error(
    `npm run dist: cannot package here: Electron ${version}'s prebuilt binary (${zip}) is not in the Electron cache and github.com cannot be reached, ` +
      `so there is nothing to package the app into (its bundles are built in dist/; run npm run dist on a machine with internet access, on macOS for the dmg, ` +
      `or pass -c.electronDist=<an unpacked Electron ${version}>).`,
  );
  process.exit(1);
}

const builder = spawnSync(
  process.execPath,
  [require.resolve("electron-builder/cli.js"), "--config", "electron-builder.yml", ...args],
  { cwd: root, stdio: "inherit" },
);
process.exit(builder.status ?? 1);
