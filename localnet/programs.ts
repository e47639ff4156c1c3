// The Amplify program the localnet deploys at genesis: both committed builds (the newest one the
// ledger's feature set accepts is deployed) and the program keypair. The id comes from the
// keypair, so a localnet can run any program id (AMPLIFY_PROGRAM_ADDRESS names the one clients
// talk to). The localnet still starts, without the program, on a checkout where it is not built.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface LoadedProgram {
  /** Solana CLI keypair file (64-byte JSON array) of the program id. */
  keypairPath: string;
  /** Builds by SBPF version. */
  builds: { v0: string; v3: string };
}

export const DEFAULT_PROGRAM_KEYPAIR_PATH = path.join(repoRoot, "localnet", "program-keypair.json");
export const DEFAULT_PROGRAM_BUILDS = {
  v0: path.join(repoRoot, "program", "dist", "amplify.so"),
  v3: path.join(repoRoot, "program", "dist", "amplify-v3.so"),
};

export function findAmplifyProgram(
  keypairPath = process.env.AMPLIFY_PROGRAM_KEYPAIR ?? DEFAULT_PROGRAM_KEYPAIR_PATH,
): { program: LoadedProgram } | { missing: string } {
  for (const file of [DEFAULT_PROGRAM_BUILDS.v0, DEFAULT_PROGRAM_BUILDS.v3, keypairPath]) {
    if (!fs.existsSync(file))
      return { missing: `${path.relative(repoRoot, file)} does not exist (npm run build:program builds the program)` };
  }
  return { program: { keypairPath, builds: DEFAULT_PROGRAM_BUILDS } };
}
