/**
 * Splits untrusted text into segments a view can render as plain text nodes, with everything a
 * reader could not otherwise see made visible: bidi controls (which can reorder what is shown),
 * zero-width and other invisible characters, control characters, unusual spaces, Unicode tag
 * characters (hidden ASCII), piles of combining marks, words that mix Latin with look-alike
 * Cyrillic or Greek letters, and links (shown, never followable). Pure: no DOM, no Node.
 */
export type HiddenGroup = "bidi" | "invisible" | "control" | "space" | "tag" | "marks";

export type TextSegment =
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "hidden";
      readonly group: HiddenGroup;
      readonly code: string;
      readonly name: string;
      readonly count?: number;
    }
  | { readonly kind: "link"; readonly text: string }
  | { readonly kind: "mixed-script"; readonly text: string };

const BIDI: Record<number, string> = {
  0x061c: "ARABIC LETTER MARK",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

const INVISIBLE: Record<number, string> = {
  0x00ad: "SOFT HYPHEN",
  0x034f: "COMBINING GRAPHEME JOINER",
  0x115f: "HANGUL CHOSEONG FILLER",
  0x1160: "HANGUL JUNGSEONG FILLER",
  0x17b4: "KHMER VOWEL INHERENT AQ",
  0x17b5: "KHMER VOWEL INHERENT AA",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x206a: "INHIBIT SYMMETRIC SWAPPING",
  0x206b: "ACTIVATE SYMMETRIC SWAPPING",
  0x206c: "INHIBIT ARABIC FORM SHAPING",
  0x206d: "ACTIVATE ARABIC FORM SHAPING",
  0x206e: "NATIONAL DIGIT SHAPES",
  0x206f: "NOMINAL DIGIT SHAPES",
  0x2800: "BRAILLE PATTERN BLANK",
  0x3164: "HANGUL FILLER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
  0xffa0: "HALFWIDTH HANGUL FILLER",
  0xfff9: "INTERLINEAR ANNOTATION ANCHOR",
  0xfffa: "INTERLINEAR ANNOTATION SEPARATOR",
  0xfffb: "INTERLINEAR ANNOTATION TERMINATOR",
};

const SPACES: Record<number, string> = {
  0x00a0: "NO-BREAK SPACE",
  0x1680: "OGHAM SPACE MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202f: "NARROW NO-BREAK SPACE",
  0x205f: "MEDIUM MATHEMATICAL SPACE",
  0x3000: "IDEOGRAPHIC SPACE",
};
for (let c = 0x2000; c <= 0x200a; c++) SPACES[c] = "TYPOGRAPHIC SPACE";

/** Combining marks beyond this many on one character are collapsed into one badge. */
export const MAX_MARKS_PER_CHARACTER = 2;

export function codeLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

function classify(cp: number): { group: HiddenGroup; name: string } | null {
  const bidi = BIDI[cp];
  if (bidi) return { group: "bidi", name: bidi };
  const invisible = INVISIBLE[cp];
  if (invisible) return { group: "invisible", name: invisible };
  const space = SPACES[cp];
  if (space) return { group: "space", name: space };
  if (cp >= 0xe0000 && cp <= 0xe007f) {
    const ascii = cp - 0xe0000;
    return {
      group: "tag",
      name: ascii >= 0x20 && ascii < 0x7f ? `TAG "${String.fromCharCode(ascii)}"` : "TAG CHARACTER",
    };
  }
  if (cp === 0x09 || cp === 0x0a) return null;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return { group: "control", name: "CONTROL CHARACTER" };
  return null;
}

const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const MARK = /^\p{M}$/u;
// A link, a word (letters, marks, digits), or any one code point.
const TOKEN = /(?:https?:\/\/|www\.)[^\s<>"'`]+|[\p{L}\p{M}\p{N}]+|[\s\S]/gu;

export function inspectText(input: string): TextSegment[] {
  // CR LF and lone CR are line breaks, as a reader expects; other controls are shown.
  const source = input.replace(/\r\n?/g, "\n");
  const out: TextSegment[] = [];
  let plain = "";
  const flush = (): void => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
  };
  const push = (segment: TextSegment): void => {
    flush();
    out.push(segment);
  };
  for (const match of source.matchAll(TOKEN)) {
    const token = match[0];
    if (token.length > 1 && (token.startsWith("http") || token.startsWith("www."))) {
      push({ kind: "link", text: token });
      continue;
    }
    const cp = token.codePointAt(0) ?? 0;
    if (token.length <= 2 && token.length === String.fromCodePoint(cp).length) {
      const hidden = classify(cp);
      if (hidden) {
        push({ kind: "hidden", group: hidden.group, code: codeLabel(cp), name: hidden.name });
        continue;
      }
      if (!MARK.test(token)) {
        plain += token;
        continue;
      }
    }
    const word = collapseMarks(token);
    if (word.marks > 0) {
      // A word with piled-up marks: shown with the excess counted, not stacked over the line.
      for (const part of word.parts) {
        if (typeof part === "string") plain += part;
        else
          push({
            kind: "hidden",
            group: "marks",
            code: "marks",
            name: `${part.count} more combining marks`,
            count: part.count,
          });
      }
      continue;
    }
    if (LATIN.test(token) && LOOKALIKE.test(token)) push({ kind: "mixed-script", text: token });
    else plain += token;
  }
  flush();
  return out;
}

function collapseMarks(word: string): { marks: number; parts: Array<string | { count: number }> } {
  const parts: Array<string | { count: number }> = [];
  let run = 0;
  let excess = 0;
  let total = 0;
  let text = "";
  const closeRun = (): void => {
    if (excess > 0) {
      parts.push(text, { count: excess });
      text = "";
      total += excess;
    }
    run = 0;
    excess = 0;
  };
  for (const ch of word) {
    if (MARK.test(ch)) {
      run++;
      if (run > MAX_MARKS_PER_CHARACTER) {
        excess++;
        continue;
      }
    } else closeRun();
    text += ch;
  }
  closeRun();
  if (text) parts.push(text);
  return { marks: total, parts };
}

/** How many characters of each hidden group a text holds (for the notice above it). */
export function summariseHidden(segments: readonly TextSegment[]): {
  hidden: number;
  mixedScript: number;
  links: number;
  byGroup: Partial<Record<HiddenGroup, number>>;
} {
  const byGroup: Partial<Record<HiddenGroup, number>> = {};
  let hidden = 0;
  let mixedScript = 0;
  let links = 0;
  for (const s of segments) {
    if (s.kind === "hidden") {
      hidden++;
      byGroup[s.group] = (byGroup[s.group] ?? 0) + 1;
    } else if (s.kind === "mixed-script") mixedScript++;
    else if (s.kind === "link") links++;
  }
  return { hidden, mixedScript, links, byGroup };
}

/**
 * The first `limit` characters' worth of segments (a badge counts as one), so a 100 KB line does
 * not become a 100 KB layout before the worker asks for it. `more` counts what was left out.
 */
export function truncateSegments(
  segments: readonly TextSegment[],
  limit: number,
): { segments: TextSegment[]; more: number } {
  const out: TextSegment[] = [];
  let used = 0;
  let more = 0;
  for (const s of segments) {
    const size = s.kind === "hidden" ? 1 : s.text.length;
    if (used >= limit) {
      more += size;
      continue;
    }
    if (used + size <= limit || s.kind === "hidden") {
      out.push(s);
      used += size;
      continue;
    }
    // Cut inside a text run, never inside a surrogate pair.
    let cut = limit - used;
    const code = s.text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    out.push({ ...s, text: s.text.slice(0, cut) });
    more += s.text.length - cut;
    used = limit;
  }
  return { segments: out, more };
}
