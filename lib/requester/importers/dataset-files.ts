// The files of a dataset to import — an export's in-memory files, or a file or folder on disk —
// read with limits, so a hostile folder cannot make the import read without end.
import fs from "node:fs";
import path from "node:path";
import type { ExportFile } from "../exporters";
import { ImportError } from "./import-model";

export interface DatasetFiles {
  /** Relative paths with "/" separators. */
  paths(): string[];
  read(relativePath: string): Uint8Array | undefined;
  text(relativePath: string): string | undefined;
}

export const IMPORT_LIMITS = { files: 200_000, fileBytes: 512 * 1024 * 1024, depth: 8 };

export function filesFromExport(files: readonly ExportFile[]): DatasetFiles {
  const map = new Map(
    files.map((f) => [f.path, typeof f.contents === "string" ? new TextEncoder().encode(f.contents) : f.contents]),
  );
  return {
    paths: () => [...map.keys()],
    read: (p) => map.get(p),
    text: (p) => {
      const b = map.get(p);
      return b ? new TextDecoder().decode(b) : undefined;
    },
  };
}

/** A folder (or one file, seen as a folder holding it) on disk; symbolic links are not followed. */
export function filesFromDisk(target: string, limits = IMPORT_LIMITS): DatasetFiles {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    throw new ImportError(`There is no file or folder at ${target}.`);
  }
  const root = stat.isDirectory() ? target : path.dirname(target);
  const list: string[] = [];
  if (stat.isFile()) list.push(path.basename(target));
  else {
    const walk = (dir: string, rel: string, depth: number): void => {
      if (depth > limits.depth) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const r = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path.join(dir, entry.name), r, depth + 1);
        else if (entry.isFile()) {
          list.push(r);
          if (list.length > limits.files)
            throw new ImportError(
              `${target} holds more than ${limits.files} files; point at the dataset's own folder.`,
            );
        }
      }
    };
    walk(target, "", 0);
  }
  const known = new Set(list);
  const read = (p: string): Uint8Array | undefined => {
    if (!known.has(p)) return undefined;
    const full = path.join(root, ...p.split("/"));
    const size = fs.statSync(full).size;
    if (size > limits.fileBytes)
      throw new ImportError(`${p} is ${size} bytes; files to import may be at most ${limits.fileBytes} bytes.`);
    return new Uint8Array(fs.readFileSync(full));
  };
  return {
    paths: () => [...list],
    read,
    text: (p) => {
      const b = read(p);
      return b ? new TextDecoder().decode(b) : undefined;
    },
  };
}
