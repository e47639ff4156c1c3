import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGoldFile } from "../../../../lib/requester/gold-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gold-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const labels = [{ id: "car", name: "car", color: "#ff0000" }];
const write = (content: unknown) => {
  const file = path.join(dir, "gold.json");
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};

describe("gold file", () => {
  it("takes shapes of any kind with an id, labels by name", () => {
    const file = write({
      "a.png": {
        shapes: [
          { id: "g1", kind: "box", x: 1, y: 2, w: 3, h: 4, label: "car" },
          { id: "g2", kind: "ellipse", cx: 5, cy: 5, rx: 2, ry: 1, angle: 0, label: "car" },
        ],
      },
    });
    expect(readGoldFile(file, ["a.png"], labels)["a.png"]?.shapes.map((s) => s.kind)).toEqual(["box", "ellipse"]);
  });

  it("names the shape that lacks the id every gold shape needs", () => {
    const file = write({ "a.png": { shapes: [{ kind: "box", x: 1, y: 2, w: 3, h: 4, label: "car" }] } });
    expect(() => readGoldFile(file, ["a.png"], labels)).toThrow(
      `${file}: "a.png": shape 1 has no "id" (each gold shape needs one: any text up to 64 characters, unique within the image).`,
    );
  });
});
