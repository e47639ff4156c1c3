#!/usr/bin/env node
// `npm test`: system packages, type-check of every root, eslint, the builds, then vitest
// (unit, integration and Playwright e2e). Vitest's own summary is the last thing printed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./build.mjs";
import { ensureSystemDeps } from "./system-deps.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);

function step(title, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

ensureSystemDeps();
step("type-check (each root alone: scripts/typecheck.mjs)", "npm", ["run", "--silent", "typecheck"]);
step("eslint", bin("eslint"), ["--max-warnings", "0", "."]);
step("prettier (120 columns)", bin("prettier"), ["--check", "--log-level", "warn", "**/*.{ts,tsx,mjs,css}"]);
console.log("\n▶ build (renderer, electron main + preload)");
await buildAll({ lab: true });
const vitestArgs = ["run", ...process.argv.slice(2)];
const result = spawnSync(bin("vitest"), vitestArgs, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" },
});
process.exit(result.status ?? 1);
