// Bundled by wand-worker.test.ts and loaded into Chromium: the canvas's AssistClient starting the
// real assist worker (its own bundle, served beside this page) and running the wand on an image.
import { AssistClient } from "../../../renderer/src/assist/assist-client";

async function runWand(
  rgba: number[],
  width: number,
  height: number,
  x: number,
  y: number,
  tolerance: number,
): Promise<{ x: number; y: number; w: number; h: number; data: number[] } | null> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D context");
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  const client = AssistClient.start({ source: canvas, width, height });
  try {
    const { region } = await client.wand(x, y, tolerance, false);
    return region && { ...region, data: Array.from(region.data) };
  } finally {
    client.dispose();
  }
}

declare global {
  interface Window {
    runWand: typeof runWand;
  }
}
window.runWand = runWand;
