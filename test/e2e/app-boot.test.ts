import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchChromium, startBrowserShell } from "./support";
import type { RunningShell } from "./support";

describe("the app boots in the browser shell and shows live data from core", () => {
  let shell: RunningShell;
  let browser: Browser;

  beforeAll(async () => {
    [shell, browser] = await Promise.all([startBrowserShell(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it("renders version, data directory and store health, then hides the token from the address bar", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("response", (r) => r.status() >= 400 && consoleErrors.push(`${r.status()} ${r.url()}`));
    await page.goto(shell.url);
    // A first launch opens on the welcome screen; the Status view needs no key.
    await page.getByRole("heading", { name: "Welcome to Amplify" }).waitFor({ timeout: 15_000 });
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Status" }).click();

    await expect.poll(() => page.getByTestId("app-data-dir").textContent(), { timeout: 15_000 }).toBe(shell.home);
    const pkg = (await import("../../package.json", { with: { type: "json" } })).default as { version: string };
    expect(await page.getByTestId("app-version").textContent()).toBe(pkg.version);
    expect(await page.getByTestId("app-shell").textContent()).toBe("browser");
    expect(await page.getByTestId("store-health").textContent()).toMatch(/^healthy · schema \d+ · WAL/);
    // The RPC in this test points at a closed port: the badge must say offline, honestly.
    await expect.poll(() => page.getByTestId("net-status").textContent(), { timeout: 15_000 }).toMatch(/^offline/);
    expect(page.url()).not.toContain("token=");

    await page.screenshot({ path: artifactPath("app-status.png") });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("keeps working across a reload (token kept for this tab only)", async () => {
    const page = await browser.newPage();
    await page.goto(shell.url);
    await page.getByRole("heading", { name: "Welcome to Amplify" }).waitFor({ timeout: 15_000 });
    await page.reload();
    // After the reload the page still reaches core: it asks for the key status and gets it.
    await page.getByRole("heading", { name: "Welcome to Amplify" }).waitFor({ timeout: 15_000 });
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Status" }).click();
    await expect.poll(() => page.getByTestId("app-shell").textContent(), { timeout: 15_000 }).toBe("browser");
    await page.close();
  });

  it("without the token the page explains what to open instead of half-working", async () => {
    const page = await browser.newPage();
    await page.goto(shell.origin + "/");
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 15_000 }).toContain("launch token");
    await page.close();
  });
});
