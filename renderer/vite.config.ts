import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The renderer is a static bundle: no dev server is part of the app, and no inline scripts
// (the CSP forbids them), so the module preload polyfill is off.
// AMPLIFY_RENDERER_LAB=1 builds the development/test bundle into dist/renderer-lab: the same app
// plus the Canvas lab (#/lab) and its window.amplifyLab hook, which end-to-end tests drive. The
// production bundle (dist/renderer, what the app ships) has neither: __AMPLIFY_LAB__ is false
// there and the lab's dynamic import is dropped.
const lab = process.env.AMPLIFY_RENDERER_LAB === "1";

export default defineConfig({
  define: { __AMPLIFY_LAB__: JSON.stringify(lab) },
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL(lab ? "../dist/renderer-lab" : "../dist/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "chrome120",
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
