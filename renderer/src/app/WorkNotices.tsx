import { useEffect, useRef } from "react";
import type { OutboxItem } from "../../../shared/api";
import { getApi } from "../api";
import { useAnnounce } from "../ui/Announcer";

/**
 * What happens to a person's work while they do something else, said once in the app's live
 * region: a result paid, a result refused, the network gone or back. Routine traffic (every
 * outbox poll, every health check) says nothing.
 */
export function WorkNotices() {
  const announce = useAnnounce();
  const states = useRef<Map<string, OutboxItem["state"]> | null>(null);
  const online = useRef<boolean | null>(null);

  useEffect(() => {
    const api = getApi();
    const offOutbox = api.events.on("outbox:changed", ({ items }) => {
      const before = states.current;
      states.current = new Map(items.map((i) => [i.id, i.state]));
      if (!before) return; // the first list is what was already there
      const paid = items.filter((i) => i.state === "confirmed" && before.get(i.id) !== "confirmed");
      const failed = items.filter((i) => i.state === "failed" && before.get(i.id) !== "failed");
      const parts: string[] = [];
      if (paid.length === 1 && paid[0]) parts.push(`Paid: ${paid[0].title}`);
      else if (paid.length > 1) parts.push(`${paid.length} results paid`);
      if (failed.length === 1 && failed[0])
        parts.push(
          `Not accepted by the chain: ${failed[0].title}${failed[0].error ? ` (${failed[0].error})` : ""}; it is kept in the Outbox`,
        );
      else if (failed.length > 1)
        parts.push(`${failed.length} results not accepted by the chain; they are kept in the Outbox`);
      if (parts.length > 0) announce(parts.join(". "));
    });
    const offNet = api.events.on("net:changed", (net) => {
      const was = online.current;
      online.current = net.online;
      if (was === null || was === net.online) return;
      announce(
        net.online ? "Back online: queued results are being sent" : "Offline: keep labelling, results are queued",
      );
    });
    return () => {
      offOutbox();
      offNet();
    };
  }, [announce]);
  return null;
}
