// Slots follow the wall clock (one per `slotMs`, 400 ms on a cluster) and each slot has its
// own blockhash, valid for 150 blocks after it, so clients meet real expiry. Block height
// equals the slot: the localnet is one leader that never skips.
import crypto from "node:crypto";
import { getBase58Decoder } from "@solana/kit";

export const MAX_PROCESSING_AGE = 150;

export class SlotClock {
  private readonly startedAt: number;
  private readonly hashes = new Map<string, number>();
  private hashedUpTo = -1;
  private readonly b58 = getBase58Decoder();

  constructor(
    private readonly seed: Uint8Array,
    private readonly startSlot: number,
    readonly slotMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  currentSlot(): number {
    return this.startSlot + Math.floor((this.now() - this.startedAt) / this.slotMs);
  }

  blockhashOf(slot: number): string {
    const h = crypto.createHash("sha256");
    h.update(this.seed);
    const s = Buffer.alloc(8);
    s.writeBigUInt64LE(BigInt(slot));
    h.update(s);
    return this.b58.decode(h.digest());
  }

  latestBlockhash(): { blockhash: string; slot: number; lastValidBlockHeight: number } {
    const slot = this.currentSlot();
    return { blockhash: this.blockhashOf(slot), slot, lastValidBlockHeight: slot + MAX_PROCESSING_AGE };
  }

  /** The slot a blockhash was produced in, if it is still within its processing age. */
  blockhashSlot(blockhash: string): number | undefined {
    const current = this.currentSlot();
    const oldest = Math.max(0, current - MAX_PROCESSING_AGE);
    for (let s = Math.max(oldest, this.hashedUpTo + 1); s <= current; s++) this.hashes.set(this.blockhashOf(s), s);
    this.hashedUpTo = Math.max(this.hashedUpTo, current);
    for (const [hash, s] of this.hashes) {
      if (s >= oldest) break;
      this.hashes.delete(hash);
    }
    const slot = this.hashes.get(blockhash);
    return slot !== undefined && slot >= oldest && slot <= current ? slot : undefined;
  }
}
