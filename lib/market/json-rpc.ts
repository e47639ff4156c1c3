// A small JSON-RPC client for the reads the market feed makes in bulk: one HTTP request per
// batch of calls (Solana RPCs accept batches), each reply checked by its caller.

export interface RpcCall {
  readonly method: string;
  readonly params: unknown[];
}

export class JsonRpcError extends Error {
  override name = "JsonRpcError";
}

export interface JsonRpc {
  /** Replies in call order; a call that failed yields a JsonRpcError in its place. */
  batch(calls: readonly RpcCall[]): Promise<(unknown | JsonRpcError)[]>;
}

const reply = (value: unknown): { id: number; result?: unknown; error?: { message?: string } } | null =>
  value && typeof value === "object" && "id" in value && typeof value.id === "number"
    ? (value as { id: number })
    : null;

export function createJsonRpc(url: () => string, timeoutMs = 15_000): JsonRpc {
  return {
    async batch(calls) {
      if (calls.length === 0) return [];
      const body = JSON.stringify(calls.map((c, id) => ({ jsonrpc: "2.0", id, method: c.method, params: c.params })));
      const response = await fetch(url(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new JsonRpcError(`the RPC answered HTTP ${response.status}`);
      const parsed: unknown = await response.json();
      const list = Array.isArray(parsed) ? parsed : [parsed];
      const out: (unknown | JsonRpcError)[] = calls.map(() => new JsonRpcError("no reply"));
      for (const item of list) {
        const r = reply(item);
        if (!r || r.id < 0 || r.id >= calls.length) continue;
        out[r.id] = r.error ? new JsonRpcError(r.error.message ?? "RPC error") : r.result;
      }
      return out;
    },
  };
}
