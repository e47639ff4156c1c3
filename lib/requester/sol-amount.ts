import { parseSolText, solDigits } from "../../shared/sol";
import { RequesterError } from "../chain";

/** "0.005" → lamports, exactly (shared/sol), or a sentence saying how to write it. */
export function parseSol(text: string): bigint {
  const lamports = parseSolText(text);
  if (lamports === null) throw new RequesterError(`Not an amount of SOL: "${text}" (write it like 0.005).`, "price");
  return lamports;
}

/** Lamports → "0.005", the digits only: the CLI writes the unit itself. The inverse of parseSol. */
export const formatSol = solDigits;
