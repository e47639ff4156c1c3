// Solana PubSub over WebSocket (the validator's :8900): account, program, signature, logs
// and slot subscriptions, fed by the ledger's events as transactions land and slots pass.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";
import type { AccountState, Ledger, TransactionEvent } from "../ledger/ledger";
import { encodeAccount, type AccountEncoding } from "../rpc/accountEncoding";
import { stringifyJson } from "../rpc/json";
import { accountConfig, checkPubkey, checkSignature, commitmentConfig, parseParams } from "../rpc/params";
import { compileFilters, programAccountsConfig } from "../rpc/programFilters";
import { RpcError, INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, PARSE_ERROR } from "../rpc/rpcError";
import { API_VERSION } from "../rpc/methods/methodTypes";

const SYSTEM_PROGRAM = "11111111111111111111111111111111";

type Subscription =
  | { kind: "account"; address: string; encoding: AccountEncoding; slice?: { offset: number; length: number } }
  | {
      kind: "program";
      program: string;
      encoding: AccountEncoding;
      filters: Array<(a: AccountState) => boolean>;
      slice?: { offset: number; length: number };
    }
  | { kind: "signature"; signature: string }
  | { kind: "logs"; mentions: string | undefined }
  | { kind: "slot" };

const KIND_BY_METHOD: Record<string, Subscription["kind"]> = {
  accountUnsubscribe: "account",
  programUnsubscribe: "program",
  signatureUnsubscribe: "signature",
  logsUnsubscribe: "logs",
  slotUnsubscribe: "slot",
};

const NOTIFICATION_BY_KIND: Record<Subscription["kind"], string> = {
  account: "accountNotification",
  program: "programNotification",
  signature: "signatureNotification",
  logs: "logsNotification",
  slot: "slotNotification",
};

const requestSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  method: z.string(),
  params: z.unknown().optional(),
});

export interface PubsubServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What an account looks like to subscribers once it is gone: empty and system-owned. */
function closedAccount(address: string): AccountState {
  return { address, lamports: 0n, owner: SYSTEM_PROGRAM, executable: false, data: new Uint8Array() };
}

export function startPubsubServer(ledger: Ledger, opts: { host: string; port: number }): Promise<PubsubServer> {
  const httpServer = http.createServer((_req, res) => {
    res.writeHead(400).end("WebSocket only");
  });
  const wss = new WebSocketServer({ server: httpServer, maxPayload: 1024 * 1024 });
  const subs = new Map<number, { socket: WebSocket; sub: Subscription }>();
  let nextId = 0;

  const send = (socket: WebSocket, message: unknown): void => {
    if (socket.readyState === socket.OPEN) socket.send(stringifyJson(message));
  };
  const notify = (id: number, socket: WebSocket, kind: Subscription["kind"], result: unknown): void => {
    send(socket, { jsonrpc: "2.0", method: NOTIFICATION_BY_KIND[kind], params: { result, subscription: id } });
  };
  const context = (slot: number) => ({ slot, apiVersion: API_VERSION });

  const subscribe = (socket: WebSocket, method: string, params: unknown): number => {
    let sub: Subscription;
    switch (method) {
      case "accountSubscribe": {
        const [address, config] = parseParams(z.tuple([z.string(), accountConfig.optional()]), params);
        sub = {
          kind: "account",
          address: checkPubkey(address),
          encoding: config?.encoding ?? "binary",
          ...(config?.dataSlice ? { slice: config.dataSlice } : {}),
        };
        break;
      }
      case "programSubscribe": {
        const [program, config] = parseParams(z.tuple([z.string(), programAccountsConfig.optional()]), params);
        sub = {
          kind: "program",
          program: checkPubkey(program),
          encoding: config?.encoding ?? "binary",
          filters: compileFilters(config?.filters ?? []),
          ...(config?.dataSlice ? { slice: config.dataSlice } : {}),
        };
        break;
      }
      case "signatureSubscribe": {
        const [signature] = parseParams(
          z.tuple([
            z.string(),
            commitmentConfig.extend({ enableReceivedNotification: z.boolean().optional() }).optional(),
          ]),
          params,
        );
        sub = { kind: "signature", signature: checkSignature(signature) };
        break;
      }
      case "logsSubscribe": {
        const [filter] = parseParams(
          z.tuple([
            z.union([z.enum(["all", "allWithVotes"]), z.object({ mentions: z.array(z.string()).length(1) })]),
            commitmentConfig.optional(),
          ]),
          params,
        );
        sub = {
          kind: "logs",
          mentions: typeof filter === "string" ? undefined : checkPubkey(filter.mentions[0] ?? ""),
        };
        break;
      }
      case "slotSubscribe":
        sub = { kind: "slot" };
        break;
      default:
        throw new RpcError(METHOD_NOT_FOUND, "Method not found");
    }
    const id = nextId++;
    subs.set(id, { socket, sub });
    if (sub.kind === "signature") {
      // Already landed: the validator answers from its status cache straight away.
      const status = ledger.getSignatureStatus(sub.signature, false);
      if (status) {
        setImmediate(() => {
          if (subs.get(id)?.sub.kind !== "signature") return;
          subs.delete(id);
          notify(id, socket, "signature", { context: context(status.slot), value: { err: status.err } });
        });
      }
    }
    return id;
  };

  const unsubscribe = (socket: WebSocket, method: string, params: unknown): boolean => {
    const [id] = parseParams(z.tuple([z.number().int()]), params);
    const entry = subs.get(id);
    if (!entry || entry.socket !== socket || entry.sub.kind !== KIND_BY_METHOD[method]) {
      throw new RpcError(INVALID_PARAMS, "Invalid subscription id.");
    }
    subs.delete(id);
    return true;
  };

  wss.on("connection", (socket) => {
    socket.on("message", (raw) => {
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        return send(socket, { jsonrpc: "2.0", error: { code: PARSE_ERROR, message: "Parse error" }, id: null });
      }
      const parsed = requestSchema.safeParse(payload);
      if (!parsed.success)
        return send(socket, { jsonrpc: "2.0", error: { code: INVALID_REQUEST, message: "Invalid request" }, id: null });
      const { id = null, method, params } = parsed.data;
      try {
        const result =
          method.endsWith("Unsubscribe") && method in KIND_BY_METHOD
            ? unsubscribe(socket, method, params)
            : subscribe(socket, method, params);
        send(socket, { jsonrpc: "2.0", result, id });
      } catch (e) {
        const err =
          e instanceof RpcError ? { code: e.code, message: e.message } : { code: -32603, message: "Internal error" };
        send(socket, { jsonrpc: "2.0", error: err, id });
      }
    });
    socket.on("close", () => {
      for (const [id, entry] of subs) if (entry.socket === socket) subs.delete(id);
    });
  });

  const onSlot = (slot: number): void => {
    for (const [id, { socket, sub }] of subs) {
      if (sub.kind === "slot")
        notify(id, socket, "slot", { parent: Math.max(0, slot - 1), root: Math.max(0, slot - 32), slot });
    }
  };

  const onTransaction = (event: TransactionEvent): void => {
    const ctx = context(event.slot);
    for (const [id, { socket, sub }] of subs) {
      switch (sub.kind) {
        case "account": {
          const hit = event.accounts.find((a) => a.address === sub.address);
          if (hit)
            notify(id, socket, "account", {
              context: ctx,
              value: encodeAccount(hit.state ?? closedAccount(hit.address), sub.encoding, sub.slice),
            });
          break;
        }
        case "program":
          for (const a of event.accounts) {
            if (a.state && a.state.owner === sub.program && sub.filters.every((f) => f(a.state as AccountState))) {
              notify(id, socket, "program", {
                context: ctx,
                value: { pubkey: a.address, account: encodeAccount(a.state, sub.encoding, sub.slice) },
              });
            }
          }
          break;
        case "signature":
          if (sub.signature === event.signature) {
            subs.delete(id);
            notify(id, socket, "signature", { context: ctx, value: { err: event.err } });
          }
          break;
        case "logs":
          if (sub.mentions === undefined || event.mentions.includes(sub.mentions)) {
            notify(id, socket, "logs", {
              context: ctx,
              value: { signature: event.signature, err: event.err, logs: event.logs },
            });
          }
          break;
        case "slot":
          break;
      }
    }
  };

  ledger.on("slot", onSlot);
  ledger.on("transaction", onTransaction);

  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host, () => {
      const port = (httpServer.address() as AddressInfo).port;
      resolve({
        url: `ws://${opts.host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            ledger.off("slot", onSlot);
            ledger.off("transaction", onTransaction);
            for (const client of wss.clients) client.terminate();
            wss.close();
            httpServer.closeAllConnections();
            httpServer.close(() => done());
          }),
      });
    });
  });
}
