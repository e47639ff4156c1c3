// Layering is enforced here from one table, scripts/architecture/layers.json (which root may
// import which): per root, no-restricted-imports refuses the other roots' folders by name and
// the packages the root must not use (Electron outside the shell, Node in shared/ and the
// renderer, ipcMain outside electron/ipc), and amplify/layers resolves every relative import
// to its file and checks the table exactly. test/unit/architecture proves both fail on a bad import.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import amplify from "./scripts/architecture/eslint-plugin.mjs";

const layers = JSON.parse(readFileSync(new URL("./scripts/architecture/layers.json", import.meta.url), "utf8"));
const prefixesOf = (root) => [layers.roots[root]].flat();
// A root is a folder ("lib/") or a single file ("renderer/vite.config.ts").
const sources = (prefix) => (prefix.endsWith("/") ? [`${prefix}**/*.ts`, `${prefix}**/*.tsx`, `${prefix}**/*.mts`, `${prefix}**/*.mjs`] : [prefix]);

/**
 * Import patterns naming a forbidden root's folder, leaving out allowed roots nested in it
 * (test/support inside test/): gitignore patterns cannot re-include inside an excluded folder,
 * so such a folder is listed entry by entry instead.
 */
function forbiddenPatterns(prefix, allowedPrefixes) {
  if (!prefix.endsWith("/")) return [`**/${prefix.replace(/\.tsx?$/, "")}`];
  const nested = allowedPrefixes.filter((a) => a.startsWith(prefix));
  if (nested.length === 0) return [`**/${prefix}**`];
  if (nested.includes(prefix) || !existsSync(prefix)) return [];
  return readdirSync(prefix, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? forbiddenPatterns(`${prefix}${entry.name}/`, nested) : nested.includes(`${prefix}${entry.name}`) ? [] : [`**/${prefix}${entry.name.replace(/\.tsx?$/, "")}`],
  );
}

const noNode = { group: ["node:*", "fs", "path", "crypto", "os", "child_process", "worker_threads"], message: "This code runs in the renderer too: no Node modules." };
const electronOnlyInShell = { name: "electron", message: "Only the Electron shell (electron/, outside core) imports Electron; everything else runs under plain Node." };
const ipcMainOnlyInIpc = { name: "electron", importNames: ["ipcMain"], message: "ipcMain is used only by the IPC module (electron/ipc), one validated handler per channel." };

/** no-restricted-imports options for one root: other roots' folders it may not use, plus package bans. */
function restrictionsFor(root, { ipcMain = false } = {}) {
  const allowed = new Set([root, ...layers.allowed[root]]);
  const forbidden = Object.keys(layers.roots).filter((r) => !allowed.has(r));
  const allowedPrefixes = [...allowed].flatMap(prefixesOf);
  const group = forbidden.flatMap(prefixesOf).flatMap((p) => forbiddenPatterns(p, allowedPrefixes));
  const patterns = group.length ? [{ group, message: `${root} code may import only ${[...allowed].join(", ")} (scripts/architecture/layers.json).` }] : [];
  const paths = [];
  if (!["shell", "test", "test-support", "bench"].includes(root)) paths.push(electronOnlyInShell);
  else if (!ipcMain) paths.push(ipcMainOnlyInIpc);
  if (root === "shared" || root === "renderer") patterns.push(noNode);
  return ["error", { paths, patterns }];
}

const perRoot = Object.keys(layers.roots).map((root) => ({
  files: prefixesOf(root).flatMap(sources),
  // A nested root (electron/core in electron/, test/support in test/) gets its own block.
  ignores: Object.keys(layers.roots)
    .filter((other) => other !== root)
    .flatMap(prefixesOf)
    .filter((p) => prefixesOf(root).some((mine) => p.startsWith(mine) && p !== mine))
    .flatMap(sources),
  rules: { "no-restricted-imports": restrictionsFor(root) },
}));

export default tseslint.config(
  {
    ignores: ["node_modules/", "dist/", "out/", "release/", "test/artifacts/", "program/build/", "**/*.cjs"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly", process: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly",
        clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", window: "readonly",
        document: "readonly", fetch: "readonly", performance: "readonly", queueMicrotask: "readonly",
      },
    },
    plugins: { amplify },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      "amplify/layers": "error",
      "no-restricted-properties": ["error", { object: "electron", property: "ipcMain", message: "ipcMain is used only by the IPC module (electron/ipc)." }],
    },
  },
  ...perRoot,
  {
    files: sources("electron/ipc/"),
    rules: { "no-restricted-imports": restrictionsFor("shell", { ipcMain: true }), "no-restricted-properties": "off" },
  },
  {
    files: ["renderer/src/**/*.ts", "renderer/src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
