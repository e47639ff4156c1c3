import { describe, expect, it } from "vitest";
import type { AcceptOutcome } from "../../../../shared/api";
import { summariseAccept } from "../../../../renderer/src/screens/market/accept-summary";

const ok = (i: number): AcceptOutcome => ({
  campaign: "C",
  task: `C#${i}`,
  ok: true,
  assignment: `A${i}`,
  signature: "sig",
  error: null,
});
const held = (error: string): AcceptOutcome => ({
  campaign: "C",
  task: null,
  ok: false,
  assignment: null,
  signature: null,
  error,
});
const DEPOSITS = "insufficient funds for deposits. Each open task holds a deposit of 0.00233856 SOL";

describe("the Market's accept sentence", () => {
  it("counts what one shortfall row held back, not the rows", () => {
    const summary = summariseAccept(100, [...Array.from({ length: 85 }, (_, i) => ok(i)), held(DEPOSITS)]);
    expect(summary).toMatchObject({ requested: 100, accepted: 85, complete: false });
    expect(summary.text).toBe(`Accepted 85 of 100 tasks. The other 15 could not be taken: ${DEPOSITS}`);
  });

  it("names the cause once when every task was held back", () => {
    const summary = summariseAccept(3, [held(DEPOSITS), held(DEPOSITS)]);
    expect(summary).toMatchObject({ accepted: 0, complete: false });
    expect(summary.text).toBe(`Accepted none of 3 tasks: ${DEPOSITS}`);
  });

  it("is complete when all were taken, so the Market goes on to the queue", () => {
    expect(summariseAccept(1, [ok(0)])).toEqual({
      requested: 1,
      accepted: 1,
      complete: true,
      text: "Accepted 1 task.",
    });
  });
});
