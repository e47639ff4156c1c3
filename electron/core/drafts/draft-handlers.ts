import type { HandlerGroup } from "../api";
import type { DraftRepository } from "./draft-repository";

export function draftHandlers(repo: DraftRepository): HandlerGroup<"drafts:save" | "drafts:load" | "drafts:discard"> {
  return {
    "drafts:save": ({ doc }) => ({ savedAt: repo.save(doc) }),
    "drafts:load": ({ taskId }) => repo.load(taskId),
    "drafts:discard": ({ taskId }) => ({ removed: repo.discard(taskId) }),
  };
}
