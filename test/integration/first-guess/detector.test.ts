import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Detector, ModelRegistry, iou, shippedModelsDir } from "../../../lib/first-guess";
import type { VerifiedModel } from "../../../lib/first-guess";

const photos = join(import.meta.dirname, "../../../assets/demo/photos");
/** Read off zoomed crops of the photo with a 10 px grid (see assets/demo/photos/ground-truth.json). */
const ASTRONAUT_PERSON = { x: 8, y: 15, w: 355, h: 497 };

/** Largest delay of a 5 ms timer while `work` runs: how long the event loop was held up. */
async function maxTimerDelay<T>(work: () => Promise<T>): Promise<{ value: T; maxDelayMs: number }> {
  let maxDelayMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxDelayMs = Math.max(maxDelayMs, now - last - 5);
    last = now;
  }, 5);
  try {
    const value = await work();
    return { value, maxDelayMs };
  } finally {
    clearInterval(timer);
  }
}

describe("the shipped COCO detector", () => {
  const detector = new Detector();
  let model: VerifiedModel;
  let loadDelay = 0;
  let loadMs = 0;

  beforeAll(async () => {
    model = await new ModelRegistry([{ dir: shippedModelsDir(), origin: "shipped" }]).load();
    const { value, maxDelayMs } = await maxTimerDelay(() => detector.load(model));
    loadDelay = maxDelayMs;
    loadMs = value.ms;
  });
  afterAll(() => detector.dispose());

  it("finds the person in the astronaut photo (IoU ≥ 0.5 with the hand-checked box)", async () => {
    const result = await detector.detect(readFileSync(join(photos, "astronaut.png")));
    expect([result.width, result.height]).toEqual([512, 512]);
    const people = result.detections.filter((d) => model.entry.manifest.classes[d.classIndex] === "person");
    const best = Math.max(0, ...people.map((d) => iou(d, ASTRONAUT_PERSON)));
    expect(best).toBeGreaterThanOrEqual(0.5);
  });

  it("runs in its own thread and leaves the event loop free while loading and detecting", async () => {
    const { value, maxDelayMs } = await maxTimerDelay(() => detector.detect(readFileSync(join(photos, "coffee.png"))));
    expect(value.threadId).not.toBe(threadId);
    // A loop blocked by the work would see one timer delay as long as the work itself; a free
    // one sees only scheduler noise (large on a loaded 2-core box, hence relative bounds).
    expect(maxDelayMs).toBeLessThan(value.ms / 2);
    expect(loadDelay).toBeLessThan(loadMs / 2);
    expect(maxDelayMs).toBeLessThan(1000);
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
