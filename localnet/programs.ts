// Finds the Amplify program binary and its fixed id. The id lives in shared/protocol (owned
// by the program work); it is loaded dynamically so the localnet still starts, without the
// program, on a checkout where either is missing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { LoadedProgram } from "./ledger/ledger";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_PROGRAM_PATH = path.join(repoRoot, "program", "dist", "amplify.so");

async function protocolProgramId(): Promise<string | undefined> {
  const entry = path.join(repoRoot, "shared", "protocol", "index.ts");
  if (!fs.existsSync(entry)) return undefined;
  const mod: Record<string, unknown> = await import(pathToFileURL(entry).href);
  for (const name of ["PROGRAM_ID", "AMPLIFY_PROGRAM_ID", "PROGRAM_ADDRESS", "AMPLIFY_PROGRAM_ADDRESS"]) {
    const v = mod[name];
    if (typeof v === "string") return v;
  }
  return undefined;
}

/** The Amplify program to load, or a reason it cannot be. */
export async function findAmplifyProgram(): Promise<{ program: LoadedProgram } | { missing: string }> {
  if (!fs.existsSync(DEFAULT_PROGRAM_PATH)) return { missing: `${path.relative(repoRoot, DEFAULT_PROGRAM_PATH)} not built` };
  const programId = await protocolProgramId();
  if (!programId) return { missing: "shared/protocol exports no program id" };
  return { program: { programId, path: DEFAULT_PROGRAM_PATH } };
}
