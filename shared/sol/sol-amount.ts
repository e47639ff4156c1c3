// SOL amounts as text, exact to the lamport (no floating point on the way from lamports to
// digits or back): the app, the CLI, the worker terms and the services all print and read
// amounts through these, so "0.000001875" means the same lamports everywhere.

export const LAMPORTS_PER_SOL = 1_000_000_000n;

const SOL_TEXT = /^(\d{1,10})(?:\.(\d{1,9}))?$/;

/** Lamports as SOL digits, every significant one, no trailing zeros, never an exponent: 5000n → "0.000005". */
export function solDigits(lamports: bigint): string {
  const negative = lamports < 0n;
  const abs = negative ? -lamports : lamports;
  const whole = abs / LAMPORTS_PER_SOL;
  const fraction = (abs % LAMPORTS_PER_SOL).toString().padStart(9, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * Lamports with the unit, as a person reads them: "0.005 SOL". The renderer holds lamports as
 * numbers (whole ones, from JSON); a number that is not finite prints as "—" rather than "NaN".
 */
export function formatSol(lamports: bigint | number): string {
  if (typeof lamports === "number") {
    if (!Number.isFinite(lamports)) return "—";
    return `${solDigits(BigInt(Math.round(lamports)))} SOL`;
  }
  return `${solDigits(lamports)} SOL`;
}

/**
 * "0.005" → 5_000_000n, exactly; null when the text is not an amount of SOL (at most 10 whole
 * digits, so any amount fits a u64 of lamports, and at most 9 decimals, as SOL has).
 */
export function parseSolText(text: string): bigint | null {
  const match = SOL_TEXT.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1] ?? "0") * LAMPORTS_PER_SOL + BigInt((match[2] ?? "").padEnd(9, "0"));
}
