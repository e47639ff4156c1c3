/** Amounts as a labeller reads them: exact to the lamport, no trailing zeros, never in exponent form. */
export { formatSol } from "../../../shared/sol";

/**
 * A chart axis tick in SOL: three significant digits are enough to read a scale. Only zeros
 * after the decimal point go (the two charts' copies also cut 100 down to "1").
 */
export const solTick = (lamports: number): string =>
  (lamports / 1e9)
    .toPrecision(3)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");

export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h} h ${m % 60} min` : `${Math.floor(h / 24)} d`;
}

/** "in 3 h" / "2 min ago" relative to now. Timestamps are unix seconds. */
export function relativeTime(unixSeconds: number, now = Date.now()): string {
  const delta = unixSeconds * 1000 - now;
  return delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

/**
 * An error as the sentence a person reads: no channel prefix ("keys:import: "), a capital and a
 * full stop, so pages compose "X could not be read. <sentence>" and never show a bare fragment.
 */
export function errorMessage(error: unknown): string {
  const bare = (error instanceof Error ? error.message : String(error))
    .replace(/^(?:[a-z]+:[a-zA-Z]+:\s*)+/, "")
    .trim();
  if (!bare) return "Something went wrong; nothing was changed.";
  const capital = bare.charAt(0).toUpperCase() + bare.slice(1);
  return /[.!?…)]$/.test(capital) ? capital : `${capital}.`;
}

/** A moment as a date and hour in the person's locale ("3 Dec, 14:05"). Timestamps are unix seconds. */
export function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleString([], {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
