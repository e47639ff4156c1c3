import type { z } from "zod";
import { appCalls, appEvents } from "./app";
import { draftsCalls } from "./drafts";
import { firstGuessCalls, firstGuessEvents } from "./first-guess";
import { governanceCalls } from "./governance";
import { keysCalls, keysEvents } from "./keys";
import { marketCalls, marketEvents } from "./market";
import { marketFeedCalls, marketFeedEvents } from "./market-feed";
import { moderationCalls } from "./moderation";
import { outboxCalls, outboxEvents } from "./outbox";
import { profileCalls } from "./profile";
import { requesterCalls, requesterEvents } from "./requester";
import { settingsCalls, settingsEvents } from "./settings";
import { tasksCalls, tasksEvents } from "./tasks";
import { walletCalls } from "./wallet";

/**
 * The one contract between the renderer and core. Channels are `domain:verb`; each domain
 * lives in its own file and is merged here. Adding a channel here makes the compiler demand a
 * handler in core and gives the renderer a typed method, in both shells at once.
 */
export const calls = {
  ...appCalls,
  ...settingsCalls,
  ...draftsCalls,
  ...keysCalls,
  ...profileCalls,
  ...marketCalls,
  ...marketFeedCalls,
  ...tasksCalls,
  ...outboxCalls,
  ...walletCalls,
  ...firstGuessCalls,
  ...moderationCalls,
  ...requesterCalls,
  ...governanceCalls,
} as const;

export const events = {
  ...appEvents,
  ...settingsEvents,
  ...keysEvents,
  ...marketEvents,
  ...marketFeedEvents,
  ...tasksEvents,
  ...outboxEvents,
  ...firstGuessEvents,
  ...requesterEvents,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallChannel = keyof Calls & string;
export type EventName = keyof Events & string;

export type CallInput<C extends CallChannel> = z.input<Calls[C]["input"]>;
/** The input as core's handler receives it: after the schema's parse (migrations, defaults applied). */
export type CallParsedInput<C extends CallChannel> = z.output<Calls[C]["input"]>;
export type CallOutput<C extends CallChannel> = z.output<Calls[C]["output"]>;
export type EventPayload<E extends EventName> = z.output<Events[E]["payload"]>;

export const isCallChannel = (value: unknown): value is CallChannel =>
  typeof value === "string" && Object.prototype.hasOwnProperty.call(calls, value);

export const isEventName = (value: unknown): value is EventName =>
  typeof value === "string" && Object.prototype.hasOwnProperty.call(events, value);

export const callChannels = Object.keys(calls) as CallChannel[];
export const eventNames = Object.keys(events) as EventName[];
