import { describe, expect, it } from "vitest";
import {
  HALO_COLOR,
  contrastRatio,
  outlineColor,
  regionStyle,
} from "../../../../renderer/src/canvas/regions/region-style";
import { fitTag, labelTag } from "../../../../renderer/src/canvas/regions/label-tag";
import { LAB_SCHEMA } from "../../../../renderer/src/views/lab/lab-task";

const grey = (v: number) => "#" + v.toString(16).padStart(2, "0").repeat(3);

describe("shape outlines: a light stroke over a dark halo", () => {
  const colours = [
    ...LAB_SCHEMA.labels.map((l) => l.color),
    "#0000ff",
    "#ff0000",
    "#00aa00",
    "#333333",
    "#ffff00",
    "#ffffff",
  ];

  it("some edge of every outline is at least 3:1 against any image colour (WCAG 1.4.11)", () => {
    const backgrounds = [
      ...Array.from({ length: 256 }, (_, v) => grey(v)),
      "#ff0000",
      "#00ff00",
      "#0000ff",
      "#808000",
      "#804000",
      "#2060a0",
    ];
    for (const colour of colours) {
      const stroke = outlineColor(colour);
      for (const bg of backgrounds) {
        const best = Math.max(contrastRatio(stroke, bg), contrastRatio(HALO_COLOR, bg));
        expect(best, `${colour} (outline ${stroke}) on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("keeps light label colours as they are and lightens dark ones only as far as needed", () => {
    expect(outlineColor("#ffff00")).toBe("#ffff00");
    expect(outlineColor("#0000ff")).not.toBe("#0000ff");
    expect(regionStyle({ id: "a", kind: "box", label: "x", x: 0, y: 0, w: 1, h: 1 }, "#0000ff").fill).toBe("#0000ff2e");
  });
});

describe("label tags: the label without colour", () => {
  it("says the name, cuts a long one, falls back to the initial, and leaves tiny shapes bare", () => {
    expect(labelTag("car", 200)).toBe("car");
    expect(labelTag("traffic light with arrow", 400)).toBe("traffic lig…");
    expect(labelTag("person", 40)).toBe("pers…");
    expect(labelTag("person", 20)).toBe("P");
    expect(labelTag("person", 10)).toBe("");
  });
});

describe("a selected shape's tag stays on the canvas", () => {
  const measure = (t: string) => t.length * 7; // 7 px a character
  const view = { width: 300, height: 200 };
  it("cuts a long label with an ellipsis to the canvas's width and pushes it in from the right and top edges", () => {
    const long = "articulated lorry with a trailer and a very long name · model guess";
    const placed = fitTag(long, { x: 250, y: 5 }, view, measure);
    expect(placed.text.endsWith("…")).toBe(true);
    expect(long.startsWith(placed.text.slice(0, -1))).toBe(true);
    expect(placed.x).toBeGreaterThanOrEqual(0);
    expect(placed.x + placed.w).toBeLessThanOrEqual(view.width);
    expect(measure(placed.text) + 8).toBeLessThanOrEqual(view.width);
    expect(placed.y).toBeGreaterThanOrEqual(0);
  });
  it("leaves a short tag as it is, above the shape's corner", () => {
    expect(fitTag("car", { x: 40, y: 60 }, view, measure)).toEqual({ text: "car", x: 40, y: 42, w: 29 });
    // near the right edge a short tag slides left, whole
    expect(fitTag("car", { x: 295, y: 60 }, view, measure)).toMatchObject({ text: "car", x: 271 });
  });
});
