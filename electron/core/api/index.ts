export { createDispatcher } from "./dispatcher";
export type { Dispatch, DispatchOptions } from "./dispatcher";
export { EventHub } from "./event-hub";
export type { EventListener } from "./event-hub";
export type { Handler, HandlerGroup, Handlers } from "./handlers";
