import { build } from "esbuild";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskIoU } from "../../../renderer/src/assist/mask-ops";
import { wandScene } from "../../support/wand-scene";
import { launchChromium } from "../support";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The page and the assist worker bundled as the app ships them (ESM; the worker beside the page). */
async function bundles(): Promise<{ page: string; worker: string }> {
  const common = { bundle: true, write: false, format: "esm", target: "chrome120", logLevel: "warning" } as const;
  const [page, worker] = await Promise.all([
    build({ ...common, entryPoints: [`${root}test/e2e/canvas/wand-page.ts`] }),
    build({ ...common, entryPoints: [`${root}renderer/src/assist/assist-worker.ts`] }),
  ]);
  return { page: page.outputFiles[0]?.text ?? "", worker: worker.outputFiles[0]?.text ?? "" };
}

describe("magic wand in Chromium", () => {
  let browser: Browser;
  let close = () => {};
  let url = "";

  beforeAll(async () => {
    const { page, worker } = await bundles();
    const routes: Record<string, [string, string]> = {
      "/": ["text/html", '<!doctype html><script type="module" src="/page.js"></script>'],
      "/page.js": ["text/javascript", page],
      "/assist-worker.ts": ["text/javascript", worker],
    };
    const server = createServer((req, res) => {
      const route = routes[req.url ?? ""];
      if (!route) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": route[0] }).end(route[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => server.close();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    close();
  });

  it("selects the test image's ellipse through the real assist worker with IoU ≥ 0.95 against its true mask", async () => {
    const { pixels, truth, w, h } = wandScene();
    const page = await browser.newPage();
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(url);
    await page.waitForFunction(() => "runWand" in window);
    const rgba = Array.from(pixels.data);
    const region = await page.evaluate(([data, width, height]) => window.runWand(data, width, height, 100, 95, 40), [
      rgba,
      w,
      h,
    ] as const);
    expect(workers).toEqual([`${url}assist-worker.ts`]); // answered by the worker thread, not the page
    expect(region).not.toBeNull();
    const full = new Uint8Array(w * h);
    for (let y = 0; y < region!.h; y++)
      for (let x = 0; x < region!.w; x++)
        if (region!.data[y * region!.w + x]) full[(region!.y + y) * w + region!.x + x] = 1;
    expect(maskIoU({ w, h, data: full }, { w, h, data: truth })).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
