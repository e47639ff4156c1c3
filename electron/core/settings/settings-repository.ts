import type { Statement } from "better-sqlite3";
import type { Settings, SettingsPatch } from "../../../shared/api";
import { Settings as SettingsSchema } from "../../../shared/api";
import type { Store } from "../store";
import { AMPLIFY_PROGRAM_ADDRESS, configureProgramAddress, parseProgramAddress } from "../../../shared/protocol";
import type { Address } from "@solana/kit";

export const DEFAULT_RPC_URL = "http://127.0.0.1:8899";

/**
 * The gateway the app reads blobs from when none is set (npm start points AMPLIFY_BLOB_URL at the
 * localnet's): Settings shows it, so the field says where blobs actually come from.
 */
function envBlobGateways(env: NodeJS.ProcessEnv): string[] {
  const url = env.AMPLIFY_BLOB_URL;
  return url && SettingsSchema.shape.blobGateways.safeParse([url]).success ? [url] : [];
}

export function defaultSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    theme: "dark",
    rpcUrl: env.AMPLIFY_RPC_URL ?? DEFAULT_RPC_URL,
    programAddress: env.AMPLIFY_PROGRAM_ADDRESS
      ? parseProgramAddress(env.AMPLIFY_PROGRAM_ADDRESS, "AMPLIFY_PROGRAM_ADDRESS")
      : AMPLIFY_PROGRAM_ADDRESS,
    blobGateways: envBlobGateways(env),
    prefetchCount: 4,
    autoLockMinutes: 15,
    hotkeys: {},
  };
}

/**
 * Settings are one validated JSON row. A value that no longer validates (an older app wrote
 * it, or someone edited the file) falls back to defaults field by field instead of failing.
 */
export class SettingsRepository {
  private readonly select: Statement<[string], { value: string }>;
  private readonly upsert: Statement<[string, string]>;

  constructor(
    private readonly store: Store,
    private readonly defaults: Settings,
  ) {
    this.select = store.db.prepare("SELECT value FROM settings WHERE key = ?");
    this.upsert = store.db.prepare(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }

  get(): Settings {
    const row = this.select.get("app");
    if (!row) return this.defaults;
    let stored: unknown;
    try {
      stored = JSON.parse(row.value);
    } catch {
      return this.defaults;
    }
    const merged: Record<string, unknown> = { ...this.defaults };
    if (stored && typeof stored === "object") {
      for (const [key, value] of Object.entries(stored)) {
        const field = SettingsSchema.shape[key as keyof Settings];
        if (field && field.safeParse(value).success) merged[key] = value;
      }
    }
    // No gateway of one's own: blobs come from the default one, and the field says so.
    if (Array.isArray(merged.blobGateways) && merged.blobGateways.length === 0)
      merged.blobGateways = this.defaults.blobGateways;
    return SettingsSchema.parse(merged);
  }

  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    this.store.transaction("settings:update", () => this.upsert.run("app", JSON.stringify(next)));
    this.applyProgramAddress(next);
    return this.get(); // as read back, so the reply and the event show the gateway in use too
  }

  /** Points this process's protocol builders and queries at the configured program id. */
  applyProgramAddress(settings: Settings = this.get()): void {
    configureProgramAddress(settings.programAddress as Address);
  }
}
