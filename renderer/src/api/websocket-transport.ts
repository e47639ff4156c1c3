import type { ApiReply, ApiTransport, EventName } from "../../../shared/api";
import { API_PROTOCOL_NAME, ServerMessage, TOKEN_PROTOCOL_PREFIX, decodeWire, encodeWire } from "../../../shared/api";

interface Pending {
  resolve(reply: ApiReply): void;
}

/**
 * The browser shell's transport: one WebSocket back to the shell that served this page,
 * authenticated by the launch token as a subprotocol. Reconnects with backoff when the shell
 * restarts; calls made while disconnected wait for the connection instead of failing.
 */
export function createWebSocketTransport(url: string, token: string): ApiTransport {
  let socket: WebSocket | undefined;
  let ready: Promise<WebSocket> | undefined;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  // Whether core has gone away since the page last heard from it (the shell stopped or restarted).
  let lost = false;

  /** Tells the page's screens what core would: the network as this page can reach it. */
  function deliver(event: EventName, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  function connect(): Promise<WebSocket> {
    ready ??= new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(url, [API_PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX + token]);
      ws.binaryType = "arraybuffer";
      ws.onopen = () => {
        socket = ws;
        retryMs = 250;
        resolve(ws);
        if (lost) {
          lost = false;
          // Core's net:changed fires only on a change: ask it where the network stands now.
          const id = nextId++;
          pending.set(id, {
            resolve: (reply) => reply.ok && deliver("net:changed", reply.value),
          });
          ws.send(encodeWire({ type: "call", id, channel: "net:status", payload: undefined }));
        }
      };
      ws.onmessage = (message) => onFrame(new Uint8Array(message.data as ArrayBuffer));
      ws.onclose = () => {
        // The page must not go on saying "online" while it cannot reach core at all.
        if (socket === ws && !lost) {
          lost = true;
          deliver("net:changed", {
            online: false,
            rpcUrl: "",
            checkedAt: Date.now(),
            latencyMs: null,
            reason: "the app's core is not answering (it stopped or is restarting); trying again",
          });
        }
        socket = undefined;
        ready = undefined;
        for (const [id, p] of pending) {
          p.resolve({ ok: false, error: { code: "unavailable", message: "the connection to core closed" } });
          pending.delete(id);
        }
        const delay = retryMs;
        retryMs = Math.min(retryMs * 2, 5_000);
        setTimeout(() => void connect().then(resolve), delay);
      };
    });
    return ready;
  }

  function onFrame(frame: Uint8Array): void {
    let message;
    try {
      message = ServerMessage.parse(decodeWire(frame));
    } catch {
      return; // a frame we cannot read is dropped; the reply's caller times out honestly
    }
    if (message.type === "event") {
      deliver(message.event as EventName, message.payload);
      return;
    }
    if (message.id === null) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    waiting.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
  }

  return {
    async invoke(channel, payload) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<ApiReply>((resolve) => {
        pending.set(id, { resolve });
        ws.send(encodeWire({ type: "call", id, channel, payload }));
      });
    },
    subscribe(event, listener) {
      void connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
