import { ApiError } from "../../../shared/api";
import type { OutboxItem, OutboxSummary } from "../../../shared/api/outbox";
import type { OutboxRepository, OutboxRow } from "./outbox-repository";
import type { SyncLoop } from "./sync-loop";

/** The outbox as the UI sees it: counts, items, retry and export; never blobs or keys. */
export class OutboxService {
  private reason: string | null = null;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly loop: SyncLoop,
  ) {}

  noteOnline(online: boolean, reason: string | null): void {
    this.reason = online ? null : reason;
  }

  summary(): OutboxSummary {
    const counts = this.repo.counts();
    return {
      queued: counts.queued + counts.sent,
      failed: counts.failed,
      confirmed: counts.confirmed,
      online: this.loop.isOnline(),
      reason: this.reason,
    };
  }

  list(limit = 500): OutboxItem[] {
    return this.repo.list(limit).map(toItem);
  }

  items(ids: readonly string[]): OutboxItem[] {
    return ids.slice(0, 200).flatMap((id) => {
      const row = this.repo.get(id);
      return row ? [toItem(row)] : [];
    });
  }

  retry(id: string): OutboxItem {
    const row = this.repo.get(id);
    if (!row) throw new ApiError("not_found", "This item is no longer in the Outbox.");
    if (row.state !== "failed")
      throw new ApiError("conflict", "only failed items can be retried; the others are still in progress or done");
    this.repo.resetForRetry(id);
    this.loop.kick();
    return toItem(this.repo.get(id)!);
  }

  export(id: string): { json: string } {
    const row = this.repo.get(id);
    if (!row) throw new ApiError("not_found", "This item is no longer in the Outbox.");
    return { json: row.doc };
  }

  syncNow(): OutboxSummary {
    this.loop.kick();
    return this.summary();
  }
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    task: row.task,
    campaign: row.campaign,
    title: row.taskLabel,
    state: row.state,
    uploaded: row.uploaded,
    signature: row.signature,
    attempts: row.attempts,
    error: row.lastError,
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt,
  };
}
