import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../../shared/annotation";
import { CampaignMetadata } from "../../../../shared/api/tasks";
import { ModerationPolicy, ModerationResult, buildModerationResult } from "../../../../shared/moderation";

const policy = ModerationPolicy.parse({
  select: "single",
  reason: "optional",
  categories: [
    { id: "ok", name: "OK", severity: "none" },
    { id: "spam", name: "Spam", description: "Ads, scams", severity: "low" },
    { id: "violence", name: "Violence", severity: "high" },
  ],
});

describe("moderation policy and result", () => {
  it("refuses duplicate category ids, more than nine categories and bad ids", () => {
    const dup = ModerationPolicy.safeParse({
      select: "multi",
      categories: [
        { id: "a", name: "A", severity: "low" },
        { id: "a", name: "B", severity: "low" },
      ],
    });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.message).toMatch(/used twice/);
    const many = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `C${i}`, severity: "low" }));
    expect(ModerationPolicy.safeParse({ select: "multi", categories: many }).success).toBe(false);
    expect(
      ModerationPolicy.safeParse({ select: "multi", categories: [{ id: "Bad Id", name: "x", severity: "low" }] })
        .success,
    ).toBe(false);
  });

  it("builds a canonical result whose hash input does not depend on choice order", () => {
    const multi = { ...policy, select: "multi" as const };
    const a = buildModerationResult(multi, {
      taskId: "t1",
      decisions: ["violence", "spam"],
      reason: "  scam  ",
      revealed: true,
      timeSpentMs: 1234.4,
    });
    const b = buildModerationResult(multi, {
      taskId: "t1",
      decisions: ["spam", "violence", "spam"],
      reason: "scam",
      revealed: true,
      timeSpentMs: 1234,
    });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(canonicalJson(a.value)).toBe(canonicalJson(b.value));
    expect(canonicalJson(a.value)).toBe(
      '{"decisions":["spam","violence"],"kind":"moderation","reason":"scam","revealed":true,"schema":1,"taskId":"t1","timeSpentMs":1234}',
    );
    expect(ModerationResult.parse(a.value)).toEqual(a.value);
  });

  it("enforces single select, known categories and a required reason", () => {
    expect(
      buildModerationResult(policy, {
        taskId: "t",
        decisions: ["ok", "spam"],
        reason: "",
        revealed: false,
        timeSpentMs: 0,
      }),
    ).toEqual({ ok: false, error: "this policy takes exactly one category per item" });
    expect(
      buildModerationResult(policy, { taskId: "t", decisions: ["nope"], reason: "", revealed: false, timeSpentMs: 0 })
        .ok,
    ).toBe(false);
    expect(
      buildModerationResult(policy, { taskId: "t", decisions: [], reason: "", revealed: false, timeSpentMs: 0 }).ok,
    ).toBe(false);
    const strict = { ...policy, reason: "required" as const };
    expect(
      buildModerationResult(strict, { taskId: "t", decisions: ["spam"], reason: "  ", revealed: false, timeSpentMs: 0 })
        .ok,
    ).toBe(false);
    expect(
      buildModerationResult(strict, { taskId: "t", decisions: ["spam"], reason: "ad", revealed: false, timeSpentMs: 0 })
        .ok,
    ).toBe(true);
  });

  it("rides in campaign metadata, which still accepts campaigns without it", () => {
    const meta = CampaignMetadata.parse({ title: "Mod", labelKind: "moderation", moderation: { policy } });
    expect(meta.moderation?.policy.categories).toHaveLength(3);
    expect(CampaignMetadata.parse({ title: "Boxes" }).moderation).toBeUndefined();
    expect(CampaignMetadata.safeParse({ moderation: { policy: { select: "single", categories: [] } } }).success).toBe(
      false,
    );
  });
});
