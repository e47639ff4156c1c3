// A private task's result travels sealed to the requester: "AMPR", a version byte, the
// result's file key wrapped to the requester's X25519 key (104 bytes), then the envelope.
// Public results are the canonical JSON annotation document itself.
import { decryptEnvelope, encryptEnvelope, generateFileKey, unwrapFileKey, wrapFileKey, WRAPPED_KEY_BYTES } from "../../../electron/core/crypto";

const MAGIC = Uint8Array.from([0x41, 0x4d, 0x50, 0x52]); // "AMPR"
const VERSION = 1;
const HEADER = MAGIC.length + 1 + WRAPPED_KEY_BYTES;

export function isSealedResult(bytes: Uint8Array): boolean {
  return bytes.length > HEADER && MAGIC.every((b, i) => bytes[i] === b);
}

export function sealResult(plain: Uint8Array, requesterX25519Public: Uint8Array): Uint8Array {
  const fileKey = generateFileKey();
  const body = encryptEnvelope(plain, fileKey);
  const out = new Uint8Array(HEADER + body.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = VERSION;
  out.set(wrapFileKey(fileKey, requesterX25519Public), MAGIC.length + 1);
  out.set(body, HEADER);
  fileKey.fill(0);
  return out;
}

export function openResult(sealed: Uint8Array, requesterX25519Secret: Uint8Array): Uint8Array {
  if (!isSealedResult(sealed) || sealed[MAGIC.length] !== VERSION) throw new Error("not a sealed Amplify result (version 1)");
  const fileKey = unwrapFileKey(sealed.subarray(MAGIC.length + 1, HEADER), requesterX25519Secret);
  try {
    return decryptEnvelope(sealed.subarray(HEADER), fileKey);
  } finally {
    fileKey.fill(0);
  }
}
