import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getBase58Decoder } from "@solana/kit";
import nacl from "tweetnacl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateFileKey, wrapFileKey } from "../../../../../lib/crypto";
import { Keystore, KeystoreError } from "../../../../../electron/core/keystore";

const FAST = { N: 1024, r: 8, p: 1 };
const PASS = "correct horse battery";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-keystore-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(now: () => number = Date.now, autoLockMinutes = 15): Keystore {
  return new Keystore({ dataDir: dir, autoLockMinutes: () => autoLockMinutes, scrypt: FAST, now });
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KeystoreError);
    return (error as KeystoreError).code;
  }
  return "none";
}

describe("keystore", () => {
  it("generates, locks and unlocks; the file holds no secret in the clear", async () => {
    const ks = open();
    expect(ks.status().state).toBe("none");
    const created = await ks.create(PASS);
    expect(created.state).toBe("unlocked");
    expect(created.publicKey).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(ks.signer().address).toBe(created.publicKey);
    ks.lock();
    expect(ks.status().state).toBe("locked");
    expect(() => ks.signer()).toThrow(KeystoreError);
    const again = open();
    expect((await again.unlock(PASS)).state).toBe("unlocked");
    expect(again.signer().address).toBe(created.publicKey);
    again.dispose();
    ks.dispose();
  });

  it("imports a Solana CLI keypair file and a base58 secret to the same address", async () => {
    const pair = nacl.sign.keyPair();
    const file = join(dir, "id.json");
    writeFileSync(file, JSON.stringify(Array.from(pair.secretKey)));
    const address = getBase58Decoder().decode(pair.publicKey);
    const a = open();
    expect((await a.import({ kind: "file", path: file }, PASS)).publicKey).toBe(address);
    expect(await code(a.import({ kind: "base58", secret: getBase58Decoder().decode(pair.secretKey) }, PASS))).toBe(
      "exists",
    );
    const status = await a.import({ kind: "base58", secret: getBase58Decoder().decode(pair.secretKey) }, PASS, true);
    expect(status.publicKey).toBe(address);
    const text = readFileSync(a.path, "utf8");
    expect(text).not.toContain(Buffer.from(pair.secretKey.subarray(0, 32)).toString("base64"));
    expect(text).not.toContain(getBase58Decoder().decode(pair.secretKey));
    a.dispose();
  });

  it("rejects malformed imports clearly", async () => {
    const ks = open();
    const file = join(dir, "bad.json");
    writeFileSync(file, "[1,2,3]");
    expect(await code(ks.import({ kind: "file", path: file }, PASS))).toBe("bad_import");
    const mismatched = new Uint8Array(64).fill(7);
    writeFileSync(file, JSON.stringify(Array.from(mismatched)));
    expect(await code(ks.import({ kind: "file", path: file }, PASS))).toBe("bad_import");
    expect(await code(ks.import({ kind: "base58", secret: "0OIl".repeat(10) }, PASS))).toBe("bad_import");
    expect(ks.status().state).toBe("none");
  });

  it("imports only a small regular file: a FIFO, /dev/zero, a folder or a huge file is refused unread", async () => {
    const ks = open();
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const big = join(dir, "big.json");
    writeFileSync(big, Buffer.alloc(1024 * 1024, 0x20));
    for (const [path, says] of [
      [fifo, /named pipe/],
      ["/dev/zero", /device/],
      [dir, /folder/],
      [big, /bytes/],
      [join(dir, "missing.json"), /no such file/],
    ] as const) {
      const error = await ks.import({ kind: "file", path }, PASS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeystoreError);
      expect((error as KeystoreError).code).toBe("bad_import");
      expect((error as KeystoreError).message).toMatch(says);
    }
    expect(ks.status().state).toBe("none");
  }, 10_000);

  it("wrong passphrase: a clear error, the file untouched, attempts throttled", async () => {
    let now = 1_000_000;
    const ks = open(() => now);
    await ks.create(PASS);
    ks.lock();
    const before = readFileSync(ks.path);
    for (let i = 0; i < 3; i++) expect(await code(ks.unlock("wrong passphrase"))).toBe("wrong_passphrase");
    expect(ks.status().retryAfterMs).toBeGreaterThan(0);
    expect(await code(ks.unlock(PASS))).toBe("throttled");
    now += 60_000;
    expect((await ks.unlock(PASS)).state).toBe("unlocked");
    expect(readFileSync(ks.path).equals(before)).toBe(true);
    ks.dispose();
  });

  it("corrupt keystore: a clear error, the file untouched, status says damaged", async () => {
    const ks = open();
    await ks.create(PASS);
    ks.lock();
    writeFileSync(ks.path, "{ not json");
    const damaged = readFileSync(ks.path);
    expect(await code(ks.unlock(PASS))).toBe("corrupt");
    expect(ks.status().state).toBe("damaged");
    expect(await code(ks.create(PASS))).toBe("exists");
    expect(readFileSync(ks.path).equals(damaged)).toBe(true);
    // A swapped public key is caught by the authenticated data.
    const good = open();
    await good.create(PASS, true);
    good.lock();
    const json = JSON.parse(readFileSync(good.path, "utf8")) as { publicKey: string };
    json.publicKey = getBase58Decoder().decode(nacl.sign.keyPair().publicKey);
    writeFileSync(good.path, JSON.stringify(json));
    expect(await code(good.unlock(PASS))).toBe("wrong_passphrase");
    ks.dispose();
    good.dispose();
  });

  it("changes the passphrase", async () => {
    const ks = open();
    await ks.create(PASS);
    await ks.changePassphrase(PASS, "another passphrase");
    ks.lock();
    expect(await code(ks.unlock(PASS))).toBe("wrong_passphrase");
    expect((await ks.unlock("another passphrase")).state).toBe("unlocked");
    ks.dispose();
  });

  it("unwraps file keys wrapped to its X25519 key, only while unlocked", async () => {
    const ks = open();
    const status = await ks.create(PASS);
    const fileKey = generateFileKey();
    const wrapped = wrapFileKey(fileKey, Buffer.from(status.x25519PublicKey!, "hex"));
    expect(Buffer.from(ks.unwrap(wrapped)).equals(Buffer.from(fileKey))).toBe(true);
    ks.lock();
    expect(() => ks.unwrap(wrapped)).toThrow(KeystoreError);
    ks.dispose();
  });

  it("auto-locks after the idle time, postponed by activity", async () => {
    const ks = open(() => Date.now(), 1);
    await ks.create(PASS);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      (ks as unknown as { armAutoLock(): void }).armAutoLock();
      vi.advanceTimersByTime(40_000);
      ks.noteUserActivity();
      vi.advanceTimersByTime(40_000);
      expect(ks.isUnlocked()).toBe(true);
      vi.advanceTimersByTime(25_000);
      expect(ks.isUnlocked()).toBe(false);
    } finally {
      vi.useRealTimers();
      ks.dispose();
    }
  });
});
