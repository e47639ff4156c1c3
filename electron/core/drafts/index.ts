export { DraftRepository } from "./draft-repository";
export { draftHandlers } from "./draft-handlers";
