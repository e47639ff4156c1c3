import { describe, expect, it } from "vitest";
import { PREFETCH_LABEL } from "../../../../renderer/src/screens/queue/use-prefetch";

describe("the queue's Prepared column", () => {
  it("never says a task is 'open now': the queue is not shown beside an open task", () => {
    for (const label of Object.values(PREFETCH_LABEL)) expect(label).not.toMatch(/open now/i);
    expect(PREFETCH_LABEL.open).toBe("in memory (last opened)");
  });
});
