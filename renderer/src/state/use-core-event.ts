import { useEffect, useState } from "react";
import type { EventName, EventPayload } from "../../../shared/api";
import { getApi } from "../api";

/** The latest payload of one core event, or the initial value until the first arrives. */
export function useCoreEvent<E extends EventName>(event: E, initial: EventPayload<E> | null): EventPayload<E> | null {
  const [value, setValue] = useState<EventPayload<E> | null>(initial);
  useEffect(() => getApi().events.on(event, setValue), [event]);
  return value;
}
