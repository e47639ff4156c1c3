import { z } from "zod";
import { AnnotationDocument } from "../annotation";
import { call } from "./define";

export const TaskRef = z.object({ taskId: z.string().min(1).max(128) });

export const SavedDraft = z.object({
  doc: AnnotationDocument,
  savedAt: z.number().int(),
});
export type SavedDraft = z.infer<typeof SavedDraft>;

export const draftsCalls = {
  "drafts:save": call(z.object({ doc: AnnotationDocument }), z.object({ savedAt: z.number().int() })),
  "drafts:load": call(TaskRef, SavedDraft.nullable()),
  "drafts:discard": call(TaskRef, z.object({ removed: z.boolean() })),
};
