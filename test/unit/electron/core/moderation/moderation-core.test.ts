import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../../../shared/annotation";
import { ApiError } from "../../../../../shared/api";
import type { CampaignMetadata, OpenedTask } from "../../../../../shared/api/tasks";
import type { ModerationResult } from "../../../../../shared/moderation";
import { moderationHandlers, withModeration } from "../../../../../electron/core/moderation";
import type { ResultSubmitter } from "../../../../../electron/core/outbox";

const ID = "A".repeat(44);
const metadata: CampaignMetadata = {
  title: "Mod",
  labelKind: "moderation",
  labels: [],
  moderation: {
    policy: {
      select: "single",
      reason: "optional",
      categories: [
        { id: "ok", name: "OK", description: "", severity: "none" },
        { id: "spam", name: "Spam", description: "", severity: "low" },
      ],
    },
  },
};

function opened(bytes: Uint8Array, mime: string): OpenedTask {
  return {
    meta: {
      id: ID,
      task: "t",
      campaign: "c",
      taskIndex: 0,
      state: "key_granted",
      private: true,
      payLamports: 1,
      expiresAt: 0,
      title: "Mod",
      ready: true,
    },
    image: bytes as Uint8Array<ArrayBuffer>,
    mime,
    labels: [],
    labelKind: "moderation",
    preLabels: [],
    draft: null,
  };
}

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));

describe("core: opening a moderation task", () => {
  it("hands a text item over as a string and drops its bytes", () => {
    const task = withModeration(
      opened(encode({ kind: "text", text: "<b>hi</b>\u202E" }), "application/octet-stream"),
      metadata,
    );
    expect(task.moderation?.item).toEqual({ kind: "text", text: "<b>hi</b>\u202E" });
    expect(task.image.length).toBe(0);
    expect(task.mime).toBe("text/plain");
  });

  it("keeps an image item's bytes", () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3);
    const task = withModeration(opened(png, "image/png"), metadata);
    expect(task.moderation?.item).toEqual({ kind: "image" });
    expect(task.image).toBe(png);
  });

  it("refuses an item that is neither an image nor a text item, and leaves other campaigns alone", () => {
    expect(() => withModeration(opened(Uint8Array.of(0xff, 0xfe, 0x00), "application/octet-stream"), metadata)).toThrow(
      /neither an image nor a valid text item/,
    );
    expect(() =>
      withModeration(opened(encode({ kind: "text", text: 42 }), "application/octet-stream"), metadata),
    ).toThrow(ApiError);
    const plain = opened(Uint8Array.of(1), "application/octet-stream");
    expect(withModeration(plain, { ...metadata, moderation: undefined })).toBe(plain);
    expect(withModeration(plain, null)).toBe(plain);
  });
});

describe("core: moderation:submit", () => {
  const result = (decisions: string[], reason?: string): ModerationResult => ({
    schema: 1,
    kind: "moderation",
    taskId: ID,
    decisions,
    ...(reason ? { reason } : {}),
    timeSpentMs: 10,
  });
  function setup(meta: CampaignMetadata | null | undefined) {
    const queued: Array<{ id: string; doc: unknown }> = [];
    const forgotten: string[] = [];
    const submitter = {
      submit: async (id: string, doc: unknown) => (queued.push({ id, doc }), { outboxId: id, resultHash: "ab" }),
    } as unknown as ResultSubmitter;
    const handlers = moderationHandlers({
      submitter,
      forget: (id) => forgotten.push(id),
      metadataOf: async () => meta,
    });
    return { handler: handlers["moderation:submit"], queued, forgotten };
  }

  it("queues a judgement that fits the policy, through the same submitter as any result", async () => {
    const { handler, queued, forgotten } = setup(metadata);
    await expect(handler({ id: ID, result: result(["spam"]) })).resolves.toEqual({ outboxId: ID, resultHash: "ab" });
    expect(queued).toEqual([{ id: ID, doc: result(["spam"]) }]);
    expect(forgotten).toEqual([ID]);
  });

  it("refuses what breaks the policy, a task of another kind, or an unknown task, and queues nothing", async () => {
    const { handler, queued } = setup(metadata);
    await expect(handler({ id: ID, result: result(["ok", "spam"]) })).rejects.toMatchObject({
      code: "invalid_input",
      message: "this policy takes exactly one category per item",
    });
    await expect(handler({ id: ID, result: result(["violence"]) })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(handler({ id: ID, result: { ...result(["ok"]), taskId: "other" } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(
      setup({ ...metadata, moderation: undefined }).handler({ id: ID, result: result(["ok"]) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(setup(undefined).handler({ id: ID, result: result(["ok"]) })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(queued).toEqual([]);
  });
});
