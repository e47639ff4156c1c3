import { describe, expect, it } from "vitest";
import { SnapshotReader } from "../../../../renderer/src/screens/market/snapshot-reader";

/** A read the test finishes by hand, in the order it chooses. */
interface Pending {
  readonly params: string;
  finish(value: number): void;
}

function harness() {
  const pending: Pending[] = [];
  const shown: Array<[number, string]> = [];
  const errors: unknown[] = [];
  let started = 0;
  const reader = new SnapshotReader<string, number>(
    "all",
    (params) => {
      started++;
      return new Promise<number>((resolve) => pending.push({ params, finish: resolve }));
    },
    (value, params) => shown.push([value, params]),
    (error) => errors.push(error),
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { reader, pending, shown, errors, started: () => started, settle };
}

describe("the live feed's snapshot reads", () => {
  it("shows reads while requests keep coming faster than a read takes (a stream never starves the list)", async () => {
    const h = harness();
    h.reader.request();
    for (let tick = 1; tick <= 20; tick++) {
      // a live tick arrives before the read in flight is done, every time
      h.reader.request();
      h.pending.shift()!.finish(tick);
      await h.settle();
    }
    expect(h.shown.map(([v]) => v)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("runs one read at a time and folds the requests made meanwhile into one more", async () => {
    const h = harness();
    h.reader.request();
    for (let i = 0; i < 50; i++) h.reader.request();
    expect(h.started()).toBe(1);
    h.pending.shift()!.finish(1);
    await h.settle();
    expect(h.started()).toBe(2);
    h.pending.shift()!.finish(2);
    await h.settle();
    expect(h.started()).toBe(2);
    expect(h.shown).toEqual([
      [1, "all"],
      [2, "all"],
    ]);
  });

  it("never shows a read of parameters the view has left (a filter or pause set meanwhile)", async () => {
    const h = harness();
    h.reader.request();
    h.reader.reset("results only");
    h.pending.shift()!.finish(1);
    await h.settle();
    expect(h.shown).toEqual([]);
    expect(h.pending.map((p) => p.params)).toEqual(["results only"]);
    h.pending.shift()!.finish(2);
    await h.settle();
    expect(h.shown).toEqual([[2, "results only"]]);
  });

  it("shows nothing after it is disposed", async () => {
    const h = harness();
    h.reader.request();
    h.reader.dispose();
    h.pending.shift()!.finish(1);
    await h.settle();
    h.reader.request();
    expect(h.shown).toEqual([]);
    expect(h.started()).toBe(1);
  });
});
