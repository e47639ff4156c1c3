import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, evaluated in the page (CDP evaluation is not subject to the page's CSP). */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

export interface AxeReport {
  readonly violations: AxeFinding[];
  /** What axe could not decide and a person must check ("needs review"). */
  readonly incomplete: AxeFinding[];
}

/** axe over the whole page at WCAG 2.1 A and AA. */
export async function runAxe(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(`axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations", "incomplete"],
    }).then((r) => {
      const pick = (list) => list.map((x) => ({ id: x.id, impact: x.impact, help: x.help, targets: x.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
      return { violations: pick(r.violations), incomplete: pick(r.incomplete) };
    })`)) as AxeReport;
}

/** Every needs-review finding seen, by screen state, for the report at the end of a run. */
export const needsReview = new Map<string, AxeFinding[]>();

/** Zero violations on this screen state; what axe leaves for a person is recorded. */
export async function expectAxeClean(page: Page, state: string): Promise<void> {
  const report = await runAxe(page);
  needsReview.set(state, report.incomplete);
  expect(report.violations, `axe violations on ${state}`).toEqual([]);
}

export interface Focused {
  readonly tag: string;
  readonly role: string | null;
  readonly name: string;
  readonly testid: string | null;
  /** The focus indicator: an outline or a box-shadow is drawn. */
  readonly visible: boolean;
  readonly inDialog: boolean;
}

const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || "").trim().replace(/\\s+/g, " ").slice(0, 60);
  return {
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute("role"),
    name,
    testid: el.getAttribute("data-testid"),
    visible: rect.width > 0 && rect.height > 0 && ((style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none"),
    inDialog: el.closest("[role=dialog]") !== null,
  };
})()`;

export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(DESCRIBE_FOCUS) as Promise<Focused | null>;
}

/**
 * Presses Tab (or Shift+Tab) until focus comes back to where it started or `max` presses,
 * returning every stop. A stop that repeats before the cycle closes means focus is trapped.
 */
export async function tabWalk(page: Page, max = 80, backwards = false): Promise<Focused[]> {
  const stops: Focused[] = [];
  const key = (f: Focused | null) => (f ? `${f.tag}|${f.role}|${f.name}|${f.testid}` : "body");
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (!now) continue; // the browser's own UI between the end and the start of the page
    if (stops.length > 0 && key(now) === key(stops[0] as Focused)) return stops;
    stops.push(now);
  }
  return stops;
}
