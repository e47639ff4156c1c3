import { useEffect, useState } from "react";
import type { NetStatus, OutboxSummary } from "../../../shared/api";
import { getApi } from "../api";

/**
 * Shown whenever the RPC is unreachable: labelling goes on, and the banner says how many
 * results are waiting to be sent. Sync resumes by itself.
 */
export function OfflineBanner() {
  const [net, setNet] = useState<NetStatus | null>(null);
  const [outbox, setOutbox] = useState<OutboxSummary | null>(null);
  useEffect(() => {
    const api = getApi();
    api.outbox.summary().then(setOutbox, () => {});
    const offNet = api.events.on("net:changed", setNet);
    const offOutbox = api.events.on("outbox:changed", (e) => setOutbox(e.summary));
    return () => {
      offNet();
      offOutbox();
    };
  }, []);
  if (!net || net.online) return null;
  const queued = outbox?.queued ?? 0;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      Offline — keep labelling. {queued} result{queued === 1 ? "" : "s"} queued; they are sent when the network is back.
    </div>
  );
}
