import { describe, expect, it } from "vitest";
import { inspectText, summariseHidden, truncateSegments } from "../../../../shared/moderation";
import type { TextSegment } from "../../../../shared/moderation";

const plain = (segments: TextSegment[]): string =>
  segments.map((s) => (s.kind === "hidden" ? `⟨${s.code}⟩` : s.text)).join("");

describe("inspectText", () => {
  it("leaves ordinary text, newlines and tabs as one text segment", () => {
    expect(inspectText("Hello, world!\n\tBye.")).toEqual([{ kind: "text", text: "Hello, world!\n\tBye." }]);
  });

  it("turns bidi overrides and isolates into visible badges, in logical order", () => {
    // The classic "evil.exe" spoof: RLO makes "exe.txt" display as "txt.exe".
    const segments = inspectText("invoice\u202Etxt.exe\u202C and \u2067x\u2069");
    expect(plain(segments)).toBe("invoice⟨U+202E⟩txt.exe⟨U+202C⟩ and ⟨U+2067⟩x⟨U+2069⟩");
    expect(segments.filter((s) => s.kind === "hidden").map((s) => (s.kind === "hidden" ? s.group : ""))).toEqual([
      "bidi",
      "bidi",
      "bidi",
      "bidi",
    ]);
    expect(segments.some((s) => s.kind === "text" && /[\u202A-\u202E\u2066-\u2069]/.test(s.text))).toBe(false);
  });

  it("makes zero-width, BOM, soft hyphen, tag characters and controls visible", () => {
    const segments = inspectText("pa\u200Bss\u200Dw\uFEFFo\u00ADrd\u0007 \u{E0041}\u{E0042}");
    expect(plain(segments)).toBe("pa⟨U+200B⟩ss⟨U+200D⟩w⟨U+FEFF⟩o⟨U+00AD⟩rd⟨U+0007⟩ ⟨U+E0041⟩⟨U+E0042⟩");
    const summary = summariseHidden(segments);
    expect(summary.byGroup).toEqual({ invisible: 4, control: 1, tag: 2 });
    const tag = segments.find((s) => s.kind === "hidden" && s.group === "tag");
    expect(tag && tag.kind === "hidden" ? tag.name : "").toBe('TAG "A"');
  });

  it("shows links as inert link segments and flags words mixing Latin with look-alikes", () => {
    // "pаypal" with a Cyrillic а.
    const segments = inspectText("log in at https://p\u0430ypal.example/x?y=1 or p\u0430ypal now");
    expect(segments.find((s) => s.kind === "link")).toEqual({
      kind: "link",
      text: "https://p\u0430ypal.example/x?y=1",
    });
    expect(segments.find((s) => s.kind === "mixed-script")).toEqual({ kind: "mixed-script", text: "p\u0430ypal" });
    expect(inspectText("Привет мир and hello").some((s) => s.kind === "mixed-script")).toBe(false);
  });

  it("collapses piles of combining marks but keeps ordinary accents", () => {
    expect(inspectText("cafe\u0301")).toEqual([{ kind: "text", text: "cafe\u0301" }]);
    const zalgo = "Z" + "\u0300\u0301\u0302\u0303\u0304\u0305\u0306" + "a";
    const segments = inspectText(zalgo);
    expect(plain(segments)).toBe("Z\u0300\u0301⟨marks⟩a");
    const badge = segments.find((s) => s.kind === "hidden");
    expect(badge && badge.kind === "hidden" ? badge.count : 0).toBe(5);
  });

  it("keeps HTML and script payloads as literal text", () => {
    const payload = `<img src=x onerror="alert(1)"><script>document.title='pwned'</script>`;
    expect(plain(inspectText(payload))).toBe(payload);
  });

  it("handles a 100 KB line without losing characters, and truncates it for display", () => {
    const line = "A".repeat(50_000) + "\u202E" + "b".repeat(50_000);
    const segments = inspectText(line);
    expect(plain(segments).length).toBe(100_000 + "⟨U+202E⟩".length);
    const cut = truncateSegments(segments, 2_000);
    expect(plain(cut.segments)).toBe("A".repeat(2_000));
    expect(cut.more).toBe(100_001 - 2_000);
    expect(truncateSegments(segments, 1_000_000).more).toBe(0);
  });

  it("never cuts a surrogate pair in half", () => {
    const cut = truncateSegments(inspectText("ab😀cd"), 3);
    expect(plain(cut.segments)).toBe("ab");
  });
});
