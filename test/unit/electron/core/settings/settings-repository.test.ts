import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyPairSigner } from "@solana/kit";
import { afterEach, describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  amplifyProgramAddress,
  configureProgramAddress,
  getInitConfigInstruction,
} from "../../../../../shared/protocol";
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
    store.db
      .prepare("INSERT INTO settings(key, value) VALUES ('app', ?)")
      .run(JSON.stringify({ theme: "neon", prefetchCount: 9 }));
    const repo = new SettingsRepository(store, defaultSettings({}));
    expect(repo.get()).toMatchObject({ theme: "dark", prefetchCount: 9 });
    store.db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'app'").run();
    expect(repo.get().theme).toBe("dark");
  });

  it("show the blob gateway blobs come from (AMPLIFY_BLOB_URL) instead of an empty list", () => {
    const env = { AMPLIFY_BLOB_URL: "http://127.0.0.1:8901" };
    expect(defaultSettings(env).blobGateways).toEqual(["http://127.0.0.1:8901"]);
    expect(defaultSettings({ AMPLIFY_BLOB_URL: "not a url" }).blobGateways).toEqual([]);
    const repo = new SettingsRepository(openStore(), defaultSettings(env));
    // Saved with no gateway of its own: still the one in use.
    expect(repo.update({ blobGateways: [] }).blobGateways).toEqual(["http://127.0.0.1:8901"]);
    expect(repo.get().blobGateways).toEqual(["http://127.0.0.1:8901"]);
    expect(repo.update({ blobGateways: ["https://blobs.example.org"] }).blobGateways).toEqual([
      "https://blobs.example.org",
    ]);
    expect(repo.get().blobGateways).toEqual(["https://blobs.example.org"]);
  });

  it("take the RPC from AMPLIFY_RPC_URL", () => {
    expect(defaultSettings({ AMPLIFY_RPC_URL: "https://api.devnet.solana.com" }).rpcUrl).toBe(
      "https://api.devnet.solana.com",
    );
  });
});

describe("the program address setting", () => {
  afterEach(() => configureProgramAddress(undefined));

  it("defaults to AMPLIFY_PROGRAM_ADDRESS, then the localnet's id; refuses a non-address; points the protocol at the saved one", async () => {
    const other = (await generateKeyPairSigner()).address;
    expect(defaultSettings({}).programAddress).toBe(AMPLIFY_PROGRAM_ADDRESS);
    expect(defaultSettings({ AMPLIFY_PROGRAM_ADDRESS: other }).programAddress).toBe(other);
    expect(() => defaultSettings({ AMPLIFY_PROGRAM_ADDRESS: "not-a-key" })).toThrow(
      /AMPLIFY_PROGRAM_ADDRESS: "not-a-key" is not a program address/,
    );
    const repo = new SettingsRepository(openStore(), defaultSettings({}));
    expect(() => repo.update({ programAddress: "0OIl" })).toThrow(/not a Solana address/);
    expect(repo.get().programAddress).toBe(AMPLIFY_PROGRAM_ADDRESS);
    repo.update({ programAddress: other });
    expect(amplifyProgramAddress()).toBe(other);
    expect((await getInitConfigInstruction({ payer: other, authority: other, treasury: other })).programAddress).toBe(
      other,
    );
  });
});
