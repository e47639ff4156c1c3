import { describe, expect, it } from "vitest";
import type { WheelInput } from "../../../../renderer/src/canvas/geometry/wheel";
import { wheelAction } from "../../../../renderer/src/canvas/geometry/wheel";

const wheel = (deltaY: number, mods: Partial<WheelInput> = {}): WheelInput => ({
  deltaX: 0,
  deltaY,
  deltaMode: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});
const zoomOf = (a: ReturnType<typeof wheelAction>) => ("zoom" in a ? a.zoom : null);

describe("the mouse wheel follows Label Studio and CVAT by default", () => {
  it("a plain wheel notch zooms in or out by 1.1–1.25×, and no single event zooms more (two notches stay under 1.25²)", () => {
    const inOne = zoomOf(wheelAction(wheel(-100), "zoom"))!;
    expect(inOne).toBeGreaterThanOrEqual(1.1);
    expect(inOne).toBeLessThanOrEqual(1.25);
    expect(zoomOf(wheelAction(wheel(100), "zoom"))).toBeCloseTo(1 / inOne, 12);
    // a fast wheel or a line-mode notch (3 lines) is still one bounded step
    for (const e of [
      wheel(-300),
      wheel(-3, { deltaMode: 1 }),
      wheel(-1, { deltaMode: 2 }),
      wheel(-300, { ctrlKey: true }),
    ])
      expect(zoomOf(wheelAction(e, "zoom"))).toBeLessThanOrEqual(1.25);
    // a trackpad's small deltas zoom smoothly
    const small = zoomOf(wheelAction(wheel(-4), "zoom"))!;
    expect(small).toBeGreaterThan(1);
    expect(small).toBeLessThan(1.02);
  });

  it("Shift+wheel pans; the scroll habit keeps the old ways: the wheel pans and Ctrl/Cmd+wheel zooms by the same bounded step", () => {
    expect(wheelAction(wheel(40, { shiftKey: true, deltaX: 10 }), "zoom")).toEqual({ pan: { dx: -10, dy: -40 } });
    expect(wheelAction(wheel(40, { deltaX: 10 }), "scroll")).toEqual({ pan: { dx: -10, dy: -40 } });
    expect(zoomOf(wheelAction(wheel(-300, { ctrlKey: true }), "scroll"))).toBeLessThanOrEqual(1.25);
    expect(zoomOf(wheelAction(wheel(-300, { metaKey: true }), "scroll"))).toBeGreaterThanOrEqual(1.1);
  });
});
