import { describe, expect, it } from "vitest";
import { parseLabels } from "../../../../lib/requester";
import { parseAttributes, parseSkeleton } from "../../../../renderer/src/screens/requester/shape-options";

describe("a campaign chooses its shape kinds, skeletons and attributes", () => {
  it("the labels file takes kinds joined by + (in canonical order), and per-label kinds, attributes and skeletons", () => {
    const spec = parseLabels(
      JSON.stringify({
        tool: "mask+box+keypoints",
        labels: [
          { name: "person", skeleton: { joints: ["head", "hand"], edges: [[0, 1]] }, kinds: ["keypoints", "box"] },
          { name: "car", attributes: [{ id: "occluded", name: "occluded", type: "checkbox" }] },
        ],
      }),
      "l.json",
    );
    expect(spec.tool).toBe("box+keypoints+mask");
    expect(spec.labels[0]).toMatchObject({ skeleton: { joints: ["head", "hand"] }, kinds: ["keypoints", "box"] });
    expect(spec.labels[1]?.attributes).toEqual([{ id: "occluded", name: "occluded", type: "checkbox" }]);
    expect(() => parseLabels('{"tool":"box+lasso","labels":["a"]}', "l.json")).toThrow(
      /tool must be "class" or shape kinds/,
    );
    expect(() => parseLabels('{"tool":"keypoints","labels":["a"]}', "l.json")).toThrow(/needs a label with a skeleton/);
  });

  it("the form's skeleton and attribute fields read as the schema wants them, or say what is wrong", () => {
    expect(parseSkeleton("head, left hand, right hand", "1-2, 1-3")).toEqual({
      value: {
        joints: ["head", "left hand", "right hand"],
        edges: [
          [0, 1],
          [0, 2],
        ],
      },
    });
    expect(parseSkeleton("head, hand", "1-3")).toEqual({
      problem: "The edge “1-3” must join two different joints by number, 1 to 2, like 1-2.",
    });
    expect(parseAttributes("occluded: checkbox\nColour: red | blue\ndoors: number")).toEqual({
      value: [
        { id: "occluded", name: "occluded", type: "checkbox" },
        { id: "colour", name: "Colour", type: "select", options: ["red", "blue"] },
        { id: "doors", name: "doors", type: "number" },
      ],
    });
    expect(parseAttributes("size: big")).toEqual({
      problem: "The attribute “size” must be checkbox, number, text, or options separated by |.",
    });
  });
});
