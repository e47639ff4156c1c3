import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRendererFile } from "../../../../electron/security/static-files";

describe("renderer file serving", () => {
  const root = mkdtempSync(join(tmpdir(), "amplify-static-"));
  const dir = join(root, "renderer");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<html></html>");
  writeFileSync(join(dir, "assets", "app.js"), "export {}");
  writeFileSync(join(root, "secret.txt"), "keys");

  it("serves index.html for / and files with their type", async () => {
    expect((await readRendererFile(dir, "/"))?.contentType).toBe("text/html; charset=utf-8");
    expect((await readRendererFile(dir, "/assets/app.js?v=1"))?.contentType).toBe("text/javascript; charset=utf-8");
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/../../secret.txt",
    "/..%2fsecret.txt",
    "/%00",
    "/%E0%A4%A",
    "/missing.js",
  ])("refuses %s", async (path) => {
    expect(await readRendererFile(dir, path)).toBeNull();
  });
});
