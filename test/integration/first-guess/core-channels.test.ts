import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../../electron/core/core";
import type { Core } from "../../../electron/core/core";
import { AnnotationDocument, emptyDocument } from "../../../shared/annotation";

const photos = join(import.meta.dirname, "../../../assets/demo/photos");
const labels = [{ id: "person", name: "person", color: "#ff8800" }];

describe("first guesses through core's contract", () => {
  let dataDir: string;
  let core: Core;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "fg-core-"));
    core = createCore({
      identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir },
      background: false,
      log: () => {},
    });
  });
  afterAll(async () => {
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists the shipped model, toggles a campaign and suggests pre-labels for a task", async () => {
    const status = await core.dispatch("guesses:status", {});
    expect(status).toMatchObject({
      ok: true,
      value: { state: "idle", refused: [], models: [{ id: "mb3-centernet-coco@3.3.6", origin: "shipped" }] },
    });

    const off = await core.dispatch("guesses:suggest", {
      taskId: "t1",
      campaignId: "camp",
      image: readFileSync(join(photos, "astronaut.png")),
      labels,
    });
    expect(off).toMatchObject({ ok: false, error: { code: "rejected" } });

    expect(await core.dispatch("guesses:setEnabled", { campaignId: "camp", enabled: true })).toEqual({
      ok: true,
      value: { campaignId: "camp", enabled: true },
    });
    const reply = await core.dispatch("guesses:suggest", {
      taskId: "t1",
      campaignId: "camp",
      image: new Uint8Array(readFileSync(join(photos, "astronaut.png"))),
      labels,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const value = reply.value as { shapes: unknown[] };
    expect(value.shapes.length).toBeGreaterThanOrEqual(1);
    const doc = { ...emptyDocument("t1", labels), image: { width: 512, height: 512 }, shapes: value.shapes };
    expect(AnnotationDocument.parse(doc).shapes[0]).toMatchObject({
      label: "person",
      source: { kind: "model", model: "mb3-centernet-coco@3.3.6" },
    });
    // The switch is stored: it survives a status read from the store.
    expect(await core.dispatch("guesses:status", { rescan: true })).toMatchObject({
      ok: true,
      value: { enabledCampaigns: ["camp"], state: "ready", models: [{ origin: "shipped" }] },
    });
  });

  it("refuses a tampered model in the data directory, and a campaign's recommended hash that no verified model has, with clear errors", async () => {
    const copy = join(dataDir, "models", "centernet-copy");
    cpSync(join(import.meta.dirname, "../../../assets/models/centernet"), copy, { recursive: true });
    const graph = JSON.parse(readFileSync(join(copy, "centernet.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(copy, "centernet.json"), JSON.stringify({ ...graph, tampered: true }));
    const status = await core.dispatch("guesses:status", { rescan: true });
    expect(status).toMatchObject({
      ok: true,
      value: {
        refused: [
          {
            folder: copy,
            reason: expect.stringMatching(
              /file centernet\.json has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: tampered or corrupt/,
            ),
          },
        ],
      },
    });
    // The copy's manifest is unchanged, so it names the shipped model's hash; a hash nobody has is refused.
    const wrong = "0".repeat(64);
    const reply = await core.dispatch("guesses:suggest", {
      taskId: "t2",
      campaignId: "camp",
      image: new Uint8Array(readFileSync(join(photos, "astronaut.png"))),
      labels,
      modelHash: wrong,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: "unavailable",
        message: expect.stringMatching(
          new RegExp(
            `no verified model has manifest hash ${wrong} \\(refused: .*centernet-copy: file centernet\\.json has sha256`,
          ),
        ),
      },
    });
  });
});
