import { ApiError } from "../../../shared/api";
import type { CampaignMetadata, OpenedTask } from "../../../shared/api/tasks";
import { TextItemBlob } from "../../../shared/moderation";

/**
 * Turns an opened task of a moderation campaign into a moderation task: an image item keeps its
 * bytes; a text item (a JSON blob, see shared/moderation/item.ts) is decoded, validated and
 * handed over as a string, its bytes dropped. Tasks of other campaigns pass through unchanged.
 */
export function withModeration(task: OpenedTask, metadata: CampaignMetadata | null): OpenedTask {
  const spec = metadata?.moderation;
  if (!spec) return task;
  if (task.mime.startsWith("image/")) return { ...task, moderation: { spec, item: { kind: "image" } } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(task.image));
  } catch {
    throw new ApiError("rejected", "this moderation item is neither an image nor a valid text item (not UTF-8 JSON)");
  }
  const item = TextItemBlob.safeParse(parsed);
  if (!item.success)
    throw new ApiError(
      "rejected",
      `this moderation item is not a valid text item: ${item.error.issues[0]?.message ?? ""}`,
    );
  return {
    ...task,
    image: new Uint8Array(0),
    mime: "text/plain",
    moderation: { spec, item: { kind: "text", text: item.data.text } },
  };
}
