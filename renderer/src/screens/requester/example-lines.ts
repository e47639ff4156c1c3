/** One example image as the form sends it: a file in the examples folder and what it shows. */
export interface ExampleLine {
  readonly file: string;
  readonly caption: string;
}

/**
 * The form's example lines, "file.png: what it shows" one per line (the caption may be left
 * out). Blank lines are skipped; a line with no file name is a sentence about that line.
 */
export function parseExampleLines(text: string): { value: ExampleLine[] } | { problem: string } {
  const value: ExampleLine[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    const file = (colon < 0 ? line : line.slice(0, colon)).trim();
    const caption = colon < 0 ? "" : line.slice(colon + 1).trim();
    if (!file)
      return {
        problem: `Line ${i + 1} of the examples has no file name: write the file's name, then “:” and what it shows.`,
      };
    value.push({ file, caption });
  }
  return { value };
}
