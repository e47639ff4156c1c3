import { useEffect, useState } from "react";
import type { PrefetchState, PrefetchStatus } from "../../../../shared/api";
import { getApi } from "../../api";

export const PREFETCH_LABEL: Record<PrefetchState, string> = {
  // core's "open" is the task last opened (its bytes stay in memory), not one on screen: the
  // queue is never shown beside an open task.
  open: "in memory (last opened)",
  ready: "in memory",
  fetching: "fetching…",
  queued: "queued",
  waiting_key: "waiting for key",
  failed: "failed",
  idle: "—",
};

/**
 * Asks core to prepare the next tasks ahead (once per change of `queueKey`) and follows its
 * progress; null until core first answers. A failure leaves the bar off: labelling still works.
 */
export function usePrefetch(queueKey: string): PrefetchStatus | null {
  const [status, setStatus] = useState<PrefetchStatus | null>(null);
  useEffect(() => getApi().events.on("tasks:prefetchChanged", setStatus), []);
  useEffect(() => {
    if (!queueKey) return;
    let live = true;
    getApi()
      .tasks.prefetch()
      .then(
        (s) => live && setStatus(s),
        () => {},
      );
    return () => {
      live = false;
    };
  }, [queueKey]);
  return status;
}
