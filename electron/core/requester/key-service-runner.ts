import { startKeyService, type KeyService } from "../../../lib/requester";
import type { KeyServiceStatus } from "../../../shared/api";
import type { Keystore } from "../keystore";
import { keystoreRequesterKeys } from "./requester-keys";
import type { RequesterService } from "./requester-service";

export interface KeyServiceRunnerOptions {
  readonly keystore: Keystore;
  readonly requester: RequesterService;
  readonly log: (line: string) => void;
  /** The library's fallback poll; PubSub brings most accepts sooner. */
  readonly pollMs?: number;
  /** How often to look again for private campaigns when the chain could not be asked. */
  readonly retryMs?: number;
  /**
   * How often to check, while unlocked, for a private campaign made elsewhere (the CLI) and for
   * a changed RPC in Settings (the service then restarts on the new one).
   */
  readonly watchMs?: number;
}

/**
 * Runs the CLI's key service (grant_key for workers who accept this key's private tasks) inside
 * core while the keystore is unlocked and this key has an open private campaign. File keys are
 * derived from the sealed seed, as the CLI derives them from its key file, so nothing new is
 * stored: a restart, or the CLI's `serve-keys` on another machine, grants the same keys.
 */
export class KeyServiceRunner {
  private service: KeyService | null = null;
  /** The chain client the running service was started with. */
  private chainInUse: unknown = null;
  private watch: NodeJS.Timeout | undefined;
  private starting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private grantedBefore = 0;
  private unsubscribe: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly options: KeyServiceRunnerOptions) {}

  start(): void {
    this.unsubscribe = this.options.keystore.onChange((status) => {
      if (status.state === "unlocked") void this.startIfNeeded();
      else void this.stop();
    });
    if (this.options.keystore.isUnlocked()) void this.startIfNeeded();
    this.watch = setInterval(() => void this.recheck(), this.options.watchMs ?? 30_000);
    this.watch.unref();
  }

  status(): KeyServiceStatus {
    return { running: this.service !== null, granted: this.grantedBefore + (this.service?.granted() ?? 0) };
  }

  /** Starts the service whatever the chain says (a private campaign was just created). */
  async ensureRunning(): Promise<void> {
    if (this.service || this.disposed || !this.options.keystore.isUnlocked()) return;
    this.starting ??= (async () => {
      try {
        const keys = keystoreRequesterKeys(this.options.keystore);
        const chain = this.options.requester.chain();
        this.chainInUse = chain;
        this.service = await startKeyService({
          chain,
          keys,
          pollMs: this.options.pollMs ?? 2000,
          log: (line) => this.options.log(`key service: ${line}`),
        });
        this.options.log("key service: granting file keys for this key's private campaigns");
      } finally {
        this.starting = null;
      }
    })();
    await this.starting;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearInterval(this.watch);
    this.unsubscribe?.();
    await this.stop();
  }

  private async recheck(): Promise<void> {
    if (this.disposed || !this.options.keystore.isUnlocked() || this.starting) return;
    if (this.service && this.options.requester.chain() !== this.chainInUse) {
      this.options.log("key service: the RPC changed; restarting on the new one");
      await this.stop();
    }
    if (!this.service) await this.startIfNeeded();
  }

  private async startIfNeeded(): Promise<void> {
    clearTimeout(this.retry);
    if (this.service || this.disposed) return;
    try {
      const keys = keystoreRequesterKeys(this.options.keystore);
      const mine = await this.options.requester.chain().campaigns(keys.address);
      const now = BigInt(Math.floor(Date.now() / 1000));
      if (
        mine.some(
          (c) =>
            c.account.isPrivate &&
            (c.account.openAssignments > 0 || (c.account.endedAt === 0n && c.account.deadline > now)),
        )
      )
        await this.ensureRunning();
    } catch (error) {
      // The chain is unreachable or the key locked meanwhile: look again later while unlocked.
      if (this.disposed || !this.options.keystore.isUnlocked()) return;
      this.options.log(
        `key service: cannot list this key's campaigns yet (${error instanceof Error ? error.message : String(error)})`,
      );
      this.retry = setTimeout(() => void this.startIfNeeded(), this.options.retryMs ?? 30_000);
      this.retry.unref();
    }
  }

  private async stop(): Promise<void> {
    clearTimeout(this.retry);
    await this.starting?.catch(() => undefined);
    const service = this.service;
    this.service = null;
    if (service) {
      this.grantedBefore += service.granted();
      await service.close();
    }
  }
}
