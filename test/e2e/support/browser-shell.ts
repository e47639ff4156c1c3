import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface RunningShell {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly home: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ShellOptions {
  /** Reuse a data directory (for restart tests); a fresh temporary one by default. */
  readonly home?: string;
  readonly env?: Record<string, string>;
  /**
   * Serve the development/test renderer (dist/renderer-lab: the app plus the Canvas lab and
   * window.amplifyLab) instead of the production one. Built by `npm test` (buildAll({ lab: true })).
   */
  readonly lab?: boolean;
}

/**
 * Starts the real browser shell as its own process, as `npm run start:browser` does, against a
 * throwaway data directory, and resolves once it prints its URL.
 */
export async function startBrowserShell(options: ShellOptions = {}): Promise<RunningShell> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), "amplify-e2e-"));
  const renderer = join(repoRoot, options.lab ? "dist/renderer-lab" : "dist/renderer");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "electron/browser-shell.ts"), "--renderer", renderer],
    {
      cwd: repoRoot,
      env: { ...process.env, AMPLIFY_HOME: home, AMPLIFY_RPC_URL: "http://127.0.0.1:9", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser shell did not start:\n${output}`)), 30_000);
    child.stdout.on("data", () => {
      const match = /AMPLIFY_BROWSER_SHELL_URL=(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`browser shell exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace(/^#token=/, ""),
    home,
    process: child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill(signal);
      const code = await exited;
      if (!options.home) rmSync(home, { recursive: true, force: true });
      return code;
    },
  };
}
