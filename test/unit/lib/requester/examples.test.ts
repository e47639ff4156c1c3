import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RequesterError, readExamples, readLabelsFile } from "../../../../lib/requester";
import { sha256Hex } from "../../../../lib/blobs";
import { generateScene } from "../../../../localnet/demo/sceneGenerator";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-examples-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const png = generateScene(900, { drawBoxes: true }).png;

async function refusal(p: Promise<unknown>): Promise<RequesterError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequesterError);
  expect((error as RequesterError).input).toBe("examples");
  return error as RequesterError;
}

describe("a requester's example images", () => {
  it("are named in the labels file relative to it, and read with their hash and caption", async () => {
    mkdirSync(join(dir, "ex"));
    writeFileSync(join(dir, "ex", "good.png"), png);
    writeFileSync(
      join(dir, "labels.json"),
      JSON.stringify({ tool: "box", labels: ["car"], examples: [{ image: "ex/good.png", caption: "tight" }] }),
    );
    const spec = readLabelsFile(join(dir, "labels.json"));
    expect(spec.examples).toEqual([{ path: join(dir, "ex", "good.png"), caption: "tight" }]);
    const [read] = await readExamples(spec.examples ?? []);
    expect(read?.sha256).toBe(sha256Hex(png));
    expect(read?.caption).toBe("tight");
    // A labels file without examples gives a spec without the key (its resume key is unchanged).
    writeFileSync(join(dir, "plain.json"), JSON.stringify({ tool: "box", labels: ["car"] }));
    expect("examples" in readLabelsFile(join(dir, "plain.json"))).toBe(false);
  });

  it("refuses what cannot be an example before anything is uploaded, naming the file", async () => {
    writeFileSync(join(dir, "notes.png"), "not a picture at all");
    expect((await refusal(readExamples([{ path: join(dir, "notes.png"), caption: "" }]))).message).toBe(
      "The example notes.png is not a PNG, JPEG or WebP image.",
    );
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    big.set(png);
    writeFileSync(join(dir, "big.png"), big);
    expect((await refusal(readExamples([{ path: join(dir, "big.png"), caption: "" }]))).message).toBe(
      "The example image big.png is larger than 4 MB: make it smaller (an example is looked at, not labelled).",
    );
    expect((await refusal(readExamples([{ path: join(dir, "gone.png"), caption: "" }]))).message).toBe(
      `The example image ${join(dir, "gone.png")} cannot be read: check that it exists.`,
    );
    expect((await refusal(readExamples([{ path: dir, caption: "" }]))).message).toBe(
      `The example ${dir} is not a file: name an image file.`,
    );
    const nine = Array.from({ length: 9 }, () => ({ path: join(dir, "x.png"), caption: "" }));
    expect((await refusal(readExamples(nine))).message).toBe(
      "A campaign shows at most 8 example images; 9 were given.",
    );
  });
});
