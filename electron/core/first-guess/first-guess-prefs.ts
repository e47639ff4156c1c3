import { z } from "zod";
import type { Store } from "../store";

const Prefs = z.object({ enabledCampaigns: z.array(z.string()).max(10_000) });
type Prefs = z.infer<typeof Prefs>;

/** Where the per-campaign on/off switch is kept. */
export interface FirstGuessPrefs {
  enabledCampaigns(): string[];
  setEnabled(campaignId: string, enabled: boolean): void;
}

const KEY = "first-guess";

/**
 * One row of the existing settings key/value table (no migration of its own), validated on
 * read: an unreadable value means "everything off", never a crash.
 */
export class StoredFirstGuessPrefs implements FirstGuessPrefs {
  constructor(private readonly store: Store) {}

  enabledCampaigns(): string[] {
    return this.read().enabledCampaigns;
  }

  setEnabled(campaignId: string, enabled: boolean): void {
    const set = new Set(this.read().enabledCampaigns);
    if (enabled) set.add(campaignId);
    else set.delete(campaignId);
    const value: Prefs = { enabledCampaigns: [...set].sort() };
    this.store.db.prepare("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(KEY, JSON.stringify(value));
  }

  private read(): Prefs {
    const row = this.store.db.prepare("SELECT value FROM settings WHERE key = ?").get(KEY) as { value: string } | undefined;
    if (!row) return { enabledCampaigns: [] };
    try {
      const parsed = Prefs.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : { enabledCampaigns: [] };
    } catch {
      return { enabledCampaigns: [] };
    }
  }
}

export class MemoryFirstGuessPrefs implements FirstGuessPrefs {
  private readonly enabled = new Set<string>();

  enabledCampaigns(): string[] {
    return [...this.enabled].sort();
  }

  setEnabled(campaignId: string, enabled: boolean): void {
    if (enabled) this.enabled.add(campaignId);
    else this.enabled.delete(campaignId);
  }
}
