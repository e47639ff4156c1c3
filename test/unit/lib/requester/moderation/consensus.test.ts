import { describe, expect, it } from "vitest";
import { consensusOf, decisionAgreement, voteAgreement } from "../../../../../lib/requester/moderation";
import { ModerationPolicy } from "../../../../../shared/moderation";

const single = ModerationPolicy.parse({
  select: "single",
  categories: [
    { id: "ok", name: "OK", severity: "none" },
    { id: "spam", name: "Spam", severity: "low" },
    { id: "violence", name: "Violence", severity: "high" },
  ],
});
const multi = { ...single, select: "multi" as const };
const v = (voter: string, ...decisions: string[]) => ({ voter, decisions });

describe("moderation consensus", () => {
  it("takes the majority and reports agreement and a smoothed confidence", () => {
    const c = consensusOf(single, [v("a", "spam"), v("b", "spam"), v("c", "ok")]);
    expect(c.decision).toEqual(["spam"]);
    expect(c.votes).toEqual({ ok: 1, spam: 2, violence: 0 });
    expect(c.agreement).toBeCloseTo(2 / 3);
    expect(c.confidence).toBeCloseTo(3 / 5);
    const lone = consensusOf(single, [v("a", "ok")]);
    expect(lone).toMatchObject({ decision: ["ok"], agreement: 1 });
    expect(lone.confidence).toBeCloseTo(2 / 3);
  });

  it("breaks ties toward the more severe category", () => {
    expect(consensusOf(single, [v("a", "ok"), v("b", "violence")]).decision).toEqual(["violence"]);
  });

  it("multi-select keeps each category more than half the voters chose", () => {
    const c = consensusOf(multi, [v("a", "spam", "violence"), v("b", "spam"), v("c", "spam", "violence")]);
    expect(c.decision).toEqual(["spam", "violence"]);
    expect(c.agreement).toBeCloseTo(2 / 3);
  });

  it("scores a vote against the others only (leave one out)", () => {
    const votes = [v("a", "spam"), v("b", "spam"), v("c", "ok")];
    // a's peers split spam/ok; the tie goes to the more severe spam, which a chose.
    expect(voteAgreement(single, votes[0]!, votes)).toBe(1);
    // c's peers both said spam.
    expect(voteAgreement(single, votes[2]!, votes)).toBe(0);
    expect(voteAgreement(single, votes[0]!, [votes[0]!])).toBeUndefined();
    expect(decisionAgreement(["a", "b"], ["b"])).toBeCloseTo(0.5);
  });
});
