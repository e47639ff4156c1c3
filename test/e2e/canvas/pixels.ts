// Reading what the canvas really painted: a screenshot of the page decoded to RGBA, and the
// colour tests the canvas e2e asserts with (a shape's stroke, its translucent fill, the image).
import type { Page } from "playwright-core";
import { PNG } from "pngjs";

export type Rgb = readonly [number, number, number];

export interface Shot {
  readonly width: number;
  readonly height: number;
  /** The pixel at page coordinates (whole CSS pixels; the pages here have a device pixel ratio of 1). */
  at(x: number, y: number): Rgb;
}

export function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

async function screenshot(page: Page): Promise<{ png: PNG; bytes: Buffer }> {
  const bytes = await page.screenshot({ animations: "disabled" });
  return { png: PNG.sync.read(bytes), bytes };
}

/**
 * A screenshot once painting has settled: two screenshots in a row the same (the canvas paints
 * on animation frames, and the settled painter swaps in a crisp snapshot after a move).
 */
export async function settledShot(page: Page): Promise<Shot> {
  let last = await screenshot(page);
  for (let i = 0; i < 40; i++) {
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    const next = await screenshot(page);
    if (next.bytes.equals(last.bytes)) break;
    last = next;
  }
  const { png } = last;
  return {
    width: png.width,
    height: png.height,
    at(x, y) {
      const i = (png.width * Math.round(y) + Math.round(x)) * 4;
      return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    },
  };
}

/** Largest per-channel difference. */
export function distance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/**
 * Whether a pixel is the stroke colour, possibly darkened by the black halo under the
 * anti-aliased 1.5 px line: some shade k·colour (k ≥ 0.45) within `tolerance` per channel.
 */
export function isShadeOf(pixel: Rgb, colour: Rgb, tolerance = 24): boolean {
  const dot = pixel[0] * colour[0] + pixel[1] * colour[1] + pixel[2] * colour[2];
  const k = dot / (colour[0] ** 2 + colour[1] ** 2 + colour[2] ** 2);
  if (k < 0.45) return false;
  return distance(pixel, [k * colour[0], k * colour[1], k * colour[2]]) <= tolerance;
}

/** `base` under a fill of `colour` at opacity `alpha`, as the canvas composites it. */
export function blend(base: Rgb, colour: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((c) => base[c]! * (1 - alpha) + colour[c]! * alpha) as unknown as Rgb;
}
