import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { artifactPath, launchChromium, startBrowserShell } from "../../support";
import type { RunningShell } from "../../support";
import { startMarket } from "./market";
import type { Market, MarketOptions } from "./market";

/** What a journey drives: the market (localnet, blobs, requester), the app and one browser tab. */
export interface JourneyApp {
  readonly market: Market;
  readonly shell: RunningShell;
  readonly browser: Browser;
  readonly page: Page;
  /** The app's data directory; it outlives restarts. */
  readonly home: string;
  /**
   * Quits the app, runs `whileQuit` (e.g. the network coming back), and starts the app again on
   * the same data directory; the tab stays open.
   */
  restartApp(whileQuit?: () => Promise<void>): Promise<RunningShell>;
}

/**
 * Registers the journey's setup and teardown with vitest and returns the running pieces; read
 * them inside tests (they exist once beforeAll has run).
 */
export function useJourneyApp(
  name: string,
  viewport = { width: 1400, height: 900 },
  marketOptions: MarketOptions = {},
): JourneyApp {
  const home = mkdtempSync(join(tmpdir(), `amplify-journey-${name}-`));
  let market: Market | undefined;
  let shell: RunningShell | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the journey's ${what} is not running (beforeAll failed or has not run)`);
    return value;
  };

  beforeAll(async () => {
    market = await startMarket(marketOptions);
    [shell, browser] = await Promise.all([startBrowserShell({ home, env: market.appEnv }), launchChromium()]);
    page = await browser.newPage({ viewport });
  }, 120_000);
  // A failing journey leaves what the worker saw: a screenshot and the page's text in the log.
  beforeEach((context) => {
    context.onTestFailed(async () => {
      if (!page || page.isClosed()) return;
      await page.screenshot({ path: artifactPath(`failed-journey-${name}.png`) }).catch(() => undefined);
      const text = await page
        .locator("body")
        .innerText({ timeout: 5_000 })
        .catch((e: unknown) => `(no text: ${String(e)})`);
      console.error(`journey ${name} failed on this screen:\n${text.slice(0, 3_000)}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await market?.close();
  });

  return {
    home,
    get market() {
      return ready(market, "market");
    },
    get shell() {
      return ready(shell, "app");
    },
    get browser() {
      return ready(browser, "browser");
    },
    get page() {
      return ready(page, "page");
    },
    async restartApp(whileQuit) {
      await ready(shell, "app").stop();
      await whileQuit?.();
      shell = await startBrowserShell({ home, env: ready(market, "market").appEnv });
      return shell;
    },
  };
}
