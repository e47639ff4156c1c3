/**
 * Exponential backoff with jitter: the wait doubles per failed attempt up to a cap, and each
 * wait is drawn from its upper half so many clients coming back online do not retry in step.
 */
export function backoffMs(attempt: number, baseMs = 1_000, capMs = 60_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
