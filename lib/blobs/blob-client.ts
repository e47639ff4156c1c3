// The one client of content-addressed HTTP blob stores (the localnet's, or any gateway): uploads
// return the hash, every download is bounded in time and size and checked against the hash it
// was asked for before a byte is used. BlobFetcher adds a disk cache and URI schemes on top.
import crypto from "node:crypto";
import { BlobError } from "./blob-errors";

/** A hung gateway must not hold a task or a campaign upload forever. */
export const DEFAULT_BLOB_TIMEOUT_MS = 30_000;
/** Larger than any task image or model the app handles; a bigger answer is refused unread. */
export const DEFAULT_MAX_BLOB_BYTES = 256 * 1024 * 1024;

export interface BlobLimits {
  /** For the whole exchange, body included: a gateway trickling bytes is cut off too. */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** "error" where the URL came from chain data: a redirect could point anywhere. */
  readonly redirect?: "follow" | "error" | "manual";
}

/** Downloaded bytes that do not hash to what was asked for. */
export class BlobIntegrityError extends BlobError {
  constructor(message: string) {
    super("hash_mismatch", message);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export function blobUri(blobUrl: string, hash: string): string {
  return `${blobUrl.replace(/\/$/, "")}/blobs/${hash}`;
}

/** The hash a blob URI names (its last path segment), if it names one. */
export function hashOfBlobUri(uri: string): string | undefined {
  const m = /\/blobs\/([0-9a-f]{64})$/.exec(uri);
  return m?.[1];
}

/** GETs a URL within the time and size limits; the size is enforced on the stream, not trusted from headers. */
export async function downloadBlob(url: string, limits: BlobLimits = {}): Promise<Uint8Array> {
  return (await streamBlob(url, limits)).bytes;
}

/**
 * Streams a URL's body within the limits, hashing it chunk by chunk as it arrives (a large blob
 * is never hashed in one long block of the event loop). Whatever the headers say, reading stops
 * at `maxBytes` and at the deadline.
 */
export async function streamBlob(url: string, limits: BlobLimits = {}): Promise<{ bytes: Uint8Array; sha256: string }> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_BLOB_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: limits.redirect ?? "follow" });
  } catch (error) {
    throw new BlobError(
      "unavailable",
      `cannot reach ${url}: ${signal.aborted ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    throw new BlobError("not_found", `${url} has no such blob`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new BlobError("unavailable", `${url} answered HTTP ${response.status}`);
  }
  const tooLarge = () => new BlobError("too_large", `${url} is larger than ${maxBytes} bytes`);
  if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  const hash = crypto.createHash("sha256");
  let total = 0;
  const reader = response.body?.getReader();
  try {
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge();
      }
      hash.update(next.value);
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof BlobError) throw error;
    await reader?.cancel().catch(() => undefined);
    const why = signal.aborted
      ? `not sent in full within ${timeoutMs} ms`
      : error instanceof Error
        ? error.message
        : String(error);
    throw new BlobError("unavailable", `${url} broke off: ${why}`);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks, total)), sha256: hash.digest("hex") };
}

/** Stores a blob at a content-addressed HTTP URI (PUT is idempotent there). */
export async function uploadBlob(uri: string, bytes: Uint8Array, timeoutMs = DEFAULT_BLOB_TIMEOUT_MS): Promise<void> {
  if (!uri.startsWith("http://") && !uri.startsWith("https://"))
    throw new BlobError("unsupported_uri", `cannot upload to ${uri}`);
  let response: Response;
  try {
    response = await fetch(uri, {
      method: "PUT",
      body: bytes as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new BlobError(
      "unavailable",
      `cannot reach ${uri}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (response.status !== 201 && response.status !== 200) {
    throw new BlobError(
      "unavailable",
      `upload to ${uri} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );
  }
}

/** Uploads to a blob store by its base URL; returns the hash and the URI it is served at. */
export async function putBlob(
  blobUrl: string,
  bytes: Uint8Array,
  limits: Pick<BlobLimits, "timeoutMs"> = {},
): Promise<{ hash: string; uri: string }> {
  const hash = sha256Hex(bytes);
  const uri = blobUri(blobUrl, hash);
  await uploadBlob(uri, bytes, limits.timeoutMs);
  return { hash, uri };
}

/** Downloads a blob and verifies it hashes to `expectedHash`. */
export async function getBlob(uri: string, expectedHash: string, limits: BlobLimits = {}): Promise<Uint8Array> {
  const { bytes, sha256: actual } = await streamBlob(uri, limits);
  if (actual !== expectedHash)
    throw new BlobIntegrityError(`blob ${uri} hashes to ${actual}, expected ${expectedHash}`);
  return bytes;
}
