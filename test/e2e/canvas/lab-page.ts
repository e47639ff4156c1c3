import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { AnnotationDocument } from "../../../shared/annotation";
import type { RunningShell } from "../support";

export interface Viewport {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Drives the Canvas lab in a real page with the real mouse and keyboard. Reads state back from
 * the lab's editor (window.amplifyLab) with string expressions, so nothing in the test's own
 * compiled code has to run in the page.
 */
export class LabPage {
  private constructor(
    readonly page: Page,
    private readonly origin: Origin,
  ) {}

  static async open(browser: Browser, shell: RunningShell, query: string): Promise<LabPage> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${shell.origin}/#/lab?${query}&token=${shell.token}`);
    const lab = new LabPage(page, { left: 0, top: 0, errors });
    await lab.ready();
    // The launch token leaves the address bar at once; the lab's route stays for reloads.
    const url = new URL(page.url());
    if (url.hash.includes(shell.token) || !url.hash.startsWith("#/lab?"))
      throw new Error(`the address bar kept the token or lost the route: ${url.hash}`);
    return lab;
  }

  /**
   * The same driver on a page that already shows a task in the app (the lab build shares the
   * open task's editor as window.amplifyLab too), once its canvas is ready.
   */
  static async attach(page: Page): Promise<LabPage> {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const lab = new LabPage(page, { left: 0, top: 0, errors });
    await lab.ready();
    return lab;
  }

  get errors(): string[] {
    return this.origin.errors;
  }

  /** Waits for the editor, the canvas and a first fit, and remembers where the canvas is. */
  async ready(): Promise<void> {
    await this.page
      .waitForSelector("[data-testid=canvas-surface] canvas", { timeout: 45_000 })
      .catch(async (error: unknown) => {
        const text = await this.page
          .locator("main")
          .textContent()
          .catch(() => "");
        throw new Error(
          `the lab did not show its canvas: ${String(error)}\npage: ${text}\nerrors: ${this.errors.join("; ")}`,
        );
      });
    // polled from here: the page's CSP (rightly) forbids the eval that waitForFunction needs
    for (let tries = 0; !(await this.page.evaluate("(window.amplifyLab?.editor.viewSize.width ?? 0) > 10")); tries++) {
      if (tries > 300) throw new Error("the lab's editor never appeared");
      await this.page.waitForTimeout(100);
    }
    const box = await this.page.getByTestId("canvas-surface").boundingBox();
    if (!box) throw new Error("the canvas surface has no box");
    this.origin.left = box.x;
    this.origin.top = box.y;
  }

  viewport(): Promise<Viewport> {
    return this.page.evaluate("({ ...window.amplifyLab.editor.viewport })") as Promise<Viewport>;
  }

  document(): Promise<AnnotationDocument> {
    return this.page.evaluate("window.amplifyLab.editor.toDocument(0)") as Promise<AnnotationDocument>;
  }

  /** The keyboard cursor, in image pixels: where Space places the next point. */
  cursor(): Promise<{ x: number; y: number }> {
    return this.page.evaluate("({ ...window.amplifyLab.editor.cursor })") as Promise<{ x: number; y: number }>;
  }

  selection(): Promise<string[]> {
    return this.page.evaluate("[...window.amplifyLab.editor.selection()]") as Promise<string[]>;
  }

  /**
   * The page point (whole CSS pixels, so no rounding happens in the browser) nearest to an
   * image point, and the image point it really maps to: what the document must then contain.
   */
  async at(x: number, y: number): Promise<{ page: { x: number; y: number }; image: { x: number; y: number } }> {
    const vp = await this.viewport();
    const sx = Math.round(x * vp.scale + vp.x);
    const sy = Math.round(y * vp.scale + vp.y);
    return {
      page: { x: this.origin.left + sx, y: this.origin.top + sy },
      image: { x: (sx - vp.x) / vp.scale, y: (sy - vp.y) / vp.scale },
    };
  }

  /** Where an image point is on the page, unrounded (for reading pixels along a shape's outline). */
  async pagePoint(x: number, y: number): Promise<{ x: number; y: number }> {
    const vp = await this.viewport();
    return { x: this.origin.left + x * vp.scale + vp.x, y: this.origin.top + y * vp.scale + vp.y };
  }

  async click(
    x: number,
    y: number,
    modifiers: Array<"Alt" | "Control" | "Shift"> = [],
  ): Promise<{ x: number; y: number }> {
    const p = await this.at(x, y);
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.mouse.click(p.page.x, p.page.y);
    for (const m of modifiers) await this.page.keyboard.up(m);
    return p.image;
  }

  async drag(
    from: [number, number],
    to: [number, number],
    modifiers: Array<"Alt" | "Control" | "Shift"> = [],
  ): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
    const a = await this.at(...from);
    const b = await this.at(...to);
    await this.page.mouse.move(a.page.x, a.page.y);
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.mouse.down();
    await this.page.mouse.move(b.page.x, b.page.y, { steps: 8 });
    await this.page.mouse.up();
    for (const m of modifiers) await this.page.keyboard.up(m);
    return { from: a.image, to: b.image };
  }

  press(keys: string): Promise<void> {
    return this.page.keyboard.press(keys);
  }

  /** Ctrl+S, then waits for the save status to confirm the write through drafts:save. */
  async save(): Promise<void> {
    const saves = () => this.page.getByTestId("save-state").getAttribute("data-saves").then(Number);
    const before = await saves();
    await this.press("Control+s");
    await expect.poll(saves).toBeGreaterThan(before);
    expect(await this.page.getByTestId("save-state").textContent()).toMatch(/^Saved at/);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }
}

interface Origin {
  left: number;
  top: number;
  readonly errors: string[];
}

/** Equal within what one screen pixel is worth in image pixels at this zoom. */
export function expectNear(actual: number, expected: number, vp: Viewport): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1 / vp.scale + 1e-6);
}
