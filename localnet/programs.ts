// The Amplify program binary and its fixed id (from shared/protocol). The localnet still
// starts, without the program, on a checkout where the binary has not been built.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AMPLIFY_PROGRAM_ADDRESS } from "../shared/protocol";
import type { LoadedProgram } from "./ledger/ledger";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_PROGRAM_PATH = path.join(repoRoot, "program", "dist", "amplify.so");

export function findAmplifyProgram(): { program: LoadedProgram } | { missing: string } {
  if (!fs.existsSync(DEFAULT_PROGRAM_PATH)) return { missing: `${path.relative(repoRoot, DEFAULT_PROGRAM_PATH)} is not built (npm run build:program)` };
  return { program: { programId: AMPLIFY_PROGRAM_ADDRESS, path: DEFAULT_PROGRAM_PATH } };
}
