import type { Page } from "playwright-core";

/**
 * What a new worker does in the UI: create a key with a passphrase, fund it, register.
 * Returns the address the app showed for the new key.
 *
 * With `fundFirst`, the worker's SOL comes from elsewhere before the click (as on a network
 * without a faucet): it is called with the address, the setup screen must then show
 * `balanceShown`, and "Fund and register" only registers.
 */
export async function onboardNewWorker(
  page: Page,
  passphrase: string,
  fundFirst?: { fund: (address: string) => Promise<void>; balanceShown: string },
): Promise<string> {
  await page.getByRole("heading", { name: "Welcome to Amplify" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Passphrase (at least 8 characters)").fill(passphrase);
  await page.getByLabel("Repeat the passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Create my key" }).click();
  await page.getByRole("heading", { name: "Get ready to work" }).waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Fund and register" }).waitFor();
  const address = (await page.getByTestId("setup-address").textContent()) ?? "";
  if (fundFirst) {
    await fundFirst.fund(address);
    const exactly = new RegExp(`^${fundFirst.balanceShown.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    await page.getByTestId("setup-balance").filter({ hasText: exactly }).waitFor({ timeout: 30_000 });
  }
  await page.getByRole("button", { name: "Fund and register" }).click();
  await page.getByRole("heading", { name: "Market" }).waitFor({ timeout: 60_000 });
  return address;
}

/** Draws a box by dragging on the canvas, between two points given as fractions of its size. */
export async function dragBox(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const surface = page.getByTestId("canvas-surface");
  const box = await surface.boundingBox();
  if (!box) throw new Error("the canvas is not on screen");
  await surface.focus();
  await page.keyboard.press("b");
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), {
    steps: 4,
  });
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
  await page.mouse.up();
}

export async function goTo(page: Page, view: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: view, exact: true }).click();
}
