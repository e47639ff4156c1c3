/**
 * Envelope layout (DESIGN §4), all integers big-endian:
 *
 *   header  = magic "AMPE" (4) | version (1) | flags (1, zero) | chunk size (4) |
 *             nonce prefix (7, random) | key check (16)
 *   body    = segment*   where segment = AES-256-GCM(chunk) (≤ chunk size) | tag (16)
 *
 * Chunk i is sealed with nonce = prefix (7) | i (4) | last (1) and the first 17 header bytes
 * as associated data (the STREAM construction): dropping, reordering or cutting segments
 * changes a nonce and fails authentication, and the header cannot be altered either. The key
 * check is HMAC-SHA256(key, label | header[0..17]) truncated, so a wrong key is reported as
 * such instead of as tampering, and GCM's lack of key commitment is closed.
 */
export const MAGIC = Uint8Array.of(0x41, 0x4d, 0x50, 0x45);
export const VERSION = 1;
export const PREFIX_BYTES = 7;
export const KEY_CHECK_BYTES = 16;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** magic + version + flags + chunk size + nonce prefix: the authenticated part of the header. */
export const AAD_BYTES = 4 + 1 + 1 + 4 + PREFIX_BYTES;
export const HEADER_BYTES = AAD_BYTES + KEY_CHECK_BYTES;
export const MIN_CHUNK_BYTES = 4 * 1024;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
export const KEY_CHECK_LABEL = new TextEncoder().encode("amplify/envelope/v1/key-check");
/** Counters are 32 bits: 2^32 chunks of ≥ 4 KiB is far past any task file. */
export const MAX_CHUNKS = 0xffffffff;

export function chunkNonce(prefix: Uint8Array, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.set(prefix, 0);
  nonce.writeUInt32BE(index, PREFIX_BYTES);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Ciphertext length for a plaintext of `plainBytes` (at least one chunk, possibly empty). */
export function envelopeSize(plainBytes: number, chunkBytes = DEFAULT_CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(plainBytes / chunkBytes));
  return HEADER_BYTES + plainBytes + chunks * TAG_BYTES;
}
