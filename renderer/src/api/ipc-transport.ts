import type { AmplifyBridge, ApiTransport, CallChannel } from "../../../shared/api";

/** The desktop app's transport: the functions the preload exposed on window.amplifyBridge. */
export function createIpcTransport(bridge: AmplifyBridge): ApiTransport {
  const methods = bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  return {
    async invoke(channel: CallChannel, payload) {
      const [domain, verb] = channel.split(":") as [string, string];
      const method = methods[domain]?.[verb];
      if (!method)
        return { ok: false, error: { code: "unknown_channel", message: `the preload does not offer ${channel}` } };
      return (await method(payload)) as Awaited<ReturnType<ApiTransport["invoke"]>>;
    },
    subscribe: (event, listener) => bridge.events.on(event, listener),
  };
}
