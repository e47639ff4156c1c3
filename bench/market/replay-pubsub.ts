// A PubSub endpoint that replays recorded logsSubscribe notifications of the real program at a
// chosen rate, each under a fresh signature. It speaks the standard protocol (logsSubscribe /
// logsNotification / logsUnsubscribe), so the feed connects to it as to any node. It exists
// because two shared cores cannot execute 200 transactions' worth of events per second, while
// the feed's side of the stream (notifications → decode → store → screen) can be measured at it.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { getBase58Decoder } from "@solana/kit";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";

/** One notification as the node sent it, and how many market events its logs hold. */
export interface RecordedNote {
  readonly logs: readonly string[];
  readonly events: number;
}

export interface ReplayRun {
  readonly events: number;
  readonly notifications: number;
  readonly seconds: number;
}

export interface ReplayPubsub {
  readonly url: string;
  /** Sends notes round-robin until `eventsPerSecond × seconds` events have gone out. */
  replay(eventsPerSecond: number, seconds: number): Promise<ReplayRun>;
  close(): Promise<void>;
}

const b58 = getBase58Decoder();

export async function startReplayPubsub(notes: readonly RecordedNote[], firstSlot: number): Promise<ReplayPubsub> {
  if (notes.length === 0) throw new Error("nothing recorded to replay");
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const subscribers = new Map<number, WebSocket>();
  let nextId = 1;
  let slot = firstSlot;
  server.on("connection", (socket) => {
    socket.on("message", (data: Buffer) => {
      let request: { id?: unknown; method?: unknown; params?: unknown[] };
      try {
        request = JSON.parse(data.toString()) as typeof request;
      } catch {
        socket.send(JSON.stringify({ jsonrpc: "2.0", error: { code: -32700, message: "Parse error" }, id: null }));
        return;
      }
      // kit's keep-alive: a node sends nothing back for it
      if (request.method === "ping") return;
      if (request.method === "logsSubscribe") {
        const id = nextId++;
        subscribers.set(id, socket);
        socket.send(JSON.stringify({ jsonrpc: "2.0", result: id, id: request.id }));
      } else if (request.method === "programSubscribe" || request.method === "accountSubscribe") {
        // other subscriptions (the market watcher's) are accepted and stay quiet
        socket.send(JSON.stringify({ jsonrpc: "2.0", result: nextId++, id: request.id }));
      } else if (request.method === "logsUnsubscribe") {
        subscribers.delete(Number(request.params?.[0]));
        socket.send(JSON.stringify({ jsonrpc: "2.0", result: true, id: request.id }));
      } else {
        socket.send(
          JSON.stringify({ jsonrpc: "2.0", error: { code: -32601, message: "Method not found" }, id: request.id }),
        );
      }
    });
    socket.on("close", () => {
      for (const [id, s] of subscribers) if (s === socket) subscribers.delete(id);
    });
  });

  const send = (note: RecordedNote) => {
    const signature = b58.decode(randomBytes(64));
    for (const [id, socket] of subscribers)
      socket.send(
        JSON.stringify({
          jsonrpc: "2.0",
          method: "logsNotification",
          params: { result: { context: { slot }, value: { signature, err: null, logs: note.logs } }, subscription: id },
        }),
      );
  };

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async replay(eventsPerSecond, seconds) {
      const start = performance.now();
      const target = eventsPerSecond * seconds;
      let events = 0;
      let notifications = 0;
      while (events < target) {
        const due = Math.min(target, (eventsPerSecond * (performance.now() - start)) / 1000);
        while (events < due) {
          const note = notes[notifications % notes.length]!;
          send(note);
          events += note.events;
          notifications++;
          if (notifications % 8 === 0) slot++;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { events, notifications, seconds: (performance.now() - start) / 1000 };
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
