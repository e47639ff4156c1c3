// The blob client: content-addressed upload/download with a timeout, a size cap and a hash check
// (blob-client), and the worker's cached fetcher for task data by URI (blob-fetcher).
export { BlobFetcher } from "./blob-fetcher";
export type { BlobFetcherOptions } from "./blob-fetcher";
export { BlobError } from "./blob-errors";
export type { BlobErrorCode } from "./blob-errors";
export {
  BlobIntegrityError,
  DEFAULT_BLOB_TIMEOUT_MS,
  DEFAULT_MAX_BLOB_BYTES,
  blobUri,
  downloadBlob,
  getBlob,
  hashOfBlobUri,
  putBlob,
  sha256Hex,
  uploadBlob,
} from "./blob-client";
export type { BlobLimits } from "./blob-client";
