import { z } from "zod";
import { call, event } from "./define";

export const OutboxItem = z.object({
  id: z.string(),
  task: z.string(),
  campaign: z.string(),
  title: z.string(),
  state: z.enum(["queued", "sent", "confirmed", "failed"]),
  uploaded: z.boolean(),
  signature: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  /** Why it is waiting (transient) or why it failed for good. */
  error: z.string().nullable(),
  createdAt: z.number().int(),
  confirmedAt: z.number().int().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxSummary = z.object({
  /** Results not yet confirmed on chain (queued or sent). */
  queued: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  confirmed: z.number().int().nonnegative(),
  /** Whether the last talk with the RPC worked; null before the first. */
  online: z.boolean().nullable(),
  reason: z.string().nullable(),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

export const outboxCalls = {
  "outbox:summary": call(z.undefined(), OutboxSummary),
  "outbox:list": call(
    z.object({ limit: z.number().int().min(1).max(5000).optional() }).optional(),
    z.array(OutboxItem),
  ),
  /** Tries a failed item again (only when nothing of it can still land). */
  "outbox:retry": call(z.object({ id: z.string() }), OutboxItem),
  /** The kept annotation document of any item, e.g. one the chain refused, for export. */
  "outbox:export": call(z.object({ id: z.string() }), z.object({ json: z.string() })),
  "outbox:syncNow": call(z.undefined(), OutboxSummary),
};

export const outboxEvents = {
  "outbox:changed": event(z.object({ summary: OutboxSummary, items: z.array(OutboxItem).max(200) })),
};
