export { TaskService } from "./task-service";
export type { TaskServiceOptions } from "./task-service";
export { TaskDirectory, isOpen } from "./task-directory";
export type { TaskRecord } from "./task-directory";
export { CampaignMetadataCache } from "./campaign-metadata";
export { DecryptPool } from "./decrypt-pool";
export { PlaintextCache } from "./plaintext-cache";
export { sniffMime } from "./mime";
export { tasksHandlers } from "./tasks-handlers";
