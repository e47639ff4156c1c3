// Client side of any content-addressed HTTP blob store: uploads return the hash, and every
// download is checked against the hash it was asked for before a byte is used.
import crypto from "node:crypto";

export class BlobIntegrityError extends Error {}

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

export async function putBlob(blobUrl: string, bytes: Uint8Array): Promise<{ hash: string; uri: string }> {
  const hash = sha256Hex(bytes);
  const res = await fetch(blobUri(blobUrl, hash), { method: "PUT", body: new Uint8Array(bytes) });
  if (res.status !== 201) throw new Error(`blob upload failed (${res.status}): ${await res.text()}`);
  return { hash, uri: blobUri(blobUrl, hash) };
}

export async function getBlob(uri: string, expectedHash: string): Promise<Uint8Array> {
  const res = await fetch(uri);
  if (!res.ok) throw new Error(`blob fetch ${uri} failed (${res.status})`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const actual = sha256Hex(bytes);
  if (actual !== expectedHash) throw new BlobIntegrityError(`blob ${uri} hashes to ${actual}, expected ${expectedHash}`);
  return bytes;
}
