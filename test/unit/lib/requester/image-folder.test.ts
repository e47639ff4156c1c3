import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IMAGE_FOLDER_LIMITS, readImageFolder } from "../../../../lib/requester";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-images-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function png(name: string, size = 8): void {
  const image = new PNG({ width: size, height: size });
  image.data.fill(90);
  writeFileSync(join(dir, name), PNG.sync.write(image));
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe("image folder", () => {
  it("skips FIFOs, devices and folders unopened, and reads the images beside them", async () => {
    png("a.png");
    png("b.png");
    execFileSync("mkfifo", [join(dir, "c.png")]);
    mkdirSync(join(dir, "d.png"));
    const images = await readImageFolder(dir);
    expect(images.map((i) => i.name)).toEqual(["a.png", "b.png"]);
    // A link to an endless device is opened without blocking and is not a regular file.
    symlinkSync("/dev/zero", join(dir, "e.png"));
    symlinkSync(join(dir, "c.png"), join(dir, "f.png"));
    expect((await readImageFolder(dir)).map((i) => i.name)).toEqual(["a.png", "b.png"]);
  });

  it("answers for /proc with a sentence instead of blocking on /proc/kmsg", async () => {
    expect(await refusal(readImageFolder("/proc"))).toMatch(
      /^(Unsupported or unreadable images in \/proc|\/proc\/\S+ is larger than it says)/,
    );
  });

  it("stops at the entry, count, per-image and total caps with a sentence", async () => {
    for (let i = 0; i < 6; i++) png(`img-${i}.png`, 16);
    const small = { ...IMAGE_FOLDER_LIMITS };
    expect(await refusal(readImageFolder(dir, { ...small, maxEntries: 5 }))).toMatch(/more than 5 entries/);
    expect(await refusal(readImageFolder(dir, { ...small, maxImages: 4 }))).toMatch(/more than 4 images; split/);
    expect(await refusal(readImageFolder(dir, { ...small, maxImageBytes: 50 }))).toMatch(
      /images up to 1 KiB are accepted/,
    );
    expect(await refusal(readImageFolder(dir, { ...small, maxTotalBytes: 300 }))).toMatch(/add up to more than/);
  });
});
