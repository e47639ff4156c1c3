import { z } from "zod";
import type { Statement } from "better-sqlite3";
import type { Store } from "../store";

const Prefs = z.object({
  enabledCampaigns: z.array(z.string()).max(10_000),
  /** Turned off by the worker: wins over a campaign's recommendation to have them on. */
  disabledCampaigns: z.array(z.string()).max(10_000).default([]),
});
type Prefs = z.infer<typeof Prefs>;

/** Where the per-campaign on/off switch is kept. */
export interface FirstGuessPrefs {
  enabledCampaigns(): string[];
  disabledCampaigns(): string[];
  setEnabled(campaignId: string, enabled: boolean): void;
}

const KEY = "first-guess";
const EMPTY: Prefs = { enabledCampaigns: [], disabledCampaigns: [] };

/** Both lists after the worker flips one campaign's switch: it is in exactly one of them. */
function flip(prefs: Prefs, campaignId: string, enabled: boolean): Prefs {
  const on = new Set(prefs.enabledCampaigns);
  const off = new Set(prefs.disabledCampaigns);
  (enabled ? on : off).add(campaignId);
  (enabled ? off : on).delete(campaignId);
  return { enabledCampaigns: [...on].sort(), disabledCampaigns: [...off].sort() };
}

/**
 * One row of the existing settings key/value table (no migration of its own), validated on
 * read: an unreadable value means "everything off", never a crash.
 */
export class StoredFirstGuessPrefs implements FirstGuessPrefs {
  // Read on every task opened or prefetched: prepared once, like the other repositories.
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(store: Store) {
    this.select = store.db.prepare("SELECT value FROM settings WHERE key = ?");
    this.upsert = store.db.prepare(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }

  enabledCampaigns(): string[] {
    return this.read().enabledCampaigns;
  }

  disabledCampaigns(): string[] {
    return this.read().disabledCampaigns;
  }

  setEnabled(campaignId: string, enabled: boolean): void {
    const value = flip(this.read(), campaignId, enabled);
    this.upsert.run(KEY, JSON.stringify(value));
  }

  private read(): Prefs {
    const row = this.select.get(KEY) as { value: string } | undefined;
    if (!row) return EMPTY;
    try {
      const parsed = Prefs.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : EMPTY;
    } catch {
      return EMPTY;
    }
  }
}

export class MemoryFirstGuessPrefs implements FirstGuessPrefs {
  private prefs: Prefs = EMPTY;

  enabledCampaigns(): string[] {
    return this.prefs.enabledCampaigns;
  }

  disabledCampaigns(): string[] {
    return this.prefs.disabledCampaigns;
  }

  setEnabled(campaignId: string, enabled: boolean): void {
    this.prefs = flip(this.prefs, campaignId, enabled);
  }
}
