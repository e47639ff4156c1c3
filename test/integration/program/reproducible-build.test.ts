// `npm run build:program` must reproduce both committed programs (SBPF v0 and v3) byte for byte.
// Needs clang-19 (CI installs it); skipped with a message where it is absent.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPrograms, CLANG, PROGRAM_FILES } from "../../../program/tools/build";
import { SBPF_VERSIONS } from "../../../program/tools/sbpf-version";

const hasClang = spawnSync(CLANG, ["--version"]).status === 0;
if (!hasClang) console.warn(`${CLANG} not found: skipping the byte-for-byte rebuild of program/dist`);

describe("reproducible program build", () => {
  it.skipIf(!hasClang)(
    "rebuilds program/dist/amplify.so (v0) and amplify-v3.so (v3) byte for byte with clang-19",
    { timeout: 120_000 },
    () => {
      const outDir = mkdtempSync(join(tmpdir(), "amplify-build-"));
      try {
        const rebuilt = buildPrograms(outDir);
        for (const version of SBPF_VERSIONS) {
          const committed = new Uint8Array(readFileSync(PROGRAM_FILES[version]));
          expect(rebuilt[version].length, PROGRAM_FILES[version]).toBe(committed.length);
          expect(Buffer.compare(Buffer.from(rebuilt[version]), Buffer.from(committed)), PROGRAM_FILES[version]).toBe(0);
        }
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});
