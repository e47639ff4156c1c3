import { describe, expect, it } from "vitest";
import type { Label } from "../../../../../shared/annotation";
import type { DetectResult, DetectorPort } from "../../../../../lib/first-guess/detector";
import { MemoryFirstGuessPrefs } from "../../../../../electron/core/first-guess/first-guess-prefs";
import { FirstGuessService } from "../../../../../electron/core/first-guess/first-guess-service";
import type { ModelRegistry, VerifiedModel } from "../../../../../lib/first-guess/model-registry";
import type { ModelManifest } from "../../../../../lib/first-guess/model-manifest";

const manifest: ModelManifest = {
  name: "fake",
  version: "1",
  format: "tfjs-graph-detections",
  graph: "g.json",
  output: "o",
  inputSize: 8,
  classes: ["person", "dog"],
  licence: "CC0",
  files: { "g.json": "a".repeat(64) },
};
const entry = { folder: "/models/fake", origin: "shipped" as const, manifest, hash: "b".repeat(64) };
const verified: VerifiedModel = {
  entry,
  topology: {},
  graphBytes: new Uint8Array(),
  weightSpecs: [],
  weightData: new Uint8Array(),
};
const labels: Label[] = [{ id: "p", name: "person", color: "#112233" }];

class FakeDetector implements DetectorPort {
  loads = 0;
  detects = 0;
  releaseLoad: () => void = () => {};
  async load() {
    this.loads++;
    await new Promise<void>((resolve) => (this.releaseLoad = resolve));
    return { ms: 1, backend: "fake" };
  }
  async detect(): Promise<DetectResult> {
    this.detects++;
    return {
      width: 10,
      height: 10,
      ms: 2,
      threadId: 1,
      detections: [
        { x: 1, y: 1, w: 5, h: 5, classIndex: 0, score: 0.9 },
        { x: 2, y: 2, w: 3, h: 3, classIndex: 1, score: 0.8 },
      ],
    };
  }
  async dispose() {}
}

function service(detector: FakeDetector, images: Record<string, Uint8Array> = {}) {
  const registry = {
    scan: async () => ({ models: [entry], refused: [] }),
    load: async () => verified,
  } as unknown as ModelRegistry;
  const statuses: string[] = [];
  const s = new FirstGuessService({
    registry,
    detector,
    prefs: new MemoryFirstGuessPrefs(),
    imageSource: async (id) => images[id] ?? null,
    onStatus: (st) => statuses.push(st.state),
  });
  return { s, statuses };
}

describe("first-guess service", () => {
  it("answers status while the model is still loading, then suggests mapped shapes", async () => {
    const detector = new FakeDetector();
    const { s, statuses } = service(detector);
    const pending = s.suggest({ taskId: "t1", image: new Uint8Array([1]), labels });
    await new Promise((r) => setTimeout(r, 10));
    const during = await s.status();
    expect(during.state).toBe("loading");
    expect(during.queued).toBe(1);
    detector.releaseLoad();
    const result = await pending;
    expect(result.shapes).toEqual([
      {
        id: "fg-1",
        kind: "box",
        label: "p",
        x: 1,
        y: 1,
        w: 5,
        h: 5,
        source: { kind: "model", model: "fake@1", score: 0.9 },
      },
    ]);
    expect(result.model).toBe("fake@1");
    expect((await s.status()).state).toBe("ready");
    expect(statuses).toContain("loading");
    expect(statuses).toContain("ready");
  });

  it("caches per task: a prefetched task opens without a second detection", async () => {
    const detector = new FakeDetector();
    const { s } = service(detector, { t2: new Uint8Array([1]) });
    void s.ensureModel();
    await new Promise((r) => setTimeout(r, 0));
    detector.releaseLoad();
    s.prefetch({ taskId: "t2", labels });
    await new Promise((r) => setTimeout(r, 10));
    const opened = await s.suggest({ taskId: "t2", labels, mapping: { dog: "p" } });
    expect(detector.detects).toBe(1);
    expect(opened.shapes.map((sh) => sh.source?.score)).toEqual([0.8]);
  });

  it("honours the per-campaign toggle and says why there is nothing to do", async () => {
    const detector = new FakeDetector();
    const { s } = service(detector);
    await expect(
      s.suggest({ taskId: "t3", campaignId: "c1", image: new Uint8Array([1]), labels }),
    ).rejects.toMatchObject({ code: "rejected" });
    expect(s.setEnabled("c1", true)).toEqual({ campaignId: "c1", enabled: true });
    expect((await s.status()).enabledCampaigns).toEqual(["c1"]);
    detector.releaseLoad();
    await expect(s.suggest({ taskId: "nobytes", campaignId: "c1", labels })).rejects.toMatchObject({
      code: "not_found",
    });
    s.setEnabled("c1", false);
    expect(s.isEnabled("c1")).toBe(false);
  });

  it("prepares opened and prefetched tasks of enabled campaigns only, so suggest answers from the cache", async () => {
    const detector = new FakeDetector();
    const { s } = service(detector);
    s.prepare({ taskId: "off", campaignId: "c-off", image: new Uint8Array([1]), labels }, "open");
    s.setEnabled("c-on", true);
    await new Promise((r) => setTimeout(r, 5));
    detector.releaseLoad();
    s.prepare(
      { taskId: "next", campaignId: "c-on", image: new Uint8Array([1]), labels, firstGuess: { mapping: { dog: "p" } } },
      "prefetch",
    );
    s.prepare({ taskId: "now", campaignId: "c-on", image: new Uint8Array([1]), labels }, "open");
    await new Promise((r) => setTimeout(r, 20));
    expect(detector.detects).toBe(2);
    const now = await s.suggest({ taskId: "now", campaignId: "c-on", labels });
    expect(now.shapes).toHaveLength(1);
    expect(detector.detects).toBe(2);
  });

  it("is on for a campaign that recommends a model until the worker switches it off; warming loads the model before any task opens", async () => {
    const detector = new FakeDetector();
    const { s } = service(detector);
    const image = new Uint8Array([1]);
    // A campaign without a recommendation stays off until switched on: nothing loads or runs.
    s.warm("plain", undefined);
    expect(s.prepare({ taskId: "a", campaignId: "plain", image, labels }, "open")).toBe(false);
    expect(detector.loads).toBe(0);
    // A recommending campaign is on by default: listing the queue starts the model loading.
    s.warm("recommends", { model: entry.hash });
    await new Promise((r) => setTimeout(r, 0));
    expect(detector.loads).toBe(1);
    expect((await s.status()).enabledCampaigns).toEqual(["recommends"]);
    detector.releaseLoad();
    expect(
      s.prepare({ taskId: "b", campaignId: "recommends", image, labels, firstGuess: { model: entry.hash } }, "open"),
    ).toBe(true);
    await expect(
      s.suggest({ taskId: "b", campaignId: "recommends", labels, modelHash: entry.hash }),
    ).resolves.toMatchObject({ shapes: [{ label: "p" }] });
    expect(detector.detects).toBe(1); // the open's run, shared by the renderer's request
    // Switched off by the worker: the recommendation no longer turns it on.
    s.setEnabled("recommends", false);
    expect(s.isEnabled("recommends")).toBe(false);
    expect(
      s.prepare({ taskId: "c", campaignId: "recommends", image, labels, firstGuess: { model: entry.hash } }, "open"),
    ).toBe(false);
    await expect(s.suggest({ taskId: "c", campaignId: "recommends", image, labels })).rejects.toThrow(
      /first guesses are off for campaign recommends/,
    );
  });
});
