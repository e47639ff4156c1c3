import { fileURLToPath } from "node:url";

/**
 * The path of the calling module, given its import.meta.url. In the CommonJS bundle esbuild
 * leaves import.meta empty; there every module lives in the bundle file, which is __filename.
 * Used to find what ships beside the code: the worker, the wasm package, the default models.
 */
export function moduleFile(metaUrl: string | undefined): string {
  if (metaUrl) return fileURLToPath(metaUrl);
  if (typeof __filename === "string") return __filename;
  throw new Error("cannot tell where this module lives");
}
