export { OutboxRepository, OutboxConflictError } from "./outbox-repository";
export type { NewOutboxItem, OutboxRow, OutboxState } from "./outbox-repository";
export { SyncLoop } from "./sync-loop";
export type { SyncLoopOptions } from "./sync-loop";
export { ResultSubmitter } from "./result-submitter";
export { OutboxService } from "./outbox-service";
export { backoffMs } from "./backoff";
export { outboxHandlers } from "./outbox-handlers";
