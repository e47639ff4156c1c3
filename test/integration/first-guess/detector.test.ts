import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Detector, ModelRegistry, boxIoU, shippedModelsDir } from "../../../lib/first-guess";
import type { VerifiedModel } from "../../../lib/first-guess";

const photos = join(import.meta.dirname, "../../../assets/demo/photos");
/** Read off zoomed crops of the photo with a 10 px grid (see assets/demo/photos/ground-truth.json). */
const ASTRONAUT_PERSON = { x: 8, y: 15, w: 355, h: 497 };

/**
 * How many times a timer fired while `work` ran. A detector that computed on the main thread
 * would hold the event loop for the whole run (tfjs's wasm kernels are synchronous), so no timer
 * could fire until it finished; how long the loop waits is a figure for bench/first-guess.
 */
async function timerTicksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    const value = await work();
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe("the shipped COCO detector", () => {
  const detector = new Detector();
  let model: VerifiedModel;
  let loadTicks = 0;

  beforeAll(async () => {
    model = await new ModelRegistry([{ dir: shippedModelsDir(), origin: "shipped" }]).load();
    loadTicks = (await timerTicksDuring(() => detector.load(model))).ticks;
  });
  afterAll(() => detector.dispose());

  it("finds the person in the astronaut photo (IoU ≥ 0.5 with the hand-checked box)", async () => {
    const result = await detector.detect(readFileSync(join(photos, "astronaut.png")));
    expect([result.width, result.height]).toEqual([512, 512]);
    const people = result.detections.filter((d) => model.entry.manifest.classes[d.classIndex] === "person");
    const best = Math.max(0, ...people.map((d) => boxIoU(d, ASTRONAUT_PERSON)));
    expect(best).toBeGreaterThanOrEqual(0.5);
  });

  it("loads and detects in its own thread while the event loop keeps turning", async () => {
    const { value, ticks } = await timerTicksDuring(() => detector.detect(readFileSync(join(photos, "coffee.png"))));
    expect(value.threadId).not.toBe(threadId);
    expect(ticks).toBeGreaterThan(0);
    expect(loadTicks).toBeGreaterThan(0);
  });

  it("reads JPEG bytes too", async () => {
    const result = await detector.detect(readFileSync(join(photos, "rocket.jpg")));
    expect([result.width, result.height]).toEqual([640, 427]);
  });
});

describe("a tampered copy of the shipped model", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "fg-tamper-"));
    cpSync(join(shippedModelsDir(), "centernet"), join(dir, "centernet"), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is refused with an error naming the changed file", async () => {
    const bin = join(dir, "centernet", "centernet.bin");
    const bytes = readFileSync(bin);
    bytes[1000] = (bytes[1000] ?? 0) ^ 1;
    writeFileSync(bin, bytes);
    const registry = new ModelRegistry([{ dir, origin: "user" }]);
    await expect(registry.load()).rejects.toThrow(
      /file centernet\.bin has sha256 [0-9a-f]{64}, the manifest says 1b635a15[0-9a-f]{56}: tampered or corrupt/,
    );
    expect((await registry.scan()).refused).toHaveLength(1);
  });
});
