#!/usr/bin/env node
// `npm run typecheck`: every root's tsconfig (the references in tsconfig.json) type-checked on
// its own, two at a time; prints each failing root's errors and exits non-zero if any failed.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** @type {{ references: Array<{ path: string }> }} */
const solution = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8"));
const projects = solution.references.map((r) => r.path);
const tsc = join(root, "node_modules/typescript/bin/tsc");

/** @param {string} project */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project], { cwd: root });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ project, ok: code === 0, out }));
  });
}

/** @type {Array<{ project: string, ok: boolean, out: string }>} */
const results = [];
const queue = [...projects];
await Promise.all(
  [0, 1].map(async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(/** @type {any} */ (await check(next)));
  }),
);
const failed = results.filter((r) => !r.ok);
for (const r of failed) process.stdout.write(`\n✗ ${r.project}\n${r.out}`);
if (failed.length) process.exit(1);
