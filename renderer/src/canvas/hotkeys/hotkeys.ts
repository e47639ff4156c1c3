/**
 * Hotkeys: every editor action has an id and one or more key combos ("ctrl+shift+z|ctrl+y").
 * Combos name physical keys the way the user reads them ("shift+/" is "?") so that bindings
 * survive keyboard layouts that move punctuation. Pure: parsing and matching need no DOM.
 */
export interface KeyInput {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const CODE_NAMES: Record<string, string> = {
  Minus: "-", Equal: "=", BracketLeft: "[", BracketRight: "]", Slash: "/", Backslash: "\\", Semicolon: ";",
  Quote: "'", Comma: ",", Period: ".", Backquote: "`", NumpadAdd: "+", NumpadSubtract: "-", NumpadEnter: "enter",
  Space: "space",
};

/** The key part of a combo, from the physical key where that is stable. */
export function keyName(input: Pick<KeyInput, "key" | "code">): string {
  const { code, key } = input;
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (/^Numpad[0-9]$/.test(code)) return code.slice(6);
  const named = CODE_NAMES[code];
  if (named) return named;
  if (key === " ") return "space";
  return key.toLowerCase();
}

const MODIFIER_KEYS = new Set(["control", "shift", "alt", "meta", "os"]);

/** "ctrl+shift+z": modifiers in a fixed order, Cmd counts as Ctrl (one binding for macOS too). */
export function comboOf(input: KeyInput): string | null {
  const key = keyName(input);
  if (MODIFIER_KEYS.has(key)) return null;
  const parts: string[] = [];
  if (input.ctrlKey || input.metaKey) parts.push("ctrl");
  if (input.altKey) parts.push("alt");
  if (input.shiftKey) parts.push("shift");
  parts.push(key);
  return parts.join("+");
}

/** Normalises a user-written combo ("Shift+Ctrl+Z" → "ctrl+shift+z"); null when malformed. */
export function normalizeCombo(text: string): string | null {
  if (text.trim() === "+") return "+";
  const parts = text.trim().toLowerCase().split("+").map((p) => p.trim());
  // "ctrl++" means the plus key
  if (text.trim().endsWith("++")) parts.splice(parts.length - 2, 2, "+");
  const key = parts.pop();
  if (!key) return null;
  const mods = new Set<string>();
  for (const p of parts) {
    const m = p === "cmd" || p === "meta" || p === "control" ? "ctrl" : p === "option" ? "alt" : p;
    if (m !== "ctrl" && m !== "alt" && m !== "shift") return null;
    mods.add(m);
  }
  return [...["ctrl", "alt", "shift"].filter((m) => mods.has(m)), key].join("+");
}

export function parseBinding(binding: string): string[] {
  return binding
    .split("|")
    .map(normalizeCombo)
    .filter((c): c is string => c !== null);
}

export type Bindings = Readonly<Record<string, readonly string[]>>;

/** Defaults overlaid by the user's settings.hotkeys (action id → "combo|combo"). */
export function resolveBindings(defaults: Readonly<Record<string, string>>, overrides: Readonly<Record<string, string>>): Bindings {
  const out: Record<string, string[]> = {};
  for (const [action, binding] of Object.entries(defaults)) {
    const override = overrides[action];
    const parsed = override !== undefined ? parseBinding(override) : [];
    out[action] = parsed.length > 0 ? parsed : parseBinding(binding);
  }
  return out;
}

/** Combo → action, for dispatch. A later action never steals a combo from an earlier one. */
export function comboTable(bindings: Bindings): Map<string, string> {
  const table = new Map<string, string>();
  for (const [action, combos] of Object.entries(bindings)) for (const combo of combos) if (!table.has(combo)) table.set(combo, action);
  return table;
}

/** Actions bound to the same combo as `action` would be after rebinding it to `combo`. */
export function conflictsOf(bindings: Bindings, action: string, combo: string): string[] {
  return Object.entries(bindings)
    .filter(([other, combos]) => other !== action && combos.includes(combo))
    .map(([other]) => other);
}

/** "ctrl+shift+z" → "Ctrl+Shift+Z" for people. */
export function displayCombo(combo: string): string {
  return combo
    .split("+")
    .map((p) => (p.length === 1 ? p.toUpperCase() : p[0]?.toUpperCase() + p.slice(1)))
    .join("+")
    .replace("Shift+/", "?");
}
