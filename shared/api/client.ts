import type { ApiReply } from "./errors";
import { ApiError } from "./errors";
import type { CallChannel, CallInput, CallOutput, EventName, EventPayload } from "./contract";
import { callChannels, calls, events } from "./contract";

/** How a shell moves messages; the preload (IPC) and the WebSocket client each implement it. */
export interface ApiTransport {
  invoke(channel: CallChannel, payload: unknown): Promise<ApiReply>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

type Method<C extends CallChannel> =
  undefined extends CallInput<C>
    ? (input?: CallInput<C>) => Promise<CallOutput<C>>
    : (input: CallInput<C>) => Promise<CallOutput<C>>;

/** `drafts:save` becomes `api.drafts.save(input)`: one method per operation, typed end to end. */
export type AmplifyCalls = {
  [D in Domain<CallChannel>]: { [V in Verb<CallChannel, D>]: Method<`${D}:${V}` & CallChannel> };
};

export interface AmplifyEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export type AmplifyApi = AmplifyCalls & { readonly events: AmplifyEvents };

/**
 * Builds the renderer-side API over a transport. Replies are checked against the contract here
 * too: the renderer trusts core's shapes only after validating them.
 */
export function createAmplifyApi(transport: ApiTransport): AmplifyApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of callChannels) {
    const [domain, verb] = channel.split(":") as [string, string];
    const methods = (domains[domain] ??= {});
    methods[verb] = async (input?: unknown) => {
      const reply = await transport.invoke(channel, input);
      if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.fields ?? []);
      const parsed = calls[channel].output.safeParse(reply.value);
      if (!parsed.success)
        throw new ApiError(
          "invalid_output",
          "The app's core gave an answer this page cannot read (a bug: the page and core do not match). Reload the page.",
        );
      return parsed.data;
    };
  }
  const eventsApi: AmplifyEvents = {
    on(event, listener) {
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].payload.safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
  for (const methods of Object.values(domains)) Object.freeze(methods);
  return Object.freeze({ ...domains, events: eventsApi }) as unknown as AmplifyApi;
}
