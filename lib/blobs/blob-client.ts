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
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
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
  const timeoutMs = limits.timeoutMs ?? DEFAULT_BLOB_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new BlobError("unavailable", `cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404) throw new BlobError("not_found", `${url} has no such blob`);
  if (!response.ok) throw new BlobError("unavailable", `${url} answered HTTP ${response.status}`);
  const tooLarge = () => new BlobError("too_large", `${url} is larger than ${maxBytes} bytes`);
  if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  try {
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader?.cancel();
        throw tooLarge();
      }
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof BlobError) throw error;
    throw new BlobError("unavailable", `${url} broke off: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** Stores a blob at a content-addressed HTTP URI (PUT is idempotent there). */
export async function uploadBlob(uri: string, bytes: Uint8Array, timeoutMs = DEFAULT_BLOB_TIMEOUT_MS): Promise<void> {
  if (!uri.startsWith("http://") && !uri.startsWith("https://")) throw new BlobError("unsupported_uri", `cannot upload to ${uri}`);
  let response: Response;
  try {
    response = await fetch(uri, { method: "PUT", body: bytes as Uint8Array<ArrayBuffer>, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new BlobError("unavailable", `cannot reach ${uri}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status !== 201 && response.status !== 200) {
    throw new BlobError("unavailable", `upload to ${uri} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
}

/** Uploads to a blob store by its base URL; returns the hash and the URI it is served at. */
export async function putBlob(blobUrl: string, bytes: Uint8Array, limits: Pick<BlobLimits, "timeoutMs"> = {}): Promise<{ hash: string; uri: string }> {
  const hash = sha256Hex(bytes);
  const uri = blobUri(blobUrl, hash);
  await uploadBlob(uri, bytes, limits.timeoutMs);
  return { hash, uri };
}

/** Downloads a blob and verifies it hashes to `expectedHash`. */
export async function getBlob(uri: string, expectedHash: string, limits: BlobLimits = {}): Promise<Uint8Array> {
  const bytes = await downloadBlob(uri, limits);
  const actual = sha256Hex(bytes);
  if (actual !== expectedHash) throw new BlobIntegrityError(`blob ${uri} hashes to ${actual}, expected ${expectedHash}`);
  return bytes;
}
