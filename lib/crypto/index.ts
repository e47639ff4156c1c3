export { encryptEnvelope, decryptEnvelope } from "./envelope";
export type { EnvelopeOptions } from "./envelope";
export { EnvelopeError } from "./envelope-error";
export type { EnvelopeErrorCode } from "./envelope-error";
export { DEFAULT_CHUNK_BYTES, HEADER_BYTES, envelopeSize } from "./envelope-format";
export {
  WRAPPED_KEY_BYTES,
  generateFileKey,
  generateX25519KeyPair,
  unwrapFileKey,
  wrapFileKey,
  x25519PublicKey,
} from "./key-wrap";
export type { X25519KeyPair } from "./key-wrap";
export { bytesEqual, sha256, toHex } from "./hash";
export { openSealed, sealToRecipient } from "./sealed-box";
