// A private task's result travels sealed to the requester (core's "AMPR" sealed box: magic,
// version, the file key wrapped to the requester's X25519 key, then the envelope). Public
// results are the canonical JSON annotation document itself.
import { openSealed, sealToRecipient } from "../crypto";

const MAGIC = [0x41, 0x4d, 0x50, 0x52]; // "AMPR"

export function isSealedResult(bytes: Uint8Array): boolean {
  return bytes.length > MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

export function sealResult(plain: Uint8Array, requesterX25519Public: Uint8Array): Uint8Array {
  return sealToRecipient(plain, requesterX25519Public);
}

export function openResult(sealed: Uint8Array, requesterX25519Secret: Uint8Array): Uint8Array {
  return openSealed(sealed, requesterX25519Secret);
}
