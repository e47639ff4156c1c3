import type { LoadedProgram } from "../../localnet";
import { findAmplifyProgram } from "../../localnet/programs";

/**
 * The committed program binary. A missing one fails the test file with the reason, never skips
 * it: a skipped suite would hide that the market under test is not there.
 */
export function requireAmplifyProgram(): LoadedProgram {
  const found = findAmplifyProgram();
  if ("missing" in found) throw new Error(`the Amplify program is missing: ${found.missing}`);
  return found.program;
}
