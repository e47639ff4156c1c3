#!/usr/bin/env node
// Installs the Debian packages the test suite needs when run as root, or prints the exact
// command and stops. Chromium drives the e2e tests; clang-19 and lld-19 build the program.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const REQUIRED = [
  { pkg: "chromium", provides: "/usr/bin/chromium", why: "end-to-end tests drive the UI in Chromium" },
  { pkg: "clang-19", provides: "/usr/bin/clang-19", why: "builds the on-chain program" },
  { pkg: "lld-19", provides: "/usr/bin/ld.lld-19", why: "clang-19's companion tools for the program build" },
];

export function missingPackages() {
  return REQUIRED.filter((r) => !existsSync(r.provides));
}

export function ensureSystemDeps() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const names = missing.map((m) => m.pkg).join(" ");
  const command = `apt-get update && apt-get install -y --no-install-recommends ${names}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing system packages: ${missing.map((m) => `${m.pkg} (${m.why})`).join(", ")}.`);
    console.error(`Install them with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`Installing system packages: ${names}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  /** @type {Array<[string, string[]]>} */
  const steps = [
    ["apt-get", ["update", "-qq"]],
    ["apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing.map((m) => m.pkg)]],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (r.status !== 0) {
      console.error(`Failed: ${command}`);
      process.exit(1);
    }
  }
  const still = missingPackages();
  if (still.length) {
    console.error(`Still missing after install: ${still.map((m) => m.provides).join(", ")}`);
    process.exit(1);
  }
  console.log(execFileSync("/usr/bin/chromium", ["--version"]).toString().trim());
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemDeps();
