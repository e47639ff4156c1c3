import { describe, expect, it } from "vitest";
import { parseLabels } from "../../../../lib/requester";
import { labelColours } from "../../../../lib/requester/label-colour";

describe("label colours by name", () => {
  it("a label named after a colour is that colour, whatever its position", () => {
    const spec = parseLabels(JSON.stringify({ tool: "box", labels: ["car", "blue", "Red sign"] }), "test");
    expect(spec.labels.map((l) => l.color)).toEqual([expect.any(String), "#4363d8", "#e6194b"]);
    const reordered = parseLabels(JSON.stringify({ tool: "box", labels: ["blue", "car"] }), "test");
    expect(reordered.labels[0]!.color).toBe("#4363d8");
  });

  it("other names keep their colour when the list is reordered, and differ from each other", () => {
    const a = labelColours(["car", "person", "tree"]);
    const b = labelColours(["tree", "car", "person"]);
    expect(new Set(a).size).toBe(3);
    expect(b).toEqual([a[2], a[0], a[1]]);
  });

  it("a colour the requester gives wins", () => {
    const spec = parseLabels(JSON.stringify({ tool: "box", labels: [{ name: "blue", color: "#123456" }] }), "test");
    expect(spec.labels[0]!.color).toBe("#123456");
  });
});
