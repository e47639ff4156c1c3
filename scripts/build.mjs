#!/usr/bin/env node
// Builds what is stale: the renderer (Vite) and the Electron main + preload bundles (esbuild;
// main bundles core and the Node library under lib/, so both count as its inputs).
// `--force` rebuilds everything. Core is bundled into main; native modules stay external.
import { build as esbuild } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const force = process.argv.includes("--force");

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules") visit(join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

function stale(output, inputs) {
  const out = join(root, output);
  return force || !existsSync(out) || statSync(out).mtimeMs < newestMtime(inputs);
}

/**
 * The renderer bundle: production (dist/renderer, what the app ships) or, with `lab`, the
 * development/test bundle (dist/renderer-lab: the same app plus the Canvas lab and its
 * window.amplifyLab hook, which the e2e tests drive; see renderer/vite.config.ts).
 */
export async function buildRenderer({ lab = false } = {}) {
  const out = lab ? "dist/renderer-lab" : "dist/renderer";
  if (!stale(`${out}/index.html`, ["renderer", "shared", "package.json"])) return false;
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--config", "renderer/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, AMPLIFY_RENDERER_LAB: lab ? "1" : "0" },
    },
  );
  if (result.status !== 0) throw new Error(`renderer build failed (${out})`);
  return true;
}

export async function buildElectron() {
  if (!stale("dist/electron/main.cjs", ["electron", "lib", "shared", "package.json"])) return false;
  /** @type {import("esbuild").BuildOptions} */
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    logLevel: "warning",
    absWorkingDir: root,
    external: ["electron", "better-sqlite3"],
    // Core finds its worker files from import.meta.url under tsx and from __filename in this
    // CommonJS bundle (see moduleFile helpers), so an empty import.meta here is expected.
    logOverride: { "empty-import-meta": "silent" },
  };
  await esbuild({ ...common, entryPoints: ["electron/main.ts"], outfile: "dist/electron/main.cjs" });
  // The first-guess detector runs in a worker thread: its own bundle beside main (tfjs inside).
  await esbuild({
    ...common,
    entryPoints: ["lib/first-guess/detector-worker.ts"],
    outfile: "dist/electron/detector-worker.cjs",
  });
  // Private task data is decrypted off the main thread too: the pool looks for this beside main.
  await esbuild({
    ...common,
    entryPoints: ["electron/core/tasks/decrypt-worker.ts"],
    outfile: "dist/electron/decrypt-worker.cjs",
  });
  // The sandboxed preload may only require "electron": everything else is bundled in.
  await esbuild({
    ...common,
    platform: "browser",
    entryPoints: ["electron/preload.ts"],
    outfile: "dist/electron/preload.cjs",
    external: ["electron"],
  });
  return true;
}

/** Everything the app runs; `lab` adds the development/test renderer (npm test, e2e). */
export async function buildAll({ lab = false } = {}) {
  const renderer = await buildRenderer();
  const rendererLab = lab ? await buildRenderer({ lab: true }) : false;
  const electron = await buildElectron();
  return { renderer, "renderer-lab": rendererLab, electron };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildAll({ lab: process.argv.includes("--lab") });
  const done = Object.entries(built)
    .filter(([, v]) => v)
    .map(([k]) => k);
  console.log(done.length ? `built: ${done.join(", ")}` : "everything is up to date");
}
