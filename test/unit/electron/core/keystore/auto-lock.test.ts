import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCore } from "../../../../../electron/core";
import type { Core } from "../../../../../electron/core";
import { generateFileKey, wrapFileKey } from "../../../../../lib/crypto";
import { Keystore } from "../../../../../electron/core/keystore";

// The key's idle auto-lock runs on a fake clock: setTimeout and Date are vitest's, scrypt is real.
const PASS = "correct horse battery";
const MINUTE = 60_000;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-autolock-"));
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

async function call(core: Core, channel: string, payload?: unknown): Promise<unknown> {
  const reply = await core.dispatch(channel, payload);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

async function state(core: Core): Promise<string> {
  return ((await call(core, "keys:status")) as { state: string }).state;
}

/** What the screens do while nobody touches the app: poll every 10 s. */
async function pollFor(core: Core, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 10_000) {
    await call(core, "keys:status");
    await call(core, "outbox:summary");
    await call(core, "settings:get");
    await vi.advanceTimersByTimeAsync(10_000);
  }
}

describe("auto-lock counts only a person's actions", () => {
  it("locks after the idle time while screens keep polling; session:activity postpones it", async () => {
    const core = createCore({
      identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir: dir },
      background: false,
      log: () => {},
    });
    try {
      await call(core, "settings:update", { autoLockMinutes: 5 });
      expect(((await call(core, "keys:create", { passphrase: PASS })) as { state: string }).state).toBe("unlocked");
      await pollFor(core, 4 * MINUTE);
      expect(await state(core)).toBe("unlocked");
      await pollFor(core, 2 * MINUTE);
      expect(await state(core)).toBe("locked");

      await call(core, "keys:unlock", { passphrase: PASS });
      for (let i = 0; i < 6; i++) {
        await call(core, "session:activity");
        await pollFor(core, 2 * MINUTE);
      }
      expect(await state(core)).toBe("unlocked");
      await pollFor(core, 6 * MINUTE);
      expect(await state(core)).toBe("locked");
    } finally {
      await core.dispose();
    }
  });

  it("applies a lowered setting at once", async () => {
    const core = createCore({
      identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir: dir },
      background: false,
      log: () => {},
    });
    try {
      await call(core, "settings:update", { autoLockMinutes: 60 });
      await call(core, "keys:create", { passphrase: PASS });
      await vi.advanceTimersByTimeAsync(3 * MINUTE);
      expect(await state(core)).toBe("unlocked");
      await call(core, "settings:update", { autoLockMinutes: 2 });
      expect(await state(core)).toBe("locked");

      // Lowered but not yet reached: the new, shorter deadline is armed.
      await call(core, "settings:update", { autoLockMinutes: 60 });
      await call(core, "keys:unlock", { passphrase: PASS });
      await vi.advanceTimersByTimeAsync(1 * MINUTE);
      await call(core, "settings:update", { autoLockMinutes: 3 });
      expect(await state(core)).toBe("unlocked");
      await vi.advanceTimersByTimeAsync(2 * MINUTE + 1000);
      expect(await state(core)).toBe("locked");
    } finally {
      await core.dispose();
    }
  });

  it("background use of the key (signing, unwrapping, lending the seed every 30 s) does not keep it open", async () => {
    const ks = new Keystore({ dataDir: dir, autoLockMinutes: () => 2, scrypt: { N: 1024, r: 8, p: 1 } });
    try {
      const status = await ks.create(PASS);
      const wrapped = wrapFileKey(generateFileKey(), Buffer.from(status.x25519PublicKey!, "hex"));
      const background = setInterval(() => {
        if (!ks.isUnlocked()) return;
        ks.signer();
        ks.unwrap(wrapped);
        ks.withSeed((seed) => seed.length);
      }, 30_000);
      await vi.advanceTimersByTimeAsync(90_000);
      ks.noteUserActivity();
      await vi.advanceTimersByTimeAsync(90_000);
      expect(ks.isUnlocked()).toBe(true);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(ks.isUnlocked()).toBe(false);
      clearInterval(background);
    } finally {
      ks.dispose();
    }
  });
});
