import type { CallChannel, CallOutput, CallParsedInput } from "../../../shared/api";

export type Handler<C extends CallChannel> = (input: CallParsedInput<C>) => Promise<CallOutput<C>> | CallOutput<C>;

/** Core must implement every channel of the contract: a missing handler is a compile error. */
export type Handlers = { [C in CallChannel]: Handler<C> };

/** A domain module contributes the handlers of its own channels. */
export type HandlerGroup<C extends CallChannel> = { [K in C]: Handler<K> };
