/**
 * Hotkeys: every editor action has an id and one or more key combos ("ctrl+shift+z|ctrl+y").
 * Combos name the character a layout produces ("?" wherever it sits), digits and named keys by
 * their key, so bindings work on every keyboard layout (VS Code's keybinding resolver). Pure:
 * parsing and matching need no DOM.
 */
export interface KeyInput {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** Physical keys whose name we keep whatever the layout produces on them. */
const CODE_NAMES: Record<string, string> = {
  NumpadAdd: "+",
  NumpadSubtract: "-",
  NumpadEnter: "enter",
  Space: "space",
};

/** Punctuation by physical key, only for Alt combos (on macOS Alt changes the produced key). */
const US_PUNCTUATION: Record<string, string> = {
  Minus: "-",
  Equal: "=",
  BracketLeft: "[",
  BracketRight: "]",
  Slash: "/",
  Backslash: "\\",
  Semicolon: ";",
  Quote: "'",
  Comma: ",",
  Period: ".",
  Backquote: "`",
};

/**
 * The key part of a combo. Letters and punctuation are matched on the character the layout
 * produces (`event.key`: "?" is "?" on every layout, wherever it sits); digits on their
 * physical key, because Shift+digit produces a different symbol on every layout and AZERTY
 * needs Shift for the digit itself; named keys by name. Letters fall back to the physical key
 * on non-Latin layouts and with Alt (macOS Alt+A produces "å").
 */
export function keyName(input: Pick<KeyInput, "key" | "code"> & { readonly altKey?: boolean }): string {
  const { code, key } = input;
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (/^Numpad[0-9]$/.test(code)) return code.slice(6);
  const named = CODE_NAMES[code];
  if (named) return named;
  if (key === " ") return "space";
  if (/^[a-z]$/i.test(key) && !input.altKey) return key.toLowerCase();
  // a symbol the layout produced ("?" from AZERTY's comma key) is the symbol
  if (key.length === 1 && !/\p{L}/u.test(key) && !input.altKey) return key;
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (input.altKey && US_PUNCTUATION[code]) return US_PUNCTUATION[code];
  return key.length === 1 ? key : key.toLowerCase();
}

/** A produced character other than a letter: Shift was part of producing it, not a modifier. */
function producedSymbol(key: string): boolean {
  return key.length === 1 && !/^[a-z0-9]$/.test(key);
}

const MODIFIER_KEYS = new Set(["control", "shift", "alt", "meta", "os"]);

/** "ctrl+shift+z": modifiers in a fixed order, Cmd counts as Ctrl (one binding for macOS too). */
export function comboOf(input: KeyInput): string | null {
  const key = keyName(input);
  if (MODIFIER_KEYS.has(key)) return null;
  const parts: string[] = [];
  if (input.ctrlKey || input.metaKey) parts.push("ctrl");
  if (input.altKey) parts.push("alt");
  if (input.shiftKey && !producedSymbol(key)) parts.push("shift");
  parts.push(key);
  return parts.join("+");
}

/**
 * Bindings saved before keys were matched on the produced character named the US physical
 * key with Shift; they mean the character that combination produces there.
 */
const LEGACY_SHIFTED: Record<string, string> = {
  "shift+/": "?",
  "shift+=": "+",
  "shift+]": "}",
  "shift+[": "{",
  "shift+-": "_",
  "shift+;": ":",
  "shift+'": '"',
  "shift+,": "<",
  "shift+.": ">",
  "shift+`": "~",
  "shift+\\": "|",
};

/** Normalises a user-written combo ("Shift+Ctrl+Z" → "ctrl+shift+z"); null when malformed. */
export function normalizeCombo(text: string): string | null {
  const combo = normalizeParts(text);
  if (combo === null) return null;
  const legacy = /^((?:ctrl\+)?(?:alt\+)?)(shift\+.)$/.exec(combo);
  if (legacy?.[2] && LEGACY_SHIFTED[legacy[2]]) return (legacy[1] ?? "") + LEGACY_SHIFTED[legacy[2]];
  // "shift+?" is just "?": Shift is how the character is produced
  const symbol = /^((?:ctrl\+)?(?:alt\+)?)shift\+(.)$/.exec(combo);
  if (symbol?.[2] && producedSymbol(symbol[2])) return (symbol[1] ?? "") + symbol[2];
  return combo;
}

function normalizeParts(text: string): string | null {
  if (text.trim() === "+") return "+";
  const parts = text
    .trim()
    .toLowerCase()
    .split("+")
    .map((p) => p.trim());
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
export function resolveBindings(
  defaults: Readonly<Record<string, string>>,
  overrides: Readonly<Record<string, string>>,
): Bindings {
  const out: Record<string, string[]> = {};
  for (const [action, binding] of Object.entries(defaults)) {
    const override = overrides[action];
    const parsed = override !== undefined ? parseBinding(override) : [];
    out[action] = parsed.length > 0 ? parsed : parseBinding(binding);
  }
  return out;
}

/**
 * Combo → the actions bound to it, in registry order. Dispatch tries them in turn and stops at
 * the first that applies (a vertex is picked, shapes are selected, …); see ActionScope.
 */
export function comboTable(bindings: Bindings): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [action, combos] of Object.entries(bindings)) {
    for (const combo of combos) {
      const list = table.get(combo);
      if (list) list.push(action);
      else table.set(combo, [action]);
    }
  }
  return table;
}

/** Where an action applies; two actions conflict on a key when their scopes overlap. */
export type ScopeOf = (action: string) => string;

function overlap(a: string, b: string): boolean {
  return a === b || a === "global" || b === "global";
}

/** Actions that would share `combo` with `action` in an overlapping scope after rebinding it. */
export function conflictsOf(
  bindings: Bindings,
  action: string,
  combo: string,
  scopeOf: ScopeOf = () => "global",
): string[] {
  return Object.entries(bindings)
    .filter(([other, combos]) => other !== action && combos.includes(combo) && overlap(scopeOf(action), scopeOf(other)))
    .map(([other]) => other);
}

/**
 * Keys a binding cannot use, with the reason a person is told: Tab and Shift+Tab move focus
 * between the canvas and the panels, Escape lets go, F6 cycles regions, and the browser or
 * the system takes the others before the page sees them.
 */
const RESERVED: Record<string, string> = {
  tab: "Tab moves between the canvas, the panels and the task bar",
  "shift+tab": "Shift+Tab moves between the canvas, the panels and the task bar",
  "ctrl+w": "the browser closes the window on Ctrl+W",
  "ctrl+t": "the browser opens a tab on Ctrl+T",
  "ctrl+n": "the browser opens a window on Ctrl+N",
  "ctrl+tab": "the browser switches tabs on Ctrl+Tab",
  "ctrl+shift+tab": "the browser switches tabs on Ctrl+Shift+Tab",
  "alt+f4": "the system closes the window on Alt+F4",
  "ctrl+l": "the browser focuses its address bar on Ctrl+L",
  "ctrl+q": "the system quits the app on Ctrl+Q",
  f5: "F5 reloads the page",
  "ctrl+r": "Ctrl+R reloads the page",
  f6: "F6 moves between the canvas and the panels",
};

/** Why `combo` cannot be bound to `action`, as a sentence naming actions by title; null when fine. */
export function bindingProblem(
  bindings: Bindings,
  action: string,
  combo: string,
  titleOf: (action: string) => string,
  scopeOf: ScopeOf = () => "global",
): string | null {
  if (action !== "view.focusList" && RESERVED[combo])
    return `${displayCombo(combo)} cannot be used: ${RESERVED[combo]}.`;
  const clash = conflictsOf(bindings, action, combo, scopeOf);
  if (clash.length > 0)
    return `${displayCombo(combo)} already does “${clash.map(titleOf).join("”, “")}”. Change that first, or pick other keys.`;
  return null;
}

const KEY_NAMES: Record<string, string> = {
  arrowleft: "Left arrow",
  arrowright: "Right arrow",
  arrowup: "Up arrow",
  arrowdown: "Down arrow",
  escape: "Esc",
  enter: "Enter",
  space: "Space",
  backspace: "Backspace",
  delete: "Delete",
  tab: "Tab",
  pageup: "Page Up",
  pagedown: "Page Down",
  home: "Home",
  end: "End",
  insert: "Insert",
  ctrl: "Ctrl",
  alt: "Alt",
  shift: "Shift",
};

/** Splits "ctrl+shift++" into ["ctrl", "shift", "+"]: the key part may itself be "+". */
export function comboParts(combo: string): string[] {
  if (combo === "+") return ["+"];
  if (combo.endsWith("++")) return [...combo.slice(0, -2).split("+").filter(Boolean), "+"];
  return combo.split("+");
}

/** "ctrl+shift+z" → "Ctrl+Shift+Z", "arrowleft" → "Left arrow", "?" → "?" for people. */
export function displayCombo(combo: string): string {
  return comboParts(combo)
    .map(
      (p) =>
        KEY_NAMES[p] ??
        (/^f[0-9]{1,2}$/.test(p)
          ? p.toUpperCase()
          : p.length === 1
            ? p.toUpperCase()
            : p[0]?.toUpperCase() + p.slice(1)),
    )
    .join("+");
}

const ARIA_KEYS: Record<string, string> = {
  ctrl: "Control",
  alt: "Alt",
  shift: "Shift",
  arrowleft: "ArrowLeft",
  arrowright: "ArrowRight",
  arrowup: "ArrowUp",
  arrowdown: "ArrowDown",
  escape: "Escape",
  enter: "Enter",
  space: "Space",
  backspace: "Backspace",
  delete: "Delete",
  pageup: "PageUp",
  pagedown: "PageDown",
  home: "Home",
  end: "End",
  "+": "Plus",
};

/** The combo in aria-keyshortcuts syntax ("Control+Shift+Z", "Shift+ArrowLeft"). */
export function ariaShortcut(combo: string): string {
  return comboParts(combo)
    .map((p) => ARIA_KEYS[p] ?? (p.length === 1 ? p.toUpperCase() : p.toUpperCase()))
    .join("+");
}
