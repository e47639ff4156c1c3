/**
 * Slows down passphrase guessing: a few free attempts, then a doubling wait (1 s, 2 s, 4 s …
 * up to 5 min) before the next attempt is even tried. scrypt already costs each guess; this
 * stops a script hammering the contract.
 */
export class UnlockThrottle {
  private failures = 0;
  private notBefore = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly freeAttempts = 3,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  retryAfterMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  failed(): void {
    this.failures += 1;
    const over = this.failures - this.freeAttempts;
    if (over >= 0) this.notBefore = this.now() + Math.min(this.maxDelayMs, 1000 * 2 ** over);
  }

  succeeded(): void {
    this.failures = 0;
    this.notBefore = 0;
  }
}
