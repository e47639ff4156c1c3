import type { EventName, EventPayload } from "../../../shared/api";
import { events } from "../../../shared/api";

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Core's outgoing events. Payloads are validated before they leave, so a shell forwards only
 * what the contract promises. Shells subscribe once and fan out to their windows or sockets.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();
  private readonly last = new Map<EventName, unknown>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = events[event].payload.parse(payload);
    this.last.set(event, parsed);
    for (const listener of this.listeners) listener(event, parsed);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest payload of every event so far, for a window or socket that just connected. */
  latest(): Array<[EventName, unknown]> {
    return [...this.last];
  }

  dispose(): void {
    this.listeners.clear();
    this.last.clear();
  }
}
