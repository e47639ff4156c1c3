// The fee accumulator's TypeScript twin (shared/protocol/rewards.ts, bit-exact with
// program/src/rewards.c, checked on chain by governance-attacks.test.ts): over thousands of random
// fees and stake changes, what stakers can claim never exceeds what was credited, and the floors
// lose at most one lamport per settlement.
import { describe, expect, it } from "vitest";
import { claimable, creditFee, earnedSince } from "../../../shared/protocol";
import type { AccumulatorState } from "../../../shared/protocol";
import { seededRandom } from "../../../shared/random";

interface Staker {
  amount: bigint;
  accumulator: bigint;
  pending: bigint;
  claimed: bigint;
}

describe("reward accumulator model", () => {
  it("never promises more than was credited, with stake changing between fees", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const big = () => BigInt(Math.floor(random() * 2 ** 40)) + 1n;
      const stakers: Staker[] = Array.from({ length: 5 }, () => ({
        amount: big(),
        accumulator: 0n,
        pending: 0n,
        claimed: 0n,
      }));
      let state: AccumulatorState = {
        accumulator: 0n,
        remainder: 0n,
        totalStaked: stakers.reduce((s, x) => s + x.amount, 0n),
        distributed: 0n,
      };
      let settlements = 0n;
      const settle = (s: Staker) => {
        s.pending += earnedSince(s.amount, state.accumulator, s.accumulator);
        s.accumulator = state.accumulator;
        settlements++;
      };
      for (let step = 0; step < 200; step++) {
        const r = random();
        if (r < 0.6) {
          state = creditFee(state, BigInt(Math.floor(random() * 5_000_000)));
        } else if (r < 0.8) {
          const s = stakers[Math.floor(random() * stakers.length)]!;
          settle(s);
          const change = BigInt(Math.floor(random() * 2 ** 30));
          const down = random() < 0.5 && s.amount > change;
          s.amount = down ? s.amount - change : s.amount + change;
          state = { ...state, totalStaked: state.totalStaked + (down ? -change : change) };
        } else {
          const s = stakers[Math.floor(random() * stakers.length)]!;
          const pay = claimable(s, state);
          settle(s);
          expect(s.pending).toBe(pay);
          s.claimed += pay;
          s.pending = 0n;
        }
        const owed = stakers.reduce((sum, s) => sum + s.claimed + claimable(s, state), 0n);
        expect(owed).toBeLessThanOrEqual(state.distributed);
      }
      const owed = stakers.reduce((sum, s) => sum + s.claimed + claimable(s, state), 0n);
      expect(state.distributed - owed).toBeLessThanOrEqual(settlements + BigInt(stakers.length));
    }
  });

  it("splits exactly when the stake divides: 3 : 1 of 32,000 lamports is 24,000 and 8,000", () => {
    const total = 1n << 38n;
    const state = creditFee({ accumulator: 0n, remainder: 0n, totalStaked: total, distributed: 0n }, 32_000n);
    expect(earnedSince(3n << 36n, state.accumulator, 0n)).toBe(24_000n);
    expect(earnedSince(1n << 36n, state.accumulator, 0n)).toBe(8_000n);
    expect(state.remainder).toBe(0n);
  });
});
