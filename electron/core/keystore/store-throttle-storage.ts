import type { Store } from "../store";
import type { ThrottleState, ThrottleStorage } from "./unlock-throttle";

const KEY = "passphrase-throttle";

/**
 * Keeps the passphrase throttle in the local database's key/value table, so quitting and
 * restarting the app does not hand a guesser a fresh set of free attempts.
 */
export function storeThrottleStorage(store: Store): ThrottleStorage {
  const select = store.db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?");
  const upsert = store.db.prepare<[string, string]>(
    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  return {
    load() {
      const row = select.get(KEY);
      if (!row) return null;
      try {
        const parsed = JSON.parse(row.value) as Partial<ThrottleState>;
        return typeof parsed.failures === "number" && typeof parsed.notBefore === "number"
          ? { failures: parsed.failures, notBefore: parsed.notBefore }
          : null;
      } catch {
        return null;
      }
    },
    save(state) {
      store.transaction("passphrase-throttle", () => upsert.run(KEY, JSON.stringify(state)));
    },
  };
}
