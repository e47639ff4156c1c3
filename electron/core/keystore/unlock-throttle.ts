import { KeystoreError } from "./keystore-errors";

/** What survives a restart: failures in a row and the earliest time the next guess is tried. */
export interface ThrottleState {
  readonly failures: number;
  readonly notBefore: number;
}

/** Where the throttle keeps its state; core keeps it in the store so a restart does not reset it. */
export interface ThrottleStorage {
  load(): ThrottleState | null;
  save(state: ThrottleState): void;
}

export function memoryThrottleStorage(): ThrottleStorage {
  let state: ThrottleState | null = null;
  return { load: () => state, save: (next) => void (state = next) };
}

/**
 * Slows down passphrase guessing: a few free attempts, then a doubling wait (1 s, 2 s, 4 s …
 * up to 5 min) before the next attempt is even tried. Every call that checks a passphrase
 * (unlock, change passphrase) goes through `attempt`, one at a time, and the wait is checked
 * before the scrypt work while the count of the previous attempt is already in: a burst of
 * concurrent guesses cannot all slip in between a check and its count.
 */
export class UnlockThrottle {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly storage: ThrottleStorage = memoryThrottleStorage(),
    private readonly freeAttempts = 3,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  retryAfterMs(): number {
    return Math.max(0, this.state().notBefore - this.now());
  }

  /**
   * Runs `check` (the expensive passphrase check) if a guess is allowed now, after every
   * earlier attempt has been counted. `isWrong` tells a wrong passphrase from other failures
   * (a damaged file), which do not count.
   */
  attempt<T>(check: () => Promise<T>, isWrong: (error: unknown) => boolean): Promise<T> {
    const run = this.queue.then(async () => {
      const wait = this.retryAfterMs();
      if (wait > 0)
        throw new KeystoreError(
          "throttled",
          `too many wrong passphrases; try again in ${Math.ceil(wait / 1000)} s`,
          wait,
        );
      let value: T;
      try {
        value = await check();
      } catch (error) {
        if (isWrong(error)) this.failed();
        throw error;
      }
      this.succeeded();
      return value;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private state(): ThrottleState {
    const stored = this.storage.load();
    if (!stored || !Number.isSafeInteger(stored.failures) || !Number.isFinite(stored.notBefore))
      return { failures: 0, notBefore: 0 };
    // A clock set back must not turn a 5-minute wait into a year.
    return { failures: stored.failures, notBefore: Math.min(stored.notBefore, this.now() + this.maxDelayMs) };
  }

  private failed(): void {
    const failures = this.state().failures + 1;
    const over = failures - this.freeAttempts;
    const notBefore = over >= 0 ? this.now() + Math.min(this.maxDelayMs, 1000 * 2 ** over) : 0;
    this.storage.save({ failures, notBefore });
  }

  private succeeded(): void {
    this.storage.save({ failures: 0, notBefore: 0 });
  }
}
