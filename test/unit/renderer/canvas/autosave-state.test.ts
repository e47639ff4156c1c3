import { describe, expect, it } from "vitest";
import { initialSaveState } from "../../../../renderer/src/canvas/use-autosave";

describe("the save state a task opens with", () => {
  it("a restored draft says when it was saved, not 'Not saved yet'", () => {
    const savedAt = new Date(2026, 11, 3, 14, 5).getTime();
    const now = new Date(2026, 11, 3, 16, 0).getTime();
    const state = initialSaveState(savedAt, now);
    expect(state).toMatch(/^Draft restored from /);
    expect(state).toContain(new Date(savedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
    expect(state).not.toContain("Not saved");
  });

  it("a draft from another day names the day", () => {
    const savedAt = new Date(2026, 10, 28, 9, 30).getTime();
    const state = initialSaveState(savedAt, new Date(2026, 11, 3, 16, 0).getTime());
    expect(state).toContain(new Date(savedAt).toLocaleString([], { month: "short", day: "numeric" }).split(",")[0]!);
  });

  it("fresh work is not saved yet", () => {
    expect(initialSaveState(undefined)).toBe("Not saved yet");
  });
});
