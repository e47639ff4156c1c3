// The Canvas lab and its window.amplifyLab hook are in the development/test renderer only: the
// production bundle (dist/renderer, what the app ships) has neither. Reads the bundles
// `npm test` builds (scripts/build.mjs: buildAll({ lab: true })).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support";

function bundleText(dir: string): string {
  const assets = join(repoRoot, dir, "assets");
  if (!existsSync(assets)) throw new Error(`${dir} is not built: run node scripts/build.mjs --lab (npm test does)`);
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join(assets, f), "utf8"))
    .join("\n");
}

describe("renderer bundles", () => {
  it("the production bundle has no Canvas lab and no window.amplifyLab; the test bundle has both", () => {
    const production = bundleText("dist/renderer");
    const lab = bundleText("dist/renderer-lab");
    // Booleans, not toContain: a failure would otherwise print megabytes of minified code.
    expect(production.includes("amplifyLab"), "window.amplifyLab in the production bundle").toBe(false);
    expect(production.includes("Canvas lab"), "the Canvas lab in the production bundle").toBe(false);
    expect(lab.includes("amplifyLab"), "window.amplifyLab in the test bundle").toBe(true);
    expect(lab.includes("Canvas lab"), "the Canvas lab in the test bundle").toBe(true);
    // The same app otherwise: the production bundle is not an empty shell.
    expect(production.includes("My queue"), "the app's views in the production bundle").toBe(true);
  });
});
