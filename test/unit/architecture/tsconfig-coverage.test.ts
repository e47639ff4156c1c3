// Every TypeScript and script file in the repository is type-checked by one of the per-root
// tsconfigs that `npm run typecheck` runs (the references in tsconfig.json). A new folder that
// no tsconfig includes would otherwise never be compiled, and its errors would go unseen.
import { execFileSync } from "node:child_process";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/architecture/layers.mjs";

function projectFiles(tsconfig: string): string[] {
  const read = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(`${tsconfig}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig));
  return parsed.fileNames.map((file) => relative(repoRoot, file));
}

describe("tsconfig coverage", () => {
  it("every tracked .ts, .tsx, .mts and .mjs file belongs to a root tsconfig that npm run typecheck runs", () => {
    const solution = ts.readConfigFile(resolve(repoRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const references = (solution.config as { references: Array<{ path: string }> }).references;
    const covered = new Set(references.flatMap((ref) => projectFiles(resolve(repoRoot, ref.path))));
    const tracked = execFileSync(
      "git",
      ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx", "*.mts", "*.mjs"],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    )
      .split("\n")
      .filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.filter((file) => !covered.has(file))).toEqual([]);
  });
});
