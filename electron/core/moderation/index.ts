export { moderationHandlers } from "./moderation-handlers";
export type { ModerationHandlerDeps } from "./moderation-handlers";
export { withModeration } from "./moderation-task";
