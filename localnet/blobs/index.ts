export { BlobStore, BlobHashMismatchError, HASH_PATTERN } from "./blobStore";
export { startBlobServer, DEFAULT_MAX_BLOB_BYTES } from "./blobServer";
export type { BlobServer } from "./blobServer";
