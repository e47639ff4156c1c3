import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The renderer is a static bundle: no dev server is part of the app, and no inline scripts
// (the CSP forbids them), so the module preload polyfill is off.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("../dist/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "chrome120",
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
