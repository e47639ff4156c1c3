import { expect, it } from "vitest";
import { MAX_PROCESSING_AGE, SlotClock } from "../../../localnet/ledger/slotClock";

it("slots follow the clock and a blockhash is valid for exactly 150 blocks", () => {
  let now = 1_000_000;
  const clock = new SlotClock(new Uint8Array(32).fill(1), 10, 400, () => now);
  expect(clock.currentSlot()).toBe(10);
  const first = clock.latestBlockhash();
  expect(first.lastValidBlockHeight).toBe(10 + MAX_PROCESSING_AGE);
  now += 400 * 3;
  expect(clock.currentSlot()).toBe(13);
  expect(clock.latestBlockhash().blockhash).not.toBe(first.blockhash);
  expect(clock.blockhashSlot(first.blockhash)).toBe(10);
  now += 400 * (MAX_PROCESSING_AGE - 3);
  expect(clock.currentSlot()).toBe(first.lastValidBlockHeight);
  expect(clock.blockhashSlot(first.blockhash)).toBe(10);
  now += 400;
  expect(clock.blockhashSlot(first.blockhash)).toBeUndefined();
  expect(clock.blockhashSlot("notahash")).toBeUndefined();
});
