// Layering is enforced here with stock rules (no custom plugins): shared imports nothing of
// ours, core never imports electron, the renderer imports only shared.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const noElectron = { name: "electron", message: "core and shared must run under plain Node: no Electron import." };

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
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [noElectron],
        patterns: [
          { group: ["node:*", "fs", "path", "crypto", "os", "child_process"], message: "shared/ runs in the renderer too: no Node modules." },
          { group: ["**/electron/**", "**/renderer/**", "**/localnet/**", "**/cli/**", "**/lib/**"], message: "shared/ imports nothing of ours." },
        ],
      }],
    },
  },
  {
    files: ["electron/core/**/*.ts", "lib/**/*.ts", "localnet/**/*.ts", "cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [noElectron],
        patterns: [{ group: ["**/renderer/**"], message: "Node code never imports the renderer." }],
      }],
    },
  },
  {
    files: ["renderer/src/**/*.ts", "renderer/src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "no-restricted-imports": ["error", {
        paths: [noElectron],
        patterns: [
          { group: ["**/electron/**", "**/localnet/**", "**/cli/**", "**/lib/**"], message: "The renderer talks to core only through shared/api." },
          { group: ["node:*"], message: "The renderer has no Node." },
        ],
      }],
    },
  },
);
