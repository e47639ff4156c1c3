import type { AnnotationDocument } from "../../../shared/annotation";
import type { OpenedTask } from "../../../shared/api/tasks";
import type { ModerationResult } from "../../../shared/moderation";
import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { TaskService } from "./task-service";

/**
 * Where a submitted result goes (the outbox's ResultSubmitter). Declared here so tasks does not
 * import outbox: outbox already depends on tasks for the directory of open tasks.
 */
export interface ResultSink {
  submit(id: string, doc: AnnotationDocument | ModerationResult): Promise<{ outboxId: string; resultHash: string }>;
}

export function tasksHandlers(
  tasks: TaskService,
  submitter: ResultSink,
  /** Adapts an opened task to its campaign's kind (moderation); identity by default. */
  decorate: (task: OpenedTask) => OpenedTask = (task) => task,
): HandlerGroup<"tasks:list" | "tasks:open" | "tasks:example" | "tasks:submit" | "tasks:prefetch"> {
  return {
    "tasks:list": (input) => guard(() => tasks.list(input?.includeDone ?? false)),
    "tasks:open": ({ id }) => guard(async () => decorate(await tasks.open(id))),
    "tasks:example": ({ id, index }) => guard(() => tasks.example(id, index)),
    "tasks:prefetch": () => guard(() => tasks.prefetchAhead()),
    "tasks:submit": ({ id, doc }) =>
      guard(async () => {
        const queued = await submitter.submit(id, doc);
        tasks.forget(id);
        return queued;
      }),
  };
}
