// How the live feed rereads its snapshot while events stream in.

/**
 * Reads one at a time. A request while a read runs asks for exactly one more read after it,
 * however many requests came; every finished read of the current parameters is shown.
 *
 * Why: the list used to start a read on every live tick and drop the one still running. At
 * 200 events/s with 100,000 stored, a read (a page plus its count, under load) took longer than
 * a tick, so every read was dropped and the list stood still for as long as the stream lasted,
 * while core's queue filled with reads nobody would show.
 */
export class SnapshotReader<P, T> {
  private running = false;
  private again = false;
  private generation = 0;
  private disposed = false;

  constructor(
    private params: P,
    private readonly read: (params: P) => Promise<T>,
    private readonly show: (value: T, params: P) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** New parameters (a filter, a pause): a read of the old ones still running is not shown. */
  reset(params: P): void {
    this.params = params;
    this.generation++;
    this.request();
  }

  /** The data changed (live): read again now, or once the read in flight is done. */
  request(): void {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        const generation = this.generation;
        const params = this.params;
        try {
          const value = await this.read(params);
          if (!this.disposed && generation === this.generation) this.show(value, params);
        } catch (error) {
          if (!this.disposed && generation === this.generation) this.failed(error);
        }
      } while (this.again && !this.disposed);
    } finally {
      this.running = false;
    }
  }
}
