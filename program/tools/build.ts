// `npm run build:program`: compiles program/src/*.c with clang-19 to BPF objects once and links
// them twice: program/dist/amplify.so (SBPF v0) and program/dist/amplify-v3.so (SBPF v3).
// Deterministic: fixed flags, sorted inputs, no timestamps or paths in the output (no -g), so the
// committed files can be checked byte for byte.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseElfObject } from "./elf-object";
import { linkSbfObjects } from "./sbf-linker";
import { SBPF_VERSIONS } from "./sbpf-version";
import type { SbpfVersion } from "./sbpf-version";

export const CLANG = process.env.AMPLIFY_CLANG ?? "clang-19";

export const CLANG_FLAGS = [
  "-target",
  "bpfel",
  "-mcpu=v1",
  "-O2",
  "-std=c11",
  "-fno-builtin",
  "-ffreestanding",
  "-fno-jump-tables",
  "-fno-ident",
  "-Wall",
  "-Wextra",
  "-Werror",
  "-mllvm",
  "-bpf-stack-size=4096",
];

const programDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where each version's build is committed, relative to the repository root. */
export const PROGRAM_FILES: Record<SbpfVersion, string> = {
  v0: "program/dist/amplify.so",
  v3: "program/dist/amplify-v3.so",
};

export function buildPrograms(outDir = join(programDir, "build")): Record<SbpfVersion, Uint8Array> {
  const sourceDir = join(programDir, "src");
  const sources = readdirSync(sourceDir)
    .filter((f) => f.endsWith(".c"))
    .sort();
  mkdirSync(outDir, { recursive: true });
  const objects = sources.map((source) => {
    const objectPath = join(outDir, source.replace(/\.c$/, ".o"));
    execFileSync(
      CLANG,
      [...CLANG_FLAGS, "-I", join(programDir, "include"), "-c", join(sourceDir, source), "-o", objectPath],
      {
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    return parseElfObject(source, readFileSync(objectPath));
  });
  return { v0: linkSbfObjects(objects, { sbpfVersion: "v0" }), v3: linkSbfObjects(objects, { sbpfVersion: "v3" }) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = buildPrograms();
  for (const version of SBPF_VERSIONS) {
    const target = join(programDir, "..", PROGRAM_FILES[version]);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, built[version]);
    console.log(`wrote ${PROGRAM_FILES[version]} (SBPF ${version}, ${built[version].length} bytes)`);
  }
}
