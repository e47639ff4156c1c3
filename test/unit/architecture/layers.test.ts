// The layering (scripts/architecture/layers.json) and acyclicity hold for the whole repository,
// and a new file that breaks them fails both eslint and the import-graph checker.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import { afterEach, describe, expect, it } from "vitest";
import {
  fileCycles,
  folderCycles,
  importGraph,
  layerViolations,
  repoRoot,
} from "../../../scripts/architecture/layers.mjs";

const written: string[] = [];
function probe(path: string, source: string): string {
  const abs = join(repoRoot, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, source);
  written.push(abs);
  return abs;
}
afterEach(() => {
  for (const abs of written.splice(0)) rmSync(abs, { force: true });
  rmSync(join(repoRoot, `lib/zz-cycle-${process.pid}`), { recursive: true, force: true });
});

describe("architecture", () => {
  it("no import crosses a boundary the layer table forbids", () => {
    expect(layerViolations(importGraph())).toEqual([]);
  });

  it("no files and no folders import each other, directly or around a loop", () => {
    const graph = importGraph();
    expect(fileCycles(graph)).toEqual([]);
    expect(folderCycles(graph)).toEqual([]);
  });

  it("a file importing across a forbidden boundary fails eslint and the checker", async () => {
    const id = process.pid;
    // lib/ reaching into the CLI; core reaching the Electron shell by a path with no folder
    // name in it ("../ipc"); the shell using ipcMain outside electron/ipc.
    const libProbe = probe(
      `lib/zz-probe-${id}.ts`,
      `import { runCli } from "../cli/src/cli";\nexport const probe = runCli;\n`,
    );
    const coreProbe = probe(
      `electron/core/zz-probe-${id}.ts`,
      `import { serveContractOverIpc } from "../ipc";\nexport const probe = serveContractOverIpc;\n`,
    );
    const ipcProbe = probe(
      `electron/zz-probe-${id}.ts`,
      `import { ipcMain } from "electron";\nexport const probe = ipcMain;\n`,
    );

    const violations = layerViolations(importGraph());
    expect(violations).toContain(`lib/zz-probe-${id}.ts -> cli/src/cli.ts (lib may not import cli)`);
    expect(violations).toContain(
      `electron/core/zz-probe-${id}.ts -> electron/ipc/index.ts (core may not import shell)`,
    );

    const results = await new ESLint({ cwd: repoRoot }).lintFiles([libProbe, coreProbe, ipcProbe]);
    const rules = (file: string) => results.find((r) => r.filePath === file)?.messages.map((m) => m.ruleId);
    expect(rules(libProbe)).toEqual(expect.arrayContaining(["amplify/layers", "no-restricted-imports"]));
    expect(rules(coreProbe)).toContain("amplify/layers");
    expect(rules(ipcProbe)).toContain("no-restricted-imports");
  });

  it("two folders that import each other are reported as a cycle", () => {
    const dir = `lib/zz-cycle-${process.pid}`;
    probe(`${dir}/a/one.ts`, `import { two } from "../b/two";\nexport const one = () => two;\n`);
    probe(`${dir}/b/two.ts`, `import { one } from "../a/one";\nexport const two = () => one;\n`);
    const graph = importGraph();
    expect(fileCycles(graph)).toContainEqual([`${dir}/a/one.ts`, `${dir}/b/two.ts`]);
    expect(folderCycles(graph)).toContainEqual([`${dir}/a`, `${dir}/b`]);
  });
});
