// The task-list blob: the ordered task descriptors a campaign's tasksRoot commits to. The
// requester uploads it and names it in the campaign metadata (tasksUri); anyone who fetches it
// checks it against the on-chain root before trusting a single entry.
import { z } from "zod";
import { URI_MAX_BYTES } from "./account-layouts";
import { encodeUtf8 } from "../bytes";
import { computeTasksRoot } from "./task-tree";
import type { TaskDescriptor } from "./task-tree";

const TaskListDocument = z.object({
  version: z.literal(1),
  tasks: z
    .array(
      z.object({
        dataHash: z.string().regex(/^[0-9a-f]{64}$/),
        uri: z
          .string()
          .refine((u) => encodeUtf8(u).length <= URI_MAX_BYTES, `a task URI is at most ${URI_MAX_BYTES} bytes`),
      }),
    )
    .min(1),
});

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function unhex(text: string): Uint8Array {
  return Uint8Array.from({ length: text.length / 2 }, (_, i) => parseInt(text.slice(2 * i, 2 * i + 2), 16));
}

/** The blob's bytes: canonical JSON, so the same list always uploads to the same content address. */
export function encodeTaskList(tasks: readonly TaskDescriptor[]): Uint8Array {
  return encodeUtf8(
    JSON.stringify({ version: 1, tasks: tasks.map((t) => ({ dataHash: hex(t.dataHash), uri: t.uri })) }),
  );
}

/** The tasks in a task-list blob, or an Error that says why it cannot be trusted. */
export function decodeTaskList(bytes: Uint8Array, tasksRoot: Uint8Array): TaskDescriptor[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error("the campaign's task list is not JSON");
  }
  const parsed = TaskListDocument.safeParse(json);
  if (!parsed.success)
    throw new Error(`the campaign's task list is malformed: ${parsed.error.issues[0]?.message ?? "unknown shape"}`);
  const tasks = parsed.data.tasks.map((t) => ({ dataHash: unhex(t.dataHash), uri: t.uri }));
  const root = computeTasksRoot(tasks);
  if (root.length !== tasksRoot.length || root.some((b, i) => b !== tasksRoot[i])) {
    throw new Error("the campaign's task list does not match the root committed on chain");
  }
  return tasks;
}
