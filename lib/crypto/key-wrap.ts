import nacl from "tweetnacl";
import { randomBytes } from "node:crypto";
import { EnvelopeError } from "./envelope-error";
import { KEY_BYTES } from "./envelope-format";

/** ephemeral public key (32) | nonce (24) | box of the 32-byte key (48): the program's field. */
export const WRAPPED_KEY_BYTES = 32 + 24 + KEY_BYTES + 16;

export interface X25519KeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export function generateFileKey(): Uint8Array {
  return Uint8Array.from(randomBytes(KEY_BYTES));
}

export function generateX25519KeyPair(): X25519KeyPair {
  const pair = nacl.box.keyPair();
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

/** Derives the public half of an X25519 secret (to re-register or verify a stored key). */
export function x25519PublicKey(secretKey: Uint8Array): Uint8Array {
  return nacl.box.keyPair.fromSecretKey(secretKey).publicKey;
}

/**
 * Wraps a file key to a recipient with nacl.box from a throwaway sender key, so the wrapped
 * key says nothing about who wrapped it and the sender needs no long-lived box key.
 */
export function wrapFileKey(fileKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  if (fileKey.length !== KEY_BYTES) throw new RangeError(`file key must be ${KEY_BYTES} bytes`);
  if (recipientPublicKey.length !== nacl.box.publicKeyLength)
    throw new RangeError("recipient X25519 key must be 32 bytes");
  const ephemeral = nacl.box.keyPair();
  const nonce = Uint8Array.from(randomBytes(nacl.box.nonceLength));
  const boxed = nacl.box(fileKey, nonce, recipientPublicKey, ephemeral.secretKey);
  const out = new Uint8Array(WRAPPED_KEY_BYTES);
  out.set(ephemeral.publicKey, 0);
  out.set(nonce, 32);
  out.set(boxed, 56);
  ephemeral.secretKey.fill(0);
  return out;
}

export function unwrapFileKey(wrapped: Uint8Array, recipientSecretKey: Uint8Array): Uint8Array {
  if (wrapped.length !== WRAPPED_KEY_BYTES) {
    throw new EnvelopeError("bad_wrapped_key", `wrapped key must be ${WRAPPED_KEY_BYTES} bytes, got ${wrapped.length}`);
  }
  if (recipientSecretKey.length !== nacl.box.secretKeyLength)
    throw new RangeError("X25519 secret key must be 32 bytes");
  const opened = nacl.box.open(
    wrapped.subarray(56),
    wrapped.subarray(32, 56),
    wrapped.subarray(0, 32),
    recipientSecretKey,
  );
  if (!opened || opened.length !== KEY_BYTES) {
    throw new EnvelopeError("bad_wrapped_key", "the wrapped key was not sealed to this worker's key, or was altered");
  }
  return opened;
}
