// What a newcomer sees when their input is wrong: a sentence about that input, next to the field
// it concerns (the field is aria-invalid and aria-describedby names the sentence), never validator
// output or a channel name. Core refuses each of these before touching the chain, so no localnet.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchChromium, startBrowserShell } from "./support";
import type { RunningShell } from "./support";

/** Validator or CLI wording, a channel prefix or a schema path: none of it may reach a person. */
const MACHINE_WORDING =
  /Too (small|big)|expected (string|number)|Invalid input|\bat [a-z]+\.[a-z0-9]|[a-z]+:[a-z]+[A-Z]?[a-z]*: |>=|run the same command/;

/** The sentence the field's aria-describedby points at, once the field says it is invalid. */
async function sentenceFor(page: Page, field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
  const id = await field.getAttribute("aria-describedby");
  expect(id).toBeTruthy();
  const text = (await page.locator(`[id="${id!.split(" ").at(-1)}"]`).textContent()) ?? "";
  expect(text).not.toMatch(MACHINE_WORDING);
  return text;
}

describe("errors are sentences next to their field", () => {
  let shell: RunningShell;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [shell, browser] = await Promise.all([
      startBrowserShell({ env: { AMPLIFY_BLOB_URL: "http://127.0.0.1:9" } }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(shell.url);
    await page.getByRole("heading", { name: "Welcome to Amplify" }).waitFor({ timeout: 20_000 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it("key import: a short secret is refused under the secret field, in words", async () => {
    await page.getByLabel("Import a base58 secret key").check();
    const secret = page.getByLabel("Secret key (base58)");
    await secret.fill("4vJ9JU1bJJE96FWS");
    await page.getByLabel("Passphrase (at least 8 characters)").fill("correct horse battery");
    await page.getByLabel("Repeat the passphrase").fill("correct horse battery");
    await page.getByRole("button", { name: "Import my key" }).click();
    expect(await sentenceFor(page, secret)).toBe(
      "This is too short for a secret key: a base58 secret key has 32 to 88 characters.",
    );
    await page.screenshot({ path: artifactPath("human-errors-1-key-import.png") });

    // Long enough but not base58: core's own check, under the same field.
    await secret.fill("0OIl".repeat(10));
    expect(await secret.getAttribute("aria-invalid")).toBeNull(); // editing takes the old sentence away
    await page.getByLabel("Passphrase (at least 8 characters)").fill("correct horse battery");
    await page.getByRole("button", { name: "Import my key" }).click();
    expect(await sentenceFor(page, secret)).toMatch(/^This is not a base58 secret key/);

    // A key made here unlocks the rest of the app.
    await page.getByLabel("Create a new key").check();
    await page.getByLabel("Passphrase (at least 8 characters)").fill("correct horse battery");
    await page.getByLabel("Repeat the passphrase").fill("correct horse battery");
    await page.getByRole("button", { name: "Create my key" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Lock" }).count(), { timeout: 20_000 }).toBe(1);
  }, 90_000);

  it("campaign form: price, labels and deadline each get their sentence under the field", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Requester" }).click();
    await page.getByRole("heading", { name: "New campaign" }).waitFor({ timeout: 20_000 });
    const form = page.locator("form.requester-create");
    await form.getByLabel("Image folder").fill("/nowhere/images");
    await form.getByLabel("Title", { exact: true }).fill("Street signs");
    await form
      .getByLabel("Labels (one per line or comma-separated)")
      .fill(`stop sign\n${"very long label ".repeat(10)}`);
    await form.getByLabel("Price per task (SOL)").fill("0,005");
    await form.getByLabel("Deadline (days)").fill("0");
    // An example named by a path and no examples folder: each gets its own sentence too.
    await form.getByLabel(/^Examples \(one per line/).fill("photos/good.png: a tight box");
    await form.getByRole("button", { name: "Create campaign" }).click();

    expect(await sentenceFor(page, form.getByLabel("Price per task (SOL)"))).toBe(
      "“0,005” is not a price in SOL: write it with a dot and digits, like 0.005 (at most 9 decimals).",
    );
    expect(await sentenceFor(page, form.getByLabel("Labels (one per line or comma-separated)"))).toBe(
      "The label “very long label very lon…” is too long: a label name has at most 128 characters.",
    );
    expect(await sentenceFor(page, form.getByLabel("Deadline (days)"))).toBe(
      "The deadline must be at least 1 day away.",
    );
    expect(await sentenceFor(page, form.getByLabel(/^Examples \(one per line/))).toBe(
      "“photos/good.png” is not a file name: give the name of a file in the examples folder, without a path.",
    );
    expect(await sentenceFor(page, form.getByLabel("Examples folder"))).toBe("Choose a folder.");
    // Focus goes to the first field to fix, so its sentence is read out.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");
    // Tall enough for the whole form: the README shows the three sentences under their fields.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.evaluate(() => document.getElementById("main")?.scrollTo(0, 0));
    await page.screenshot({ path: artifactPath("human-errors-2-campaign-form.png") });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Fixed input gets as far as core's own check of the folder: that sentence sits under the folder.
    await form.getByLabel("Price per task (SOL)").fill("0.005");
    await form.getByLabel("Labels (one per line or comma-separated)").fill("stop sign, yield sign");
    await form.getByLabel("Deadline (days)").fill("7");
    await form.getByLabel(/^Examples \(one per line/).fill("");
    await form.getByRole("button", { name: "Create campaign" }).click();
    expect(await sentenceFor(page, form.getByLabel("Image folder"))).toBe("Image folder not found: /nowhere/images.");
    expect(await form.getByLabel("Price per task (SOL)").getAttribute("aria-invalid")).toBeNull();
  }, 90_000);

  it("settings: an RPC without a scheme and an auto-lock of 0, each under its field", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
    const rpc = page.getByLabel("RPC URL");
    await rpc.fill("localhost:8899");
    const autoLock = page.getByLabel("Lock the key after (minutes idle)");
    await autoLock.fill("0");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await sentenceFor(page, rpc)).toBe(
      "“localhost:8899” is not a web address the app can use: write it with http:// or https://, like http://127.0.0.1:8899.",
    );
    expect(await sentenceFor(page, autoLock)).toBe("The key locks itself after at least 1 minute idle.");
    // The whole form in the README: both sentences under their fields.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.evaluate(() => document.getElementById("main")?.scrollTo(0, 0));
    await page.screenshot({ path: artifactPath("human-errors-3-settings.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Nothing was saved.
    await page.reload();
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
    await expect.poll(() => page.getByLabel("RPC URL").inputValue(), { timeout: 15_000 }).toBe("http://127.0.0.1:9");
  }, 90_000);
});
