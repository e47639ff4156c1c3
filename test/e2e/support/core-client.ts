import WebSocket from "ws";
import type { CallChannel, CallInput, CallOutput } from "../../../shared/api";
import { API_PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX, calls, decodeWire, encodeWire } from "../../../shared/api";
import type { RunningShell } from "./browser-shell";

/**
 * Talks to a running browser shell's core the way its page does (token, origin, wire format),
 * so a test can read back what the UI did — e.g. the exact document a worker submitted.
 */
export async function callCore<C extends CallChannel>(
  shell: Pick<RunningShell, "origin" | "token">,
  channel: C,
  payload?: CallInput<C>,
): Promise<CallOutput<C>> {
  const ws = new WebSocket(
    shell.origin.replace("http", "ws") + "/api",
    [API_PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX + shell.token],
    { origin: shell.origin },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const reply = await new Promise<Record<string, unknown>>((resolve) => {
      ws.on("message", (data: Buffer) => {
        const message = decodeWire(new Uint8Array(data)) as Record<string, unknown>;
        if (message.type === "reply" && message.id === 1) resolve(message);
      });
      ws.send(encodeWire({ type: "call", id: 1, channel, payload }));
    });
    if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return calls[channel].output.parse(reply.value) as CallOutput<C>;
  } finally {
    ws.close();
  }
}
