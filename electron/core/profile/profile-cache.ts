import type { Statement } from "better-sqlite3";
import { Profile } from "../../../shared/api/profile";
import type { Store } from "../store";

/**
 * The worker's profile as last read from chain, kept in the store (the settings table, one row
 * per address), so an offline unlock knows the worker is registered and goes straight back to
 * work. Only ever a fallback: the chain's answer replaces it whenever the chain answers.
 */
export class ProfileCache {
  private readonly select: Statement<[string], { value: string }>;
  private readonly upsert: Statement<[string, string]>;

  constructor(private readonly store: Store) {
    this.select = store.db.prepare("SELECT value FROM settings WHERE key = ?");
    this.upsert = store.db.prepare(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }

  remember(profile: Profile, at = Date.now()): void {
    this.store.transaction("profile:cache", () =>
      this.upsert.run(keyOf(profile.address), JSON.stringify({ profile, at })),
    );
  }

  /** The last profile read for this address and when, or null (never read, or unreadable). */
  recall(address: string): { profile: Profile; at: number } | null {
    const row = this.select.get(keyOf(address));
    if (!row) return null;
    try {
      const parsed = JSON.parse(row.value) as { profile?: unknown; at?: unknown };
      const profile = Profile.safeParse(parsed.profile);
      return profile.success && typeof parsed.at === "number" ? { profile: profile.data, at: parsed.at } : null;
    } catch {
      return null;
    }
  }
}

function keyOf(address: string): string {
  return `profile:${address}`;
}
