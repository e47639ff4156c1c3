import { describe, expect, it } from "vitest";
import { DEFAULT_BINDINGS } from "../../../../renderer/src/canvas/hotkeys/actions";
import { comboOf, comboTable, conflictsOf, displayCombo, normalizeCombo, resolveBindings } from "../../../../renderer/src/canvas/hotkeys/hotkeys";

const key = (code: string, key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  code,
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe("hotkeys", () => {
  it("names combos by physical key with modifiers in a fixed order; Cmd is Ctrl", () => {
    expect(comboOf(key("KeyZ", "Z", { shiftKey: true, ctrlKey: true }))).toBe("ctrl+shift+z");
    expect(comboOf(key("KeyZ", "z", { metaKey: true }))).toBe("ctrl+z");
    expect(comboOf(key("Digit1", "!", { shiftKey: true }))).toBe("shift+1");
    expect(comboOf(key("Slash", "?", { shiftKey: true }))).toBe("shift+/");
    expect(comboOf(key("ArrowLeft", "ArrowLeft", { altKey: true }))).toBe("alt+arrowleft");
    expect(comboOf(key("ShiftLeft", "Shift", { shiftKey: true }))).toBeNull();
  });

  it("normalises written combos and rejects unknown modifiers", () => {
    expect(normalizeCombo("Shift+Ctrl+Z")).toBe("ctrl+shift+z");
    expect(normalizeCombo("cmd+y")).toBe("ctrl+y");
    expect(normalizeCombo("ctrl++")).toBe("ctrl++");
    expect(normalizeCombo("hyper+x")).toBeNull();
  });

  it("overrides replace defaults per action, and the table maps combos back to actions", () => {
    const bindings = resolveBindings(DEFAULT_BINDINGS, { "tool.box": "u", "edit.redo": "" });
    expect(bindings["tool.box"]).toEqual(["u"]);
    expect(bindings["edit.redo"]).toEqual(["ctrl+shift+z", "ctrl+y"]);
    const table = comboTable(bindings);
    expect(table.get("u")).toBe("tool.box");
    expect(table.get("b")).toBeUndefined();
    expect(table.get("ctrl+y")).toBe("edit.redo");
    expect(table.get("shift+3")).toBe("class.3");
    expect(conflictsOf(bindings, "tool.polygon", "u")).toEqual(["tool.box"]);
    expect(displayCombo("ctrl+shift+z")).toBe("Ctrl+Shift+Z");
  });

  it("no two default actions share a combo", () => {
    const seen = new Map<string, string>();
    for (const [action, combos] of Object.entries(resolveBindings(DEFAULT_BINDINGS, {}))) {
      for (const combo of combos) {
        expect(seen.get(combo), `${combo} bound to ${seen.get(combo)} and ${action}`).toBeUndefined();
        seen.set(combo, action);
      }
    }
  });
});
