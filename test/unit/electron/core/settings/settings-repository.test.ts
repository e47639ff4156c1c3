import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SettingsRepository, defaultSettings } from "../../../../../electron/core/settings";
import { Store } from "../../../../../electron/core/store";

const openStore = () => Store.open({ dataDir: mkdtempSync(join(tmpdir(), "amplify-settings-")) });

describe("settings", () => {
  it("start from defaults and persist validated updates", () => {
    const store = openStore();
    const repo = new SettingsRepository(store, defaultSettings({}));
    expect(repo.get().rpcUrl).toBe("http://127.0.0.1:8899");
    repo.update({ theme: "light", hotkeys: { "tool.box": "b" } });
    const reopened = new SettingsRepository(store, defaultSettings({}));
    expect(reopened.get()).toMatchObject({ theme: "light", hotkeys: { "tool.box": "b" } });
  });

  it("refuse an invalid update and keep the stored value", () => {
    const repo = new SettingsRepository(openStore(), defaultSettings({}));
    expect(() => repo.update({ prefetchCount: -1 })).toThrow();
    expect(repo.get().prefetchCount).toBe(4);
  });

  it("fall back field by field when the stored row is damaged", () => {
    const store = openStore();
    store.db.prepare("INSERT INTO settings(key, value) VALUES ('app', ?)").run(JSON.stringify({ theme: "neon", prefetchCount: 9 }));
    const repo = new SettingsRepository(store, defaultSettings({}));
    expect(repo.get()).toMatchObject({ theme: "dark", prefetchCount: 9 });
    store.db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'app'").run();
    expect(repo.get().theme).toBe("dark");
  });

  it("take the RPC from AMPLIFY_RPC_URL", () => {
    expect(defaultSettings({ AMPLIFY_RPC_URL: "https://api.devnet.solana.com" }).rpcUrl).toBe("https://api.devnet.solana.com");
  });
});
