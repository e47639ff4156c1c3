export type BlobErrorCode = "unsupported_uri" | "not_found" | "unavailable" | "hash_mismatch" | "too_large";

export class BlobError extends Error {
  override name = "BlobError";
  constructor(
    readonly code: BlobErrorCode,
    message: string,
  ) {
    super(message);
  }
}
