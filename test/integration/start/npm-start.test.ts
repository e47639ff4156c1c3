import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { callCore } from "../../e2e/support/core-client";
import { repoRoot } from "../../e2e/support/browser-shell";

// `npm start` as a service manager or an IDE runs it: the signal goes to npm's process alone,
// never to the whole process group as a terminal's Ctrl+C does.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Every live process below `root`, read from /proc (parent links). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we read
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

function alive(pid: number): boolean {
  try {
    // a zombie is gone for our purposes: it runs nothing and holds no port
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

interface Started {
  readonly npm: ChildProcess;
  readonly url: URL;
  readonly output: () => string;
}

const homes: string[] = [];
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.pid) process.kill(p.pid, "SIGKILL");
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

async function npmStart(env: Record<string, string>): Promise<Started> {
  const home = mkdtempSync(join(tmpdir(), "amplify-start-"));
  homes.push(home);
  const base = { ...process.env };
  for (const name of [
    "AMPLIFY_RPC_URL",
    "AMPLIFY_WS_URL",
    "AMPLIFY_BLOB_URL",
    "AMPLIFY_RPC_PORT",
    "AMPLIFY_WS_PORT",
    "AMPLIFY_BLOB_PORT",
  ])
    delete base[name];
  const npm = spawn("npm", ["run", "--silent", "start:browser"], {
    cwd: repoRoot,
    env: { ...base, AMPLIFY_HOME: home, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(npm);
  let output = "";
  npm.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  npm.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL:\n${output}`)), 110_000);
    npm.stdout?.on("data", () => {
      const match = /AMPLIFY_BROWSER_SHELL_URL=(\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(new URL(match[1]));
    });
    npm.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return { npm, url, output: () => output };
}

async function stopAndCheck(run: Started, signal: NodeJS.Signals): Promise<void> {
  const pids = descendants(run.npm.pid!);
  expect(pids.length).toBeGreaterThanOrEqual(2); // the launcher and the app at least
  const exited = new Promise((resolve) => run.npm.once("exit", resolve));
  process.kill(run.npm.pid!, signal);
  await exited;
  await expect.poll(() => pids.filter(alive), { timeout: 20_000, interval: 200 }).toEqual([]);
}

describe("npm start", () => {
  it(
    "points the app at the localnet's own ports and leaves no process behind after a SIGTERM to npm",
    { timeout: 180_000 },
    async () => {
      const [rpc, ws, blob] = [await freePort(), await freePort(), await freePort()];
      const run = await npmStart({
        AMPLIFY_RPC_PORT: String(rpc),
        AMPLIFY_WS_PORT: String(ws),
        AMPLIFY_BLOB_PORT: String(blob),
      });
      const shell = { origin: run.url.origin, token: run.url.hash.replace(/^#token=/, "") };
      // One setting drives both: the app talks to the RPC the localnet listens on, and is online.
      await expect
        .poll(() => callCore(shell, "net:status"), { timeout: 30_000, interval: 500 })
        .toMatchObject({ online: true, rpcUrl: `http://127.0.0.1:${rpc}` });
      await stopAndCheck(run, "SIGTERM");
    },
  );

  it("leaves no process behind after a SIGINT to npm alone", { timeout: 120_000 }, async () => {
    // Pointed at an RPC elsewhere: no localnet, only the app (quicker, same launcher).
    const run = await npmStart({ AMPLIFY_RPC_URL: "http://127.0.0.1:9" });
    await stopAndCheck(run, "SIGINT");
  });
});
