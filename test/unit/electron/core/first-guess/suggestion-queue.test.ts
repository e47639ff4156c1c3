import { describe, expect, it } from "vitest";
import { SuggestionQueue } from "../../../../../electron/core/first-guess/suggestion-queue";

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe("suggestion queue", () => {
  it("runs the task on screen before prefetched ones, newest current first", async () => {
    const q = new SuggestionQueue<string>();
    const order: string[] = [];
    const blocker = gate();
    const job = (key: string) => async () => {
      order.push(key);
      if (key === "first") await blocker.promise;
      return key;
    };
    const all = [q.enqueue("first", "current", job("first"))];
    await Promise.resolve();
    all.push(
      q.enqueue("p1", "prefetch", job("p1")),
      q.enqueue("p2", "prefetch", job("p2")),
      q.enqueue("c1", "current", job("c1")),
      q.enqueue("c2", "current", job("c2")),
    );
    expect(q.size).toBe(5);
    blocker.open();
    await Promise.all(all);
    expect(order).toEqual(["first", "c2", "c1", "p1", "p2"]);
    expect(q.size).toBe(0);
  });

  it("shares a job between requests for the same key and promotes a prefetch asked for now", async () => {
    const q = new SuggestionQueue<number>();
    const order: string[] = [];
    const blocker = gate();
    let runs = 0;
    const first = q.enqueue("busy", "current", async () => {
      await blocker.promise;
      return 0;
    });
    await Promise.resolve();
    const a = q.enqueue("p1", "prefetch", async () => (order.push("p1"), 1));
    const b = q.enqueue("p2", "prefetch", async () => (order.push("p2"), ++runs));
    const again = q.enqueue("p2", "current", async () => 99);
    blocker.open();
    expect(await Promise.all([first, a, b, again])).toEqual([0, 1, 1, 1]);
    expect(order).toEqual(["p2", "p1"]);
  });

  it("gives up the oldest prefetches beyond its cap and keeps going after a failure", async () => {
    const q = new SuggestionQueue<string>(1);
    const blocker = gate();
    const busy = q.enqueue("busy", "current", async () => {
      await blocker.promise;
      throw new Error("boom");
    });
    await Promise.resolve();
    const dropped = q.enqueue("old", "prefetch", async () => "old");
    const kept = q.enqueue("new", "prefetch", async () => "new");
    await expect(dropped).rejects.toThrow(/prefetch dropped/);
    blocker.open();
    await expect(busy).rejects.toThrow("boom");
    expect(await kept).toBe("new");
  });
});
