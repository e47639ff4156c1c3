/** Decrypted task bytes held in memory only, least recently used first out, under a byte cap. */
export class PlaintextCache<V extends { bytes: Uint8Array }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly capBytes: number) {}

  get(id: string): V | undefined {
    const value = this.entries.get(id);
    if (value) {
      this.entries.delete(id);
      this.entries.set(id, value);
    }
    return value;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Refuses (returns false) a value that alone is bigger than the cap. */
  set(id: string, value: V): boolean {
    if (value.bytes.length > this.capBytes) return false;
    this.delete(id);
    this.entries.set(id, value);
    this.total += value.bytes.length;
    for (const [key, old] of this.entries) {
      if (this.total <= this.capBytes) break;
      this.entries.delete(key);
      this.total -= old.bytes.length;
      old.bytes.fill(0);
    }
    return true;
  }

  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.total -= old.bytes.length;
  }

  bytes(): number {
    return this.total;
  }

  clear(): void {
    for (const value of this.entries.values()) value.bytes.fill(0);
    this.entries.clear();
    this.total = 0;
  }
}
