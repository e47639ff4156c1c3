import type { OutboxItem } from "../../../../shared/api";

/**
 * The Outbox's "Why" in words: what the result waits for, or what became of it. The transaction
 * signature is a reference beside it, not the reason.
 */
export function outboxWhy(item: OutboxItem): string {
  if (item.error) return item.error;
  switch (item.state) {
    case "confirmed":
      return "Paid: the chain confirmed it.";
    case "sent":
      return "Sent; waiting for the chain to confirm it.";
    case "failed":
      return "Refused by the chain; nothing was paid.";
    case "queued":
      return item.uploaded ? "Uploaded; waiting to be sent." : "Waiting to upload the result (it is kept here).";
  }
}
