import { createSolanaRpcSubscriptions } from "@solana/kit";
import { amplifyProgramAddress } from "../../../shared/protocol";

export interface MarketWatcherOptions {
  readonly wsUrl: () => string;
  /** A cheap fingerprint of the market for the polling fallback (e.g. campaign data hash). */
  readonly fingerprint: () => Promise<string>;
  readonly onChange: (source: "pubsub" | "poll") => void;
  readonly pollMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * Live market updates: PubSub on the program's accounts while the socket works, polling a
 * fingerprint while it does not, reconnecting in the background. Changes are coalesced.
 */
export class MarketWatcher {
  private abort: AbortController | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private lastFingerprint: string | null = null;
  private pending: NodeJS.Timeout | undefined;
  private subscribed = false;
  private stopped = true;

  constructor(private readonly options: MarketWatcherOptions) {}

  start(): void {
    this.stopped = false;
    void this.subscribe();
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollMs ?? 10_000);
    this.pollTimer.unref();
  }

  live(): boolean {
    return this.subscribed;
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.pending) clearTimeout(this.pending);
  }

  private changed(source: "pubsub" | "poll"): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.options.onChange(source);
    }, 250);
    this.pending.unref();
  }

  private async subscribe(): Promise<void> {
    while (!this.stopped) {
      this.abort = new AbortController();
      try {
        const subscriptions = createSolanaRpcSubscriptions(this.options.wsUrl());
        const stream = await subscriptions
          .programNotifications(amplifyProgramAddress(), { encoding: "base64", commitment: "confirmed" })
          .subscribe({ abortSignal: this.abort.signal });
        this.subscribed = true;
        for await (const _notification of stream) this.changed("pubsub");
      } catch (error) {
        if (!this.stopped)
          this.options.log?.(
            `market pubsub unavailable, polling instead: ${error instanceof Error ? error.message : String(error)}`,
          );
      }
      this.subscribed = false;
      if (this.stopped) return;
      await new Promise((resolve) => setTimeout(resolve, 15_000).unref());
    }
  }

  private async poll(): Promise<void> {
    if (this.subscribed) return;
    try {
      const fingerprint = await this.options.fingerprint();
      if (this.lastFingerprint !== null && fingerprint !== this.lastFingerprint) this.changed("poll");
      this.lastFingerprint = fingerprint;
    } catch {
      // offline: the next poll tries again
    }
  }
}

/** The PubSub URL next to an RPC URL by Solana's convention (port + 1, ws scheme). */
export function deriveWsUrl(rpcUrl: string): string {
  const url = new URL(rpcUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  if (url.port) url.port = String(Number(url.port) + 1);
  return url.toString();
}
