import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EnvelopeError,
  HEADER_BYTES,
  decryptEnvelope,
  encryptEnvelope,
  envelopeSize,
  generateFileKey,
} from "../../../../lib/crypto";

const CHUNK = 4096;
const TAG = 16;
const same = (a: Uint8Array, b: Uint8Array): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).code).toBe(code);
    return;
  }
  throw new Error(`expected EnvelopeError ${code}`);
}

describe("envelope", () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])("round-trips %i bytes", (size) => {
    const key = generateFileKey();
    const plain = Uint8Array.from(randomBytes(size));
    const sealed = encryptEnvelope(plain, key, { chunkBytes: CHUNK });
    expect(sealed.length).toBe(envelopeSize(size, CHUNK));
    expect(same(decryptEnvelope(sealed, key), plain)).toBe(true);
  });

  it("round-trips with the default chunk size and differs on every call", () => {
    const key = generateFileKey();
    const plain = Uint8Array.from(randomBytes(600_000));
    const a = encryptEnvelope(plain, key);
    const b = encryptEnvelope(plain, key);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(same(decryptEnvelope(a, key), plain)).toBe(true);
  });

  it("rejects bad magic", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.of(1, 2, 3), key, { chunkBytes: CHUNK });
    sealed[0] = 0x58;
    expectCode(() => decryptEnvelope(sealed, key), "bad_magic");
    expectCode(() => decryptEnvelope(new TextEncoder().encode("\x89PNG plain image"), key), "bad_magic");
  });

  it("rejects an unknown version", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.of(1, 2, 3), key, { chunkBytes: CHUNK });
    sealed[4] = 2;
    expectCode(() => decryptEnvelope(sealed, key), "bad_version");
  });

  it("rejects an out-of-range chunk size in the header", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.of(1, 2, 3), key, { chunkBytes: CHUNK });
    new DataView(sealed.buffer).setUint32(6, 1);
    expectCode(() => decryptEnvelope(sealed, key), "bad_header");
  });

  it("reports a wrong key as such", () => {
    const sealed = encryptEnvelope(Uint8Array.from(randomBytes(10_000)), generateFileKey(), { chunkBytes: CHUNK });
    expectCode(() => decryptEnvelope(sealed, generateFileKey()), "wrong_key");
  });

  it("detects an altered header (chunk size changed to another valid value)", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.from(randomBytes(10_000)), key, { chunkBytes: CHUNK });
    new DataView(sealed.buffer).setUint32(6, 8192);
    expect(() => decryptEnvelope(sealed, key)).toThrow(EnvelopeError);
  });

  it("detects a flipped ciphertext bit and a flipped tag bit", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.from(randomBytes(3 * CHUNK)), key, { chunkBytes: CHUNK });
    const body = Uint8Array.from(sealed);
    body[HEADER_BYTES + CHUNK + 5]! ^= 1;
    expectCode(() => decryptEnvelope(body, key), "tampered");
    const tag = Uint8Array.from(sealed);
    tag[sealed.length - 1]! ^= 0x80;
    expectCode(() => decryptEnvelope(tag, key), "tampered");
  });

  it("detects truncation at a chunk boundary, inside a chunk and inside the header", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.from(randomBytes(3 * CHUNK + 100)), key, { chunkBytes: CHUNK });
    const boundary = HEADER_BYTES + 2 * (CHUNK + TAG);
    expectCode(() => decryptEnvelope(sealed.subarray(0, boundary), key), "truncated");
    expect(() => decryptEnvelope(sealed.subarray(0, sealed.length - 50), key)).toThrow(EnvelopeError);
    expectCode(() => decryptEnvelope(sealed.subarray(0, HEADER_BYTES + 5), key), "truncated");
    expectCode(() => decryptEnvelope(sealed.subarray(0, HEADER_BYTES - 1), key), "truncated");
  });

  it("detects reordered chunks", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.from(randomBytes(3 * CHUNK)), key, { chunkBytes: CHUNK });
    const seg = CHUNK + TAG;
    const swapped = Uint8Array.from(sealed);
    swapped.set(sealed.subarray(HEADER_BYTES, HEADER_BYTES + seg), HEADER_BYTES + seg);
    swapped.set(sealed.subarray(HEADER_BYTES + seg, HEADER_BYTES + 2 * seg), HEADER_BYTES);
    expectCode(() => decryptEnvelope(swapped, key), "tampered");
  });

  it("detects appended data", () => {
    const key = generateFileKey();
    const sealed = encryptEnvelope(Uint8Array.from(randomBytes(CHUNK)), key, { chunkBytes: CHUNK });
    const longer = new Uint8Array(sealed.length + 40);
    longer.set(sealed);
    expect(() => decryptEnvelope(longer, key)).toThrow(EnvelopeError);
  });

  it("refuses keys of the wrong length", () => {
    expect(() => encryptEnvelope(Uint8Array.of(1), new Uint8Array(16))).toThrow(RangeError);
  });
});
