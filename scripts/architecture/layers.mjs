// The import graph of the repository's own code and the rules it must keep: which root may
// import which (layers.json), and no cycles between files or between folders. Used by the
// eslint rule amplify/layers (eslint-plugin.mjs) and by test/unit/architecture.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** @type {{ roots: Record<string, string | string[]>, allowed: Record<string, string[]> }} */
const table = JSON.parse(readFileSync(new URL("./layers.json", import.meta.url), "utf8"));
const prefixes = Object.entries(table.roots)
  .flatMap(([name, p]) => (Array.isArray(p) ? p : [p]).map((prefix) => ({ name, prefix })))
  .sort((a, b) => b.prefix.length - a.prefix.length);

const toPosix = (p) => p.split(sep).join("/");

/** The repo-relative, /-separated path of an absolute path. */
export function repoPath(abs) {
  return toPosix(relative(repoRoot, abs));
}

/** The root a repo-relative path belongs to (longest matching prefix), or null outside every root. */
export function rootOf(path) {
  return prefixes.find((p) => path.startsWith(p.prefix))?.name ?? null;
}

/** Whether code in root `from` may import code in root `to`. */
export function mayImport(from, to) {
  return from === to || (table.allowed[from] ?? []).includes(to);
}

const extensions = ["", ".ts", ".tsx", ".mts", ".mjs", ".js", "/index.ts", "/index.tsx"];

/** The file a relative specifier names (sources are imported without extension), or null. */
export function resolveRelative(fromAbs, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(fromAbs), specifier);
  for (const ext of extensions) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // `./x.js` naming `./x.ts` (NodeNext style)
  if (/\.m?js$/.test(base)) {
    const ts_ = base.replace(/\.(m?)js$/, ".$1ts");
    if (existsSync(ts_)) return ts_;
  }
  return base;
}

/** Every module specifier a source imports: static, type-only, re-exports, dynamic import(). */
export function specifiersOf(source) {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const skipDirs = new Set(["node_modules", "dist", "out", "release", "build", "artifacts", ".git"]);
const sourceFile = /\.(ts|tsx|mts|mjs)$/;

/** The repository's own source files (absolute paths), every root. */
export function sourceFiles(dir = repoRoot) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || skipDirs.has(entry.name)) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(abs));
    else if (sourceFile.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(abs);
  }
  return out;
}

/** Repo-relative import graph: file -> files it imports (relative imports of our own files only). */
export function importGraph(files = sourceFiles()) {
  /** @type {Map<string, Set<string>>} */
  const graph = new Map();
  for (const abs of files) {
    const targets = new Set();
    for (const spec of specifiersOf(readFileSync(abs, "utf8"))) {
      const target = resolveRelative(abs, spec);
      if (target && /\.(ts|tsx|mts|mjs|js)$/.test(target)) targets.add(repoPath(target));
    }
    graph.set(repoPath(abs), targets);
  }
  return graph;
}

/** Imports that cross a boundary layers.json forbids: "from -> to (fromRoot may not import toRoot)". */
export function layerViolations(graph) {
  const out = [];
  for (const [from, targets] of graph) {
    const fromRoot = rootOf(from);
    if (!fromRoot) continue;
    for (const to of targets) {
      const toRoot = rootOf(to);
      if (toRoot && !mayImport(fromRoot, toRoot)) out.push(`${from} -> ${to} (${fromRoot} may not import ${toRoot})`);
    }
  }
  return out;
}

/** Strongly connected components of more than one node (Tarjan), each sorted. */
function cyclesOf(edges) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const out = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Files that import each other, directly or around a loop. */
export function fileCycles(graph) {
  return cyclesOf(graph);
}

/**
 * Folders that import each other (outbox <-> tasks, canvas <-> panels). A folder may use its
 * ancestors' modules — a subfolder is part of its parent — so only edges to a folder that is not
 * an ancestor count.
 */
export function folderCycles(graph) {
  const folders = new Map();
  const dir = (f) => dirname(f);
  for (const [from, targets] of graph) {
    const a = dir(from);
    if (!folders.has(a)) folders.set(a, new Set());
    for (const to of targets) {
      const b = dir(to);
      if (a === b || a.startsWith(`${b}/`)) continue;
      folders.get(a).add(b);
    }
  }
  return cyclesOf(folders);
}
