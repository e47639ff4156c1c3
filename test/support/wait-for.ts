// The one poll-until helper every test uses (it had grown five copies with three argument
// orders). Tests wait for chains, sync loops and UIs that settle in their own time; a deadline
// names what never came, with the probe's last error, instead of hanging the suite.

/** What a probe gives back while the awaited thing is not there yet. */
export type NotYet = null | undefined | false;

/**
 * Calls `probe` every `everyMs` until it returns a value that is not null, undefined or false,
 * and returns that value. A probe that throws is asked again (the thing may not exist yet);
 * after `timeoutMs` the wait fails with "timed out waiting for <what>" and the last error.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | NotYet> | T | NotYet,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline)
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : String(last)}` : ""}`,
      );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
