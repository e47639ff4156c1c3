import { describe, expect, it } from "vitest";
import { ACTION_BY_ID, ACTIONS, DEFAULT_BINDINGS, scopeOf } from "../../../../renderer/src/canvas/hotkeys/actions";
import {
  ariaShortcut,
  bindingProblem,
  comboOf,
  comboTable,
  conflictsOf,
  displayCombo,
  normalizeCombo,
  resolveBindings,
} from "../../../../renderer/src/canvas/hotkeys/hotkeys";

const key = (
  code: string,
  key: string,
  mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {},
) => ({
  code,
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe("hotkeys", () => {
  it("names combos by the produced character (digits by their key), modifiers in a fixed order; Cmd is Ctrl", () => {
    expect(comboOf(key("KeyZ", "Z", { shiftKey: true, ctrlKey: true }))).toBe("ctrl+shift+z");
    expect(comboOf(key("KeyZ", "z", { metaKey: true }))).toBe("ctrl+z");
    expect(comboOf(key("Digit1", "!", { shiftKey: true }))).toBe("shift+1");
    expect(comboOf(key("ArrowLeft", "ArrowLeft", { altKey: true }))).toBe("alt+arrowleft");
    expect(comboOf(key("ShiftLeft", "Shift", { shiftKey: true }))).toBeNull();
    expect(comboOf(key("Period", "."))).toBe(".");
  });

  it("? is the character, wherever a layout puts it (US Shift+/, German Shift+ß, French Shift+,)", () => {
    const help = comboTable(resolveBindings(DEFAULT_BINDINGS, {}));
    for (const [code, shiftKey] of [
      ["Slash", true],
      ["Minus", true],
      ["KeyM", true],
    ] as const) {
      const combo = comboOf(key(code, "?", { shiftKey }));
      expect(combo).toBe("?");
      expect(help.get(combo as string)).toEqual(["view.help"]);
    }
    // on German, Shift+7 is "/" and the physical Slash key is "-": neither opens the list
    expect(help.get(comboOf(key("Slash", "-")) as string)).toEqual(["view.zoomOut"]);
    // letters follow the layout (AZERTY's A key produces "q"), non-Latin layouts fall back to the key
    expect(comboOf(key("KeyA", "q"))).toBe("q");
    expect(comboOf(key("KeyF", "а"))).toBe("f");
    // zoom in: "=" or "+" however "+" is typed (Shift+= on US, its own key on German, the keypad)
    expect(comboOf(key("Equal", "+", { shiftKey: true }))).toBe("+");
    expect(comboOf(key("BracketRight", "+"))).toBe("+");
    expect(comboOf(key("NumpadAdd", "+"))).toBe("+");
  });

  it("shows keys as people name them, and in aria-keyshortcuts syntax", () => {
    const shown = ACTIONS.flatMap((a) => resolveBindings(DEFAULT_BINDINGS, {})[a.id]?.map(displayCombo) ?? []);
    expect(shown.filter((s) => /undefined|Arrow|^[a-z]/.test(s))).toEqual([]);
    expect(displayCombo("+")).toBe("+");
    expect(displayCombo("ctrl++")).toBe("Ctrl++");
    expect(displayCombo("arrowleft")).toBe("Left arrow");
    expect(displayCombo("shift+pagedown")).toBe("Shift+Page Down");
    expect(displayCombo("?")).toBe("?");
    expect(displayCombo("f6")).toBe("F6");
    expect(ariaShortcut("ctrl+enter")).toBe("Control+Enter");
    expect(ariaShortcut("shift+arrowleft")).toBe("Shift+ArrowLeft");
    expect(ariaShortcut("+")).toBe("Plus");
  });

  it("reads bindings saved under the old physical names", () => {
    expect(normalizeCombo("shift+/")).toBe("?");
    expect(normalizeCombo("Shift+]")).toBe("}");
    expect(normalizeCombo("shift+?")).toBe("?");
    expect(resolveBindings(DEFAULT_BINDINGS, { "view.help": "shift+/" })["view.help"]).toEqual(["?"]);
  });

  it("refuses a binding that cannot work, naming the other action by its title", () => {
    const bindings = resolveBindings(DEFAULT_BINDINGS, {});
    const title = (id: string) => ACTION_BY_ID.get(id)?.title ?? id;
    expect(bindingProblem(bindings, "tool.polygon", "b", title, scopeOf)).toBe(
      "B already does “Box tool”. Change that first, or pick other keys.",
    );
    expect(bindingProblem(bindings, "tool.polygon", "tab", title, scopeOf)).toMatch(
      /^Tab cannot be used: Tab moves between the canvas/,
    );
    expect(bindingProblem(bindings, "tool.polygon", "ctrl+w", title, scopeOf)).toMatch(/browser closes the window/);
    // the arrows are shared by design between the vertex, selection and cursor scopes
    expect(bindingProblem(bindings, "cursor.left", "arrowleft", title, scopeOf)).toBeNull();
    expect(bindingProblem(bindings, "tool.polygon", "arrowleft", title, scopeOf)).toMatch(
      /already does “Move the picked vertex left/,
    );
    expect(bindingProblem(bindings, "tool.polygon", "y", title, scopeOf)).toBeNull();
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
    expect(table.get("u")).toEqual(["tool.box"]);
    expect(table.get("b")).toBeUndefined();
    expect(table.get("ctrl+y")).toEqual(["edit.redo"]);
    expect(table.get("shift+3")).toEqual(["class.3"]);
    expect(table.get("arrowleft")).toEqual(["vertex.left", "nudge.left", "cursor.left"]);
    expect(conflictsOf(bindings, "tool.polygon", "u")).toEqual(["tool.box"]);
    expect(displayCombo("ctrl+shift+z")).toBe("Ctrl+Shift+Z");
  });

  it("no two default actions share a combo in overlapping scopes", () => {
    const bindings = resolveBindings(DEFAULT_BINDINGS, {});
    for (const [action, combos] of Object.entries(bindings)) {
      for (const combo of combos)
        expect(conflictsOf(bindings, action, combo, scopeOf), `${combo} of ${action}`).toEqual([]);
    }
  });
});
