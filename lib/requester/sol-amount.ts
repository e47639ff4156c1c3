import { RequesterError } from "../chain";

/** "0.005" → lamports, exactly (no floating point): at most 9 decimals, as SOL has. */
export function parseSol(text: string): bigint {
  const match = /^(\d{1,10})(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!match) throw new RequesterError(`Not an amount of SOL: "${text}" (write it like 0.005).`, "price");
  return BigInt(match[1] ?? "0") * 1_000_000_000n + BigInt((match[2] ?? "").padEnd(9, "0"));
}

/** Lamports → "0.005" (no trailing zeros), the inverse of parseSol. */
export function formatSol(lamports: bigint): string {
  const whole = lamports / 1_000_000_000n;
  const frac = (lamports % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}
