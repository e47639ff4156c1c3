export { BlobFetcher, uploadBlob } from "./blob-fetcher";
export type { BlobFetcherOptions } from "./blob-fetcher";
export { BlobError } from "./blob-errors";
export type { BlobErrorCode } from "./blob-errors";
export { BlobIntegrityError, blobUri, getBlob, hashOfBlobUri, putBlob, sha256Hex } from "./blob-client";
