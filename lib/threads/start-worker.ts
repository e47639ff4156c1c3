import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { moduleFile } from "./module-file";

/**
 * Starts the worker thread that lives beside a module, wherever the code runs from:
 * - built (tsc): `<worker>.js` next to the caller's `.js`;
 * - bundled for Electron: `<worker>.cjs` next to the main bundle (every module is the bundle);
 * - sources (tsx, vitest): `<worker>.ts`, loaded through tsx's ESM API, since Node 20 does not
 *   hand --import loaders on to worker threads.
 *
 * @param callerUrl the caller's import.meta.url (empty in the CommonJS bundle)
 * @param workerName the worker module's name without extension, e.g. "decrypt-worker"
 */
export function startSiblingWorker(callerUrl: string | undefined, workerName: string): Worker {
  const here = moduleFile(callerUrl);
  const dir = dirname(here);
  const built = [join(dir, `${workerName}.js`), join(dir, `${workerName}.cjs`)].find(
    (p) => p !== here && existsSync(p),
  );
  if (built) return new Worker(built);
  const ts = join(dir, `${workerName}.ts`);
  if (!basename(here).endsWith(".ts") || !existsSync(ts)) {
    throw new Error(`no ${workerName} file beside ${here}: build the app (npm run build) or run from sources`);
  }
  const tsxApi = pathToFileURL(tsxEsmApiPath(here)).href;
  const code = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(pathToFileURL(ts).href)}, ${JSON.stringify(pathToFileURL(here).href)}))`;
  return new Worker(code, { eval: true });
}

/**
 * tsx's ESM API file, read from its package exports: require.resolve would pick the CommonJS
 * build, whose loader registration breaks inside an ESM worker.
 */
function tsxEsmApiPath(from: string): string {
  const pkgPath = createRequire(from).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as {
    exports?: Record<string, { import?: { default?: string } }>;
  };
  const entry = pkg.exports?.["./esm/api"]?.import?.default;
  if (!entry) throw new Error("tsx has no ESM API entry: cannot run a TypeScript worker thread");
  return join(dirname(pkgPath), entry);
}
