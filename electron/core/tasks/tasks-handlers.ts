import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { ResultSubmitter } from "../outbox";
import type { TaskService } from "./task-service";

export function tasksHandlers(tasks: TaskService, submitter: ResultSubmitter): HandlerGroup<"tasks:list" | "tasks:open" | "tasks:submit"> {
  return {
    "tasks:list": (input) => guard(() => tasks.list(input?.includeDone ?? false)),
    "tasks:open": ({ id }) => guard(() => tasks.open(id)),
    "tasks:submit": ({ id, doc }) =>
      guard(async () => {
        const queued = await submitter.submit(id, doc);
        tasks.forget(id);
        return queued;
      }),
  };
}
