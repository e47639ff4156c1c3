import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { EnvelopeError, encryptEnvelope, generateFileKey } from "../../../../../lib/crypto";
import { DecryptPool, PlaintextCache, sniffMime } from "../../../../../electron/core/tasks";

const pool = new DecryptPool();
afterAll(() => pool.dispose());

describe("decrypt pool", () => {
  it("decrypts in a worker thread and wipes the caller's key", async () => {
    const key = generateFileKey();
    const plain = Uint8Array.from(randomBytes(1_000_000));
    const sealed = encryptEnvelope(plain, key);
    const keyCopy = Uint8Array.from(key);
    const out = await pool.decrypt(sealed, keyCopy);
    expect(pool.threaded).toBe(true);
    expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
    expect(keyCopy.every((b) => b === 0)).toBe(true);
  });

  it("reports envelope failures with their code, and keeps serving", async () => {
    const sealed = encryptEnvelope(Uint8Array.of(1, 2, 3), generateFileKey());
    await expect(pool.decrypt(sealed, generateFileKey())).rejects.toMatchObject({
      name: "EnvelopeError",
      code: "wrong_key",
    });
    await expect(pool.decrypt(sealed.subarray(0, 40), generateFileKey())).rejects.toBeInstanceOf(EnvelopeError);
    const key = generateFileKey();
    expect(Array.from(await pool.decrypt(encryptEnvelope(Uint8Array.of(9), key), Uint8Array.from(key)))).toEqual([9]);
  });
});

describe("plaintext cache", () => {
  it("evicts least recently used entries past its byte cap and refuses oversized ones", () => {
    const cache = new PlaintextCache<{ bytes: Uint8Array }>(100);
    cache.set("a", { bytes: new Uint8Array(40) });
    cache.set("b", { bytes: new Uint8Array(40) });
    cache.get("a");
    cache.set("c", { bytes: new Uint8Array(40) });
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.bytes()).toBe(80);
    expect(cache.set("huge", { bytes: new Uint8Array(101) })).toBe(false);
  });

  it("sniffs image types from bytes", () => {
    expect(sniffMime(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffMime(Uint8Array.of(0x89, 0x50, 0x4e, 0x47))).toBe("image/png");
    expect(sniffMime(Uint8Array.of(1, 2, 3))).toBe("application/octet-stream");
  });
});
