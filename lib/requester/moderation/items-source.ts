// Moderation items from a JSONL file ({"id", "text"} or {"id", "image": path} per line) or a
// folder (images, and .txt files as text items). Everything is read and checked up front, and
// every bad line is named with its number, so nothing is uploaded or paid for from bad input.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { MAX_TEXT_ITEM_BYTES } from "../../../shared/moderation";
import { RequesterError } from "../../chain";
import { sniffImage } from "../images";
import { describeIssue } from "./policy-file";

export type ModerationInput =
  { id: string; kind: "text"; text: string } | { id: string; kind: "image"; bytes: Uint8Array; file: string };

/** Lines reported at most, so a wholly wrong file gives a readable error. */
const MAX_REPORTED = 10;
export const MAX_ITEMS = 100_000;
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

const ItemId = z.string().trim().min(1, "id must not be empty").max(128, "id is longer than 128 characters");
const JsonlItem = z.union([
  z.object({ id: ItemId, text: z.string() }).strict(),
  z.object({ id: ItemId, image: z.string().min(1) }).strict(),
]);

const utf8 = new TextDecoder("utf-8", { fatal: true });

function checkText(text: string): string | null {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes === 0) return "text is empty";
  if (bytes > MAX_TEXT_ITEM_BYTES) return `text is ${bytes} bytes; the limit is ${MAX_TEXT_ITEM_BYTES} bytes of UTF-8`;
  return null;
}

function readImage(file: string): { bytes: Uint8Array } | { problem: string } {
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { problem: `${file} is not a file` };
    if (stat.size > MAX_IMAGE_BYTES) return { problem: `${file} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch {
    return { problem: `image not found: ${file}` };
  }
  const info = sniffImage(bytes);
  if (!info || info.width === 0 || info.height === 0) return { problem: `${file} is not a PNG, JPEG or WebP image` };
  return { bytes };
}

/** Parses JSONL text; image paths are resolved against `baseDir`. Throws listing every bad line. */
export function parseModerationJsonl(text: string, baseDir: string, source = "items"): ModerationInput[] {
  const items: ModerationInput[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      problems.push(`line ${n}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    const parsed = JsonlItem.safeParse(json);
    if (!parsed.success) {
      const hasBoth = typeof json === "object" && json !== null && "text" in json && "image" in json;
      problems.push(
        `line ${n}: ${hasBoth ? "an item has either text or image, not both" : `expected {"id", "text"} or {"id", "image"}: ${describeIssue(parsed.error.issues[0])}`}`,
      );
      return;
    }
    const item = parsed.data;
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push(`line ${n}: id "${item.id}" is already used on line ${first}`);
      return;
    }
    seen.set(item.id, n);
    if ("text" in item) {
      const problem = checkText(item.text);
      if (problem) problems.push(`line ${n}: ${problem}`);
      else items.push({ id: item.id, kind: "text", text: item.text });
    } else {
      const file = path.resolve(baseDir, item.image);
      const image = readImage(file);
      if ("problem" in image) problems.push(`line ${n}: ${image.problem}`);
      else items.push({ id: item.id, kind: "image", bytes: image.bytes, file });
    }
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).join("\n  ");
    const more = problems.length > MAX_REPORTED ? `\n  … and ${problems.length - MAX_REPORTED} more` : "";
    throw new RequesterError(
      `${source} has ${problems.length} bad line${problems.length > 1 ? "s" : ""}; nothing was posted:\n  ${shown}${more}`,
    );
  }
  if (items.length === 0) throw new RequesterError(`${source} has no items.`);
  if (items.length > MAX_ITEMS)
    throw new RequesterError(`${source} has ${items.length} items; a campaign takes at most ${MAX_ITEMS}.`);
  return items;
}

/** Items from a folder: images by content, `.txt` files as UTF-8 text; ids are file names. */
export function readModerationFolder(dir: string): ModerationInput[] {
  const names = fs
    .readdirSync(dir)
    .filter((n) => !n.startsWith("."))
    .sort();
  const items: ModerationInput[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    if (/\.txt$/i.test(name)) {
      let text: string;
      try {
        text = utf8.decode(fs.readFileSync(file));
      } catch {
        problems.push(`${name}: not valid UTF-8`);
        continue;
      }
      const problem = checkText(text);
      if (problem) problems.push(`${name}: ${problem}`);
      else items.push({ id: name, kind: "text", text });
      continue;
    }
    const image = readImage(file);
    if ("problem" in image) problems.push(`${name}: not a PNG, JPEG, WebP or .txt file`);
    else items.push({ id: name, kind: "image", bytes: image.bytes, file });
  }
  if (problems.length > 0)
    throw new RequesterError(
      `${dir} has ${problems.length} unusable file${problems.length > 1 ? "s" : ""}; nothing was posted:\n  ${problems.slice(0, MAX_REPORTED).join("\n  ")}`,
    );
  if (items.length === 0) throw new RequesterError(`No items (images or .txt files) in ${dir}.`);
  return items;
}

/** `--items DIR|FILE.jsonl`. */
export function readModerationItems(source: string): ModerationInput[] {
  if (!fs.existsSync(source)) throw new RequesterError(`Items not found: ${source}`);
  if (fs.statSync(source).isDirectory()) return readModerationFolder(source);
  let text: string;
  try {
    text = utf8.decode(fs.readFileSync(source));
  } catch {
    throw new RequesterError(`${source} is not valid UTF-8.`);
  }
  return parseModerationJsonl(text, path.dirname(path.resolve(source)), source);
}
