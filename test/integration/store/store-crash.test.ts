import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Store } from "../../../electron/core/store";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * A real process opens the store, commits one draft, then starts a transaction that writes
 * many rows and is SIGKILLed in the middle of it. After reopening, the committed draft is
 * there and nothing of the interrupted transaction is.
 */
describe("a crash in the middle of a transaction", () => {
  it("leaves no half-written state", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "amplify-crash-"));
    const script = `
      import { Store } from ${JSON.stringify(join(repoRoot, "electron/core/store/index.ts"))};
      const store = Store.open({ dataDir: ${JSON.stringify(dataDir)} });
      store.db.prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES ('committed', '{}', 1)").run();
      const insert = store.db.prepare("INSERT INTO drafts(task_id, doc, saved_at) VALUES (?, '{}', 2)");
      store.db.exec("BEGIN IMMEDIATE");
      for (let i = 0; i < 5000; i++) insert.run("partial-" + i);
      process.stdout.write("IN_TRANSACTION\\n");
      setInterval(() => {}, 1000); // hold the transaction open until killed
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("IN_TRANSACTION") && resolve());
      child.once("exit", (code) => reject(new Error(`child exited early (${code}): ${err}`)));
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const store = Store.open({ dataDir });
    const rows = store.db.prepare("SELECT task_id FROM drafts ORDER BY task_id").all() as { task_id: string }[];
    expect(rows.map((r) => r.task_id)).toEqual(["committed"]);
    expect(store.health().ok).toBe(true);
    store.close();
  });
});
