import type { ApiReply } from "./errors";
import type { CallChannel, CallInput, EventName } from "./contract";

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/**
 * What the Electron preload exposes as `window.amplifyBridge`: one function per contract call,
 * each resolving to the reply envelope (errors cannot cross contextBridge with their codes, so
 * they travel as data), plus event subscription. The renderer turns it into an AmplifyApi.
 */
export type AmplifyBridge = {
  [D in Domain<CallChannel>]: {
    [V in Verb<CallChannel, D>]: (input: CallInput<`${D}:${V}` & CallChannel>) => Promise<ApiReply>;
  };
} & {
  readonly events: { on(event: EventName, listener: (payload: unknown) => void): () => void };
};

/** The IPC channel that carries core events to the window. */
export const EVENT_IPC_CHANNEL = "amplify:event";
