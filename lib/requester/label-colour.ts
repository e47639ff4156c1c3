// A label's colour from its name, not its position: a label named "blue" is blue, and any other
// name keeps the same palette colour whatever its place in the list (a stable hash), so reordering
// the labels file or adding one does not repaint what workers already know.

/** Colour words a labeller expects to see as that colour (CSS names, readable on dark and light). */
const NAMED: Record<string, string> = {
  red: "#e6194b",
  green: "#3cb44b",
  blue: "#4363d8",
  orange: "#f58231",
  purple: "#911eb4",
  violet: "#911eb4",
  cyan: "#42d4f4",
  magenta: "#f032e6",
  pink: "#fabed4",
  lime: "#bfef45",
  teal: "#469990",
  yellow: "#ffe119",
  brown: "#9a6324",
  black: "#000000",
  white: "#ffffff",
  grey: "#a9a9a9",
  gray: "#a9a9a9",
  navy: "#000075",
  maroon: "#800000",
  olive: "#808000",
  gold: "#ffd700",
};

export const LABEL_PALETTE = [
  "#e6194b",
  "#3cb44b",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#42d4f4",
  "#f032e6",
  "#bfef45",
  "#fabed4",
  "#469990",
] as const;

/** FNV-1a over the name's UTF-16 units: tiny, stable across runs and platforms. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The colour a name says ("Blue car" is blue: any word of the name that is a colour), else null. */
export function namedColour(name: string): string | null {
  for (const word of name.toLowerCase().split(/[^a-z]+/)) if (NAMED[word]) return NAMED[word];
  return null;
}

/**
 * Colours for a list of label names: the colour a name says, else its hashed palette entry,
 * moved on to the next free one when another label already has it (while any is free). Clashes
 * are settled in name order, not list order, so reordering the list changes no colour.
 */
export function labelColours(names: readonly string[], given: readonly (string | undefined)[] = []): string[] {
  const used = new Set<string>();
  const out: string[] = new Array<string>(names.length);
  const rest: number[] = [];
  names.forEach((name, i) => {
    const explicit = given[i] ?? namedColour(name);
    if (explicit) {
      used.add(explicit.toLowerCase());
      out[i] = explicit;
    } else rest.push(i);
  });
  const key = (i: number) => names[i]!.trim().toLowerCase();
  rest.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x - y));
  for (const i of rest) {
    const start = hash(key(i)) % LABEL_PALETTE.length;
    let colour: string = LABEL_PALETTE[start]!;
    for (let k = 0; k < LABEL_PALETTE.length; k++) {
      const candidate = LABEL_PALETTE[(start + k) % LABEL_PALETTE.length]!;
      if (!used.has(candidate)) {
        colour = candidate;
        break;
      }
    }
    used.add(colour);
    out[i] = colour;
  }
  return out;
}
