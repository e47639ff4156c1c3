import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { EnvelopeError } from "./envelope-error";
import {
  AAD_BYTES,
  DEFAULT_CHUNK_BYTES,
  HEADER_BYTES,
  KEY_BYTES,
  KEY_CHECK_BYTES,
  KEY_CHECK_LABEL,
  MAGIC,
  MAX_CHUNKS,
  MAX_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  PREFIX_BYTES,
  TAG_BYTES,
  VERSION,
  chunkNonce,
  envelopeSize,
} from "./envelope-format";

export interface EnvelopeOptions {
  /** Plaintext bytes per chunk; 4 KiB to 16 MiB. */
  readonly chunkBytes?: number;
}

/** Seals `plain` under a 32-byte file key. A fresh nonce prefix makes every call distinct. */
export function encryptEnvelope(plain: Uint8Array, fileKey: Uint8Array, options: EnvelopeOptions = {}): Uint8Array {
  checkKey(fileKey);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunk size must be an integer from ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES}`);
  }
  const chunks = Math.max(1, Math.ceil(plain.length / chunkBytes));
  if (chunks > MAX_CHUNKS) throw new RangeError("plaintext too large for one envelope");

  // A non-pooled buffer: the result may be transferred to another thread.
  const out = new Uint8Array(envelopeSize(plain.length, chunkBytes));
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  out[5] = 0;
  view.setUint32(6, chunkBytes);
  const prefix = randomBytes(PREFIX_BYTES);
  out.set(prefix, 10);
  const aad = out.subarray(0, AAD_BYTES);
  out.set(keyCheck(fileKey, aad), AAD_BYTES);

  let offset = HEADER_BYTES;
  for (let i = 0; i < chunks; i++) {
    const chunk = plain.subarray(i * chunkBytes, Math.min(plain.length, (i + 1) * chunkBytes));
    const cipher = createCipheriv("aes-256-gcm", fileKey, chunkNonce(prefix, i, i === chunks - 1));
    cipher.setAAD(aad);
    const body = cipher.update(chunk);
    out.set(body, offset);
    offset += body.length;
    const tail = cipher.final();
    out.set(tail, offset);
    offset += tail.length;
    out.set(cipher.getAuthTag(), offset);
    offset += TAG_BYTES;
  }
  return out;
}

/**
 * Opens an envelope, or throws EnvelopeError saying why not: bad magic or version, a header
 * that is not ours, a key that is not the one it was sealed with, segments missing at the end
 * (truncated) or any byte changed, moved or removed elsewhere (tampered).
 */
export function decryptEnvelope(cipher: Uint8Array, fileKey: Uint8Array): Uint8Array {
  checkKey(fileKey);
  if (cipher.length < 4) throw new EnvelopeError("truncated", "envelope is shorter than its header");
  for (let i = 0; i < MAGIC.length; i++) {
    if (cipher[i] !== MAGIC[i]) throw new EnvelopeError("bad_magic", "not an Amplify envelope (bad magic)");
  }
  if (cipher.length < HEADER_BYTES) throw new EnvelopeError("truncated", "envelope is shorter than its header");
  if (cipher[4] !== VERSION) throw new EnvelopeError("bad_version", `unsupported envelope version ${cipher[4]}`);
  if (cipher[5] !== 0) throw new EnvelopeError("bad_header", "unknown envelope flags");
  const chunkBytes = new DataView(cipher.buffer, cipher.byteOffset, cipher.byteLength).getUint32(6);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new EnvelopeError("bad_header", `envelope chunk size ${chunkBytes} is out of range`);
  }
  const aad = cipher.subarray(0, AAD_BYTES);
  const expected = keyCheck(fileKey, aad);
  const stored = cipher.subarray(AAD_BYTES, HEADER_BYTES);
  if (!timingSafeEqual(expected, stored)) {
    throw new EnvelopeError("wrong_key", "the file key does not open this envelope (wrong key or altered header)");
  }
  const prefix = cipher.subarray(10, 10 + PREFIX_BYTES);

  const bodyBytes = cipher.length - HEADER_BYTES;
  const segmentBytes = chunkBytes + TAG_BYTES;
  const chunks = Math.max(1, Math.ceil(bodyBytes / segmentBytes));
  const lastSegment = bodyBytes - (chunks - 1) * segmentBytes;
  if (lastSegment < TAG_BYTES) throw new EnvelopeError("truncated", "envelope ends inside an authentication tag");
  if (chunks > MAX_CHUNKS) throw new EnvelopeError("bad_header", "envelope has too many chunks");

  const out = new Uint8Array(bodyBytes - chunks * TAG_BYTES);
  let read = HEADER_BYTES;
  let written = 0;
  for (let i = 0; i < chunks; i++) {
    const last = i === chunks - 1;
    const size = (last ? lastSegment : segmentBytes) - TAG_BYTES;
    const body = cipher.subarray(read, read + size);
    const tag = cipher.subarray(read + size, read + size + TAG_BYTES);
    const plain = openChunk(fileKey, prefix, aad, i, last, body, tag);
    if (!plain) {
      // The last segment may be a whole middle chunk: the real end was cut off.
      if (last && size === chunkBytes && openChunk(fileKey, prefix, aad, i, false, body, tag)) {
        throw new EnvelopeError("truncated", `envelope was cut short after chunk ${i}`);
      }
      throw new EnvelopeError("tampered", `chunk ${i} failed authentication (tampered, reordered or corrupted)`);
    }
    out.set(plain, written);
    written += plain.length;
    read += size + TAG_BYTES;
  }
  return out;
}

function openChunk(
  key: Uint8Array,
  prefix: Uint8Array,
  aad: Uint8Array,
  index: number,
  last: boolean,
  body: Uint8Array,
  tag: Uint8Array,
): Buffer | null {
  const decipher = createDecipheriv("aes-256-gcm", key, chunkNonce(prefix, index, last));
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const plain = decipher.update(body);
  try {
    decipher.final();
  } catch {
    return null;
  }
  return plain;
}

function keyCheck(key: Uint8Array, aad: Uint8Array): Buffer {
  return createHmac("sha256", key).update(KEY_CHECK_LABEL).update(aad).digest().subarray(0, KEY_CHECK_BYTES);
}

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES)
    throw new RangeError(`file key must be ${KEY_BYTES} bytes`);
}
