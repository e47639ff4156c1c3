import { decryptEnvelope, encryptEnvelope } from "./envelope";
import { EnvelopeError } from "./envelope-error";
import { WRAPPED_KEY_BYTES, generateFileKey, unwrapFileKey, wrapFileKey } from "./key-wrap";

/**
 * A blob sealed to one recipient's X25519 key: magic "AMPR" | version 1 | wrapped file key
 * (104) | envelope. Workers use it for private results (to the requester), and the requester
 * CLI opens it with its secret; the file key is fresh per blob and never stored.
 */
const MAGIC = Uint8Array.of(0x41, 0x4d, 0x50, 0x52);
const VERSION = 1;
const PREFIX = MAGIC.length + 1 + WRAPPED_KEY_BYTES;

export function sealToRecipient(plain: Uint8Array, recipientX25519Public: Uint8Array): Uint8Array {
  const fileKey = generateFileKey();
  try {
    const envelope = encryptEnvelope(plain, fileKey);
    const out = new Uint8Array(PREFIX + envelope.length);
    out.set(MAGIC, 0);
    out[4] = VERSION;
    out.set(wrapFileKey(fileKey, recipientX25519Public), 5);
    out.set(envelope, PREFIX);
    return out;
  } finally {
    fileKey.fill(0);
  }
}

export function openSealed(sealed: Uint8Array, recipientX25519Secret: Uint8Array): Uint8Array {
  if (sealed.length < PREFIX) throw new EnvelopeError("truncated", "sealed blob is shorter than its header");
  for (let i = 0; i < MAGIC.length; i++) {
    if (sealed[i] !== MAGIC[i]) throw new EnvelopeError("bad_magic", "not an Amplify sealed blob (bad magic)");
  }
  if (sealed[4] !== VERSION) throw new EnvelopeError("bad_version", `unsupported sealed blob version ${sealed[4]}`);
  const fileKey = unwrapFileKey(sealed.subarray(5, PREFIX), recipientX25519Secret);
  try {
    return decryptEnvelope(sealed.subarray(PREFIX), fileKey);
  } finally {
    fileKey.fill(0);
  }
}
