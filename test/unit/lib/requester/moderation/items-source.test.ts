import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequesterError } from "../../../../../lib/chain";
import {
  parseModerationJsonl,
  parsePolicy,
  readModerationFolder,
  readModerationItems,
} from "../../../../../lib/requester/moderation";
import { generateScene } from "../../../../../localnet/demo/sceneGenerator";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "amplify-mod-items-"));
  fs.writeFileSync(path.join(dir, "cat.png"), generateScene(1).png);
  fs.writeFileSync(path.join(dir, "notes.txt"), "buy cheap pills");
  fs.writeFileSync(path.join(dir, "fake.png"), "not an image");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RequesterError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

describe("moderation items from JSONL", () => {
  it("reads text and image lines, skipping blank lines, with image paths relative to the file", () => {
    const items = parseModerationJsonl('{"id":"a","text":"hello"}\n\n{"id":"b","image":"cat.png"}\r\n', dir);
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ["a", "text"],
      ["b", "image"],
    ]);
  });

  it("names every bad line by number and posts nothing", () => {
    const text = [
      '{"id":"ok","text":"fine"}',
      "{not json",
      '{"id":"x"}',
      '{"id":"ok","text":"again"}',
      '{"id":"both","text":"t","image":"cat.png"}',
      '{"id":"img","image":"missing.png"}',
      '{"id":"fake","image":"fake.png"}',
      '{"id":"empty","text":""}',
      JSON.stringify({ id: "huge", text: "x".repeat(300 * 1024) }),
    ].join("\n");
    const message = error(() => parseModerationJsonl(text, dir, "items.jsonl"));
    expect(message).toMatch(/^items.jsonl has 8 bad lines; nothing was posted:/);
    expect(message).toContain("line 2: not valid JSON");
    expect(message).toContain('line 3: expected {"id", "text"} or {"id", "image"}');
    expect(message).toContain('line 4: id "ok" is already used on line 1');
    expect(message).toContain("line 5: an item has either text or image, not both");
    expect(message).toMatch(/line 6: image not found: .*missing\.png/);
    expect(message).toMatch(/line 7: .*fake\.png is not a PNG, JPEG or WebP image/);
    expect(message).toContain("line 8: text is empty");
    expect(message).toMatch(/line 9: text is 307200 bytes; the limit is 262144 bytes/);
  });

  it("refuses an empty file and a file that is not UTF-8", () => {
    expect(error(() => parseModerationJsonl("\n\n", dir))).toMatch(/has no items/);
    const bad = path.join(dir, "bad.jsonl");
    fs.writeFileSync(bad, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(error(() => readModerationItems(bad))).toMatch(/not valid UTF-8/);
    expect(error(() => readModerationItems(path.join(dir, "nope.jsonl")))).toMatch(/Items not found/);
  });

  it("reads a folder of images and .txt files, refusing anything else by name", () => {
    const message = error(() => readModerationFolder(dir));
    expect(message).toMatch(/fake\.png: not a PNG, JPEG, WebP or \.txt file/);
    fs.rmSync(path.join(dir, "fake.png"));
    fs.rmSync(path.join(dir, "bad.jsonl"), { force: true });
    const items = readModerationFolder(dir);
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ["cat.png", "image"],
      ["notes.txt", "text"],
    ]);
  });
});

describe("moderation policy file", () => {
  const categories = [
    { id: "ok", name: "OK", severity: "none" },
    { id: "spam", name: "Spam", severity: "low" },
  ];
  it("accepts a policy and defaults the reason to optional", () => {
    const spec = parsePolicy({ title: "Posts", select: "single", categories });
    expect(spec.policy.reason).toBe("optional");
    expect(spec.unblurred).toBe(false);
  });
  it("says where a policy is wrong", () => {
    expect(error(() => parsePolicy({ title: "Posts", select: "one", categories }, "policy.json"))).toMatch(
      /^policy.json: select: /,
    );
    expect(
      error(() => parsePolicy({ title: "Posts", select: "multi", categories: [...categories, categories[0]] }, "p")),
    ).toMatch(/^p: categories\.2\.id: category id "ok" is used twice/);
    expect(
      error(() =>
        parsePolicy(
          { title: "Posts", select: "multi", categories: [{ id: "x", name: "X", severity: "extreme" }] },
          "p",
        ),
      ),
    ).toMatch(/categories\.0\.severity/);
  });
});
