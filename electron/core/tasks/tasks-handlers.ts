import type { OpenedTask } from "../../../shared/api/tasks";
import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { ResultSubmitter } from "../outbox";
import type { TaskService } from "./task-service";

export function tasksHandlers(
  tasks: TaskService,
  submitter: ResultSubmitter,
  /** Adapts an opened task to its campaign's kind (moderation); identity by default. */
  decorate: (task: OpenedTask) => OpenedTask = (task) => task,
): HandlerGroup<"tasks:list" | "tasks:open" | "tasks:submit" | "tasks:prefetch"> {
  return {
    "tasks:list": (input) => guard(() => tasks.list(input?.includeDone ?? false)),
    "tasks:open": ({ id }) => guard(async () => decorate(await tasks.open(id))),
    "tasks:prefetch": () => guard(() => tasks.prefetchAhead()),
    "tasks:submit": ({ id, doc }) =>
      guard(async () => {
        const queued = await submitter.submit(id, doc);
        tasks.forget(id);
        return queued;
      }),
  };
}
