// `npm run build:program`: compiles program/src/*.c with clang-19 to BPF objects and links them
// into program/dist/amplify.so. Deterministic: fixed flags, sorted inputs, no timestamps or paths
// in the output (no -g), so the committed .so can be checked byte for byte.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseElfObject } from "./elf-object";
import { linkSbfObjects } from "./sbf-linker";

export const CLANG = process.env.AMPLIFY_CLANG ?? "clang-19";

export const CLANG_FLAGS = [
  "-target", "bpfel", "-mcpu=v1", "-O2", "-std=c11",
  "-fno-builtin", "-ffreestanding", "-fno-jump-tables", "-fno-ident",
  "-Wall", "-Wextra", "-Werror",
  "-mllvm", "-bpf-stack-size=4096",
];

const programDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function buildProgram(outDir = join(programDir, "build")): Uint8Array {
  const sourceDir = join(programDir, "src");
  const sources = readdirSync(sourceDir).filter((f) => f.endsWith(".c")).sort();
  mkdirSync(outDir, { recursive: true });
  const objects = sources.map((source) => {
    const objectPath = join(outDir, source.replace(/\.c$/, ".o"));
    execFileSync(CLANG, [...CLANG_FLAGS, "-I", join(programDir, "include"), "-c", join(sourceDir, source), "-o", objectPath], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    return parseElfObject(source, readFileSync(objectPath));
  });
  return linkSbfObjects(objects);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = buildProgram();
  const target = join(programDir, "dist", "amplify.so");
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  console.log(`wrote ${target} (${bytes.length} bytes)`);
}
