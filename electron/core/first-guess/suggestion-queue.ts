export type Priority = "current" | "prefetch";

interface Job<T> {
  readonly key: string;
  priority: Priority;
  readonly run: () => Promise<T>;
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * One job at a time (the detector thread is single), the task on screen first: "current" jobs
 * run newest first (the one the user just opened), then prefetches oldest first. A key already
 * queued shares its job, and asking for it as current moves it to the front.
 */
export class SuggestionQueue<T> {
  private readonly current: Job<T>[] = [];
  private readonly prefetch: Job<T>[] = [];
  private running: Job<T> | null = null;

  constructor(private readonly maxPrefetch = 16) {}

  get size(): number {
    return this.current.length + this.prefetch.length + (this.running ? 1 : 0);
  }

  enqueue(key: string, priority: Priority, run: () => Promise<T>): Promise<T> {
    if (this.running?.key === key) return this.running.promise;
    const queued = this.current.find((j) => j.key === key) ?? this.prefetch.find((j) => j.key === key);
    if (queued) {
      if (priority === "current") this.promote(queued);
      return queued.promise;
    }
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job<T> = { key, priority, run, promise, resolve, reject };
    if (priority === "current") this.current.unshift(job);
    else {
      this.prefetch.push(job);
      // Prefetch is a bet on what comes next: the oldest bets are the first to give up.
      while (this.prefetch.length > this.maxPrefetch)
        this.prefetch.shift()?.reject(new Error("prefetch dropped: too many queued"));
    }
    this.pump();
    return promise;
  }

  /** Rejects everything still waiting (the running job finishes on its own). */
  clear(reason: Error): void {
    for (const job of [...this.current, ...this.prefetch]) job.reject(reason);
    this.current.length = 0;
    this.prefetch.length = 0;
  }

  private promote(job: Job<T>): void {
    const lane = job.priority === "current" ? this.current : this.prefetch;
    lane.splice(lane.indexOf(job), 1);
    job.priority = "current";
    this.current.unshift(job);
  }

  private pump(): void {
    if (this.running) return;
    const job = this.current.shift() ?? this.prefetch.shift();
    if (!job) return;
    this.running = job;
    // Deferred a tick so a burst of enqueues is ordered before the first one starts.
    queueMicrotask(() => {
      job
        .run()
        .then(job.resolve, job.reject)
        .finally(() => {
          this.running = null;
          this.pump();
        });
    });
  }
}
