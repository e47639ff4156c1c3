import { describe, expect, it } from "vitest";
import {
  EnvelopeError,
  WRAPPED_KEY_BYTES,
  generateFileKey,
  generateX25519KeyPair,
  sha256,
  unwrapFileKey,
  wrapFileKey,
  x25519PublicKey,
} from "../../../../lib/crypto";

describe("file key wrapping", () => {
  it("wraps to 104 bytes and unwraps with the recipient secret", () => {
    const recipient = generateX25519KeyPair();
    const key = generateFileKey();
    const wrapped = wrapFileKey(key, recipient.publicKey);
    expect(wrapped.length).toBe(104);
    expect(WRAPPED_KEY_BYTES).toBe(104);
    expect(unwrapFileKey(wrapped, recipient.secretKey)).toEqual(key);
    expect(x25519PublicKey(recipient.secretKey)).toEqual(recipient.publicKey);
  });

  it("fails for another recipient, an altered box and a bad length", () => {
    const recipient = generateX25519KeyPair();
    const wrapped = wrapFileKey(generateFileKey(), recipient.publicKey);
    expect(() => unwrapFileKey(wrapped, generateX25519KeyPair().secretKey)).toThrow(EnvelopeError);
    const altered = Uint8Array.from(wrapped);
    altered[80]! ^= 1;
    expect(() => unwrapFileKey(altered, recipient.secretKey)).toThrow(EnvelopeError);
    expect(() => unwrapFileKey(wrapped.subarray(0, 100), recipient.secretKey)).toThrow(EnvelopeError);
  });

  it("hashes with sha256", () => {
    expect(Buffer.from(sha256(new TextEncoder().encode("abc"))).toString("hex")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("sealed blobs", () => {
  it("seal to a recipient and open with its secret only", async () => {
    const { openSealed, sealToRecipient } = await import("../../../../lib/crypto");
    const recipient = generateX25519KeyPair();
    const plain = new TextEncoder().encode('{"taskId":"t"}');
    const sealed = sealToRecipient(plain, recipient.publicKey);
    expect(Buffer.from(openSealed(sealed, recipient.secretKey)).toString()).toBe('{"taskId":"t"}');
    expect(() => openSealed(sealed, generateX25519KeyPair().secretKey)).toThrow(EnvelopeError);
    expect(() => openSealed(sealed.subarray(0, 50), recipient.secretKey)).toThrow(EnvelopeError);
  });
});
