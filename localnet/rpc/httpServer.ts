// JSON-RPC 2.0 over HTTP POST, single or batch, as a validator serves it on :8899, plus the
// validator's GET /health probe.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { Ledger } from "../ledger/ledger";
import { stringifyJson } from "./json";
import { rpcMethods } from "./methods";
import { RpcError, INTERNAL_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, PARSE_ERROR } from "./rpcError";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

const requestSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  method: z.string(),
  params: z.unknown().optional(),
});

type Id = string | number | null;

export interface RpcServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function errorResponse(id: Id, e: unknown): Record<string, unknown> {
  if (e instanceof RpcError) {
    return {
      jsonrpc: "2.0",
      error: { code: e.code, message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) },
      id,
    };
  }
  console.error("[localnet rpc] internal error:", e);
  return { jsonrpc: "2.0", error: { code: INTERNAL_ERROR, message: "Internal error" }, id };
}

export async function handleRpcPayload(ledger: Ledger, payload: unknown): Promise<unknown> {
  const one = async (raw: unknown): Promise<Record<string, unknown>> => {
    const parsed = requestSchema.safeParse(raw);
    const id: Id =
      raw && typeof raw === "object" && "id" in raw && (typeof raw.id === "number" || typeof raw.id === "string")
        ? raw.id
        : null;
    if (!parsed.success) return errorResponse(id, new RpcError(INVALID_REQUEST, "Invalid request"));
    const method = rpcMethods.get(parsed.data.method);
    if (!method) return errorResponse(id, new RpcError(METHOD_NOT_FOUND, "Method not found"));
    try {
      return { jsonrpc: "2.0", result: await method({ ledger }, parsed.data.params), id };
    } catch (e) {
      return errorResponse(id, e);
    }
  };
  if (Array.isArray(payload)) {
    if (payload.length === 0) return errorResponse(null, new RpcError(INVALID_REQUEST, "Invalid request"));
    return Promise.all(payload.map(one));
  }
  return one(payload);
}

export function startRpcServer(ledger: Ledger, opts: { host: string; port: number }): Promise<RpcServer> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: string, type = "application/json"): void => {
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.method === "GET" && req.url === "/health") return reply(200, "ok", "text/plain");
    if (req.method !== "POST")
      return reply(405, "Used HTTP Method is not allowed. POST or OPTIONS is required", "text/plain");
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reply(413, "Payload too large", "text/plain");
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (res.headersSent) return;
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return reply(
          200,
          stringifyJson({ jsonrpc: "2.0", error: { code: PARSE_ERROR, message: "Parse error" }, id: null }),
        );
      }
      void handleRpcPayload(ledger, payload).then((response) => reply(200, stringifyJson(response)));
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${opts.host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
