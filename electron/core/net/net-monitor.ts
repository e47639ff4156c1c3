import type { NetStatus } from "../../../shared/api";

export interface NetMonitorOptions {
  readonly rpcUrl: () => string;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly onChange?: (status: NetStatus) => void;
}

/**
 * Honest online detection: "online" means the configured RPC answered getHealth with "ok"
 * recently, not that the OS reports a network interface.
 */
export class NetMonitor {
  private current: NetStatus;
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: NetMonitorOptions) {
    this.intervalMs = options.intervalMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.current = {
      online: false,
      rpcUrl: options.rpcUrl(),
      checkedAt: 0,
      latencyMs: null,
      reason: "not checked yet",
    };
  }

  status(): NetStatus {
    return this.current;
  }

  /**
   * The status of the RPC configured now: the last check when it was of this RPC, else a check
   * at once (after a change in Settings the old RPC's "online" is not this one's).
   */
  async fresh(): Promise<NetStatus> {
    return this.current.rpcUrl === this.options.rpcUrl() && this.current.checkedAt !== 0 ? this.current : this.check();
  }

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async check(): Promise<NetStatus> {
    const rpcUrl = this.options.rpcUrl();
    const started = performance.now();
    let next: NetStatus;
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "getHealth" }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = (await response.json()) as { result?: unknown; error?: { message?: string } };
      const healthy = response.ok && body.result === "ok";
      next = {
        online: healthy,
        rpcUrl,
        checkedAt: Date.now(),
        latencyMs: Math.round(performance.now() - started),
        ...(healthy ? {} : { reason: body.error?.message ?? `RPC answered HTTP ${response.status}` }),
      };
    } catch (error) {
      next = {
        online: false,
        rpcUrl,
        checkedAt: Date.now(),
        latencyMs: null,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
    const changed =
      this.current.checkedAt === 0 || next.online !== this.current.online || next.rpcUrl !== this.current.rpcUrl;
    this.current = next;
    if (changed) this.options.onChange?.(next);
    return next;
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
