import { readFile } from "node:fs/promises";
import { extname, normalize, resolve, sep } from "node:path";

const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Resolves a URL path inside the built renderer and reads it. Paths that escape the folder
 * (../, encoded or not) resolve to null, as do missing files; "/" is index.html.
 */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const relative = decoded === "/" || decoded === "" ? "index.html" : decoded.replace(/^\/+/, "");
  const root = resolve(rendererDir);
  const target = resolve(root, normalize(relative));
  if (target !== root && !target.startsWith(root + sep)) return null;
  try {
    const body = await readFile(target);
    return { body, contentType: MIME_TYPES[extname(target).toLowerCase()] ?? "application/octet-stream" };
  } catch {
    return null;
  }
}
