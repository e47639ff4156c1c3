// `npm run build:program` must reproduce the committed program/dist/amplify.so byte for byte.
// Needs clang-19 (CI installs it); skipped with a message where it is absent.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram, CLANG } from "../../../program/tools/build";

const hasClang = spawnSync(CLANG, ["--version"]).status === 0;
if (!hasClang) console.warn(`${CLANG} not found: skipping the byte-for-byte rebuild of program/dist/amplify.so`);

describe("reproducible program build", () => {
  it.skipIf(!hasClang)("rebuilds program/dist/amplify.so byte for byte with clang-19", { timeout: 120_000 }, () => {
    const outDir = mkdtempSync(join(tmpdir(), "amplify-build-"));
    try {
      const rebuilt = buildProgram(outDir);
      const committed = new Uint8Array(readFileSync("program/dist/amplify.so"));
      expect(rebuilt.length).toBe(committed.length);
      expect(Buffer.compare(Buffer.from(rebuilt), Buffer.from(committed))).toBe(0);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
