// The children `npm start` runs (localnet, app), and getting every one of them down again.
// Each child leads its own process group, so a stop reaches its helpers too (tsx's esbuild
// service, Electron's GPU and renderer processes). A stop comes from SIGINT, SIGTERM or SIGHUP
// sent to this process alone (a service manager or an IDE does not signal the whole group as a
// terminal's Ctrl+C does), or from losing the parent: `npm start` runs us under `sh -c`, and a
// SIGTERM to npm ends that shell without passing the signal on, which leaves us orphaned.
import { spawn } from "node:child_process";

/** How long children get to close their stores and sockets before they are killed. */
const GRACE_MS = 8_000;
const PARENT_POLL_MS = 500;

export class Launcher {
  #children = [];
  /** @type {Promise<never> | null} */
  #stopping = null;

  constructor({ cwd, log = (line) => console.error(line) }) {
    this.cwd = cwd;
    this.log = log;
  }

  /** Spawns a child in its own process group, output shared with ours. */
  run(command, args, env = {}) {
    const child = spawn(command, args, {
      cwd: this.cwd,
      stdio: "inherit",
      env: { ...process.env, ...env },
      detached: process.platform !== "win32",
    });
    this.#children.push(child);
    return child;
  }

  /** Stops on SIGINT/SIGTERM/SIGHUP and when the process that started us goes away. */
  installSignalHandlers() {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void this.stop(0, signal));
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) void this.stop(0, "SIGTERM");
    }, PARENT_POLL_MS);
    watch.unref();
  }

  /** Sends `signal` to every child's group, waits for them, kills stragglers, then exits. */
  stop(code = 0, signal = "SIGTERM") {
    this.#stopping ??= this.#stopAll(signal).then(() => process.exit(code));
    return this.#stopping;
  }

  async #stopAll(signal) {
    const running = this.#children.filter((c) => c.exitCode === null && c.signalCode === null);
    const exited = running.map((c) => new Promise((resolve) => c.once("exit", resolve)));
    for (const child of this.#children) this.#signalGroup(child, signal === "SIGHUP" ? "SIGTERM" : signal);
    const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), GRACE_MS).unref());
    if ((await Promise.race([Promise.all(exited), timeout])) === "timeout")
      this.log("Some processes did not stop in time; killing them.");
    // Whatever is left in the groups (a leader that already exited may leave helpers behind).
    for (const child of this.#children) this.#signalGroup(child, "SIGKILL");
  }

  #signalGroup(child, signal) {
    if (child.pid === undefined) return;
    try {
      if (process.platform === "win32") child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // ESRCH: that group is already gone
    }
  }
}

/**
 * The bundled localnet's three endpoints from one setting per port (AMPLIFY_RPC_PORT,
 * AMPLIFY_WS_PORT, AMPLIFY_BLOB_PORT; Solana's 8899/8900 and 8901 by default). The localnet
 * listens on them and the app is told the same URLs, so they cannot disagree.
 */
export function localnetEndpoints(env = process.env) {
  const port = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535)
      throw new Error(`${name} must be a port number from 1 to 65535; it is "${raw}".`);
    return n;
  };
  const rpcPort = port("AMPLIFY_RPC_PORT", 8899);
  const wsPort = port("AMPLIFY_WS_PORT", rpcPort + 1);
  const blobPort = port("AMPLIFY_BLOB_PORT", wsPort + 1);
  return {
    ports: { AMPLIFY_RPC_PORT: String(rpcPort), AMPLIFY_WS_PORT: String(wsPort), AMPLIFY_BLOB_PORT: String(blobPort) },
    urls: {
      AMPLIFY_RPC_URL: `http://127.0.0.1:${rpcPort}`,
      AMPLIFY_WS_URL: `ws://127.0.0.1:${wsPort}`,
      AMPLIFY_BLOB_URL: `http://127.0.0.1:${blobPort}`,
    },
  };
}
