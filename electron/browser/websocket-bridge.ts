import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { WebSocketServer } from "ws";
import { API_PROTOCOL_NAME, ClientMessage, MAX_PAYLOAD_BYTES, decodeWire, encodeWire } from "../../shared/api";
import type { Core } from "../core";
import { tokenFromProtocols, tokensMatch } from "./launch-token";

export interface BridgeOptions {
  readonly core: Core;
  readonly token: string;
  /** The only Origin allowed to connect: the page this shell served. */
  readonly allowedOrigin: () => string;
  readonly log: (line: string) => void;
}

export type UpgradeRefusal = { status: 401 | 403 | 426; reason: string };

/** Decides an upgrade from its headers alone; exported so tests can assert each refusal. */
export function checkUpgrade(request: IncomingMessage, token: string, allowedOrigin: string): UpgradeRefusal | null {
  if (request.headers.upgrade?.toLowerCase() !== "websocket")
    return { status: 426, reason: "WebSocket upgrade required" };
  if (request.headers.origin !== allowedOrigin) return { status: 403, reason: "foreign origin" };
  if (!tokensMatch(token, tokenFromProtocols(request.headers["sec-websocket-protocol"]))) {
    return { status: 401, reason: "missing or wrong launch token" };
  }
  return null;
}

/**
 * The browser shell's half of the contract: authenticated WebSocket → core.dispatch, and
 * core events → every authenticated socket. Malformed frames get an error reply; the
 * connection and the server carry on.
 */
export class WebSocketBridge {
  private readonly server: WebSocketServer;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: BridgeOptions) {
    this.server = new WebSocketServer({
      noServer: true,
      // Leave room above the contract's limit so an oversized call still gets a typed reply.
      maxPayload: MAX_PAYLOAD_BYTES * 2,
      handleProtocols: (protocols) => (protocols.has(API_PROTOCOL_NAME) ? API_PROTOCOL_NAME : false),
    });
    this.server.on("connection", (socket) => this.serve(socket));
    this.unsubscribe = options.core.events.subscribe((event, payload) => {
      const frame = encodeWire({ type: "event", event, payload });
      for (const client of this.server.clients) if (client.readyState === client.OPEN) client.send(frame);
    });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = checkUpgrade(request, this.options.token, this.options.allowedOrigin());
    if (refusal) {
      this.options.log(`refused WebSocket from origin ${request.headers.origin ?? "(none)"}: ${refusal.reason}`);
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit("connection", ws, request));
  }

  private serve(socket: WebSocket): void {
    for (const [event, payload] of this.options.core.events.latest())
      socket.send(encodeWire({ type: "event", event, payload }));
    socket.on("message", (data, isBinary) => {
      void this.onMessage(socket, data as Buffer, isBinary);
    });
    socket.on("error", (error) => this.options.log(`socket error: ${error.message}`));
  }

  private async onMessage(socket: WebSocket, data: Buffer, isBinary: boolean): Promise<void> {
    let decoded: unknown;
    let message: ClientMessage | undefined;
    let reason = "text frames are not part of the protocol";
    if (isBinary) {
      try {
        decoded = decodeWire(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        const parsed = ClientMessage.safeParse(decoded);
        if (parsed.success) message = parsed.data;
        else reason = "message does not match the call envelope";
      } catch (error) {
        reason = error instanceof Error ? error.message : "unreadable frame";
      }
    }
    if (!message) {
      // Answer the caller when its id is readable, so it fails fast instead of waiting.
      socket.send(
        encodeWire({
          type: "reply",
          id: readableId(decoded),
          ok: false,
          error: { code: "invalid_input", message: `malformed message: ${reason}` },
        }),
      );
      return;
    }
    const reply = await this.options.core.dispatch(message.channel, message.payload, { encodedBytes: data.byteLength });
    if (socket.readyState === socket.OPEN) socket.send(encodeWire({ type: "reply", id: message.id, ...reply }));
  }

  close(): void {
    this.unsubscribe();
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}

function readableId(decoded: unknown): number | null {
  if (decoded && typeof decoded === "object" && "id" in decoded) {
    const id = (decoded as { id: unknown }).id;
    // Only an id the caller can match exactly; a rounded one (≥ 2^53) would answer another call.
    if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) return id;
  }
  return null;
}
