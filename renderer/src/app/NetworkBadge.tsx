import { useCoreEvent } from "../state/use-core-event";

/** Online means the RPC answered getHealth; offline says why, and that work keeps going. */
export function NetworkBadge() {
  const status = useCoreEvent("net:changed", null);
  if (!status) return <span className="badge">checking network…</span>;
  return status.online ? (
    <span className="badge badge-online" data-testid="net-status" title={status.rpcUrl}>
      online · {status.latencyMs ?? "?"} ms
    </span>
  ) : (
    <span className="badge badge-offline" data-testid="net-status" title={status.reason ?? ""}>
      {/* an empty rpcUrl: the page lost core itself (see websocket-transport), not just the RPC */}
      {status.rpcUrl === ""
        ? "offline: the app's core is not answering; trying again"
        : "offline: labelling continues, results are queued"}
    </span>
  );
}
