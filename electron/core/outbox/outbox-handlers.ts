import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { OutboxService } from "./outbox-service";

type OutboxChannel = "outbox:summary" | "outbox:list" | "outbox:retry" | "outbox:export" | "outbox:syncNow";

export function outboxHandlers(outbox: OutboxService): HandlerGroup<OutboxChannel> {
  return {
    "outbox:summary": () => outbox.summary(),
    "outbox:list": (input) => outbox.list(input?.limit),
    "outbox:retry": ({ id }) => guard(() => outbox.retry(id)),
    "outbox:export": ({ id }) => guard(() => outbox.export(id)),
    "outbox:syncNow": () => outbox.syncNow(),
  };
}
