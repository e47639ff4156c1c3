// The label kind a campaign's metadata names, fetched by URI and checked against the hash the
// campaign recorded on chain (a gateway cannot change what a campaign asks for).
import { createHash } from "node:crypto";
import { z } from "zod";

const MAX_METADATA_BYTES = 256 * 1024;
const Metadata = z.object({ labelKind: z.string().max(64).optional() }).loose();

export async function fetchLabelKind(uri: string, hashHex: string | null, timeoutMs = 5_000): Promise<string | null> {
  if (!hashHex || !/^https?:\/\//.test(uri)) return null;
  const response = await fetch(uri, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) return null;
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_METADATA_BYTES) return null;
  if (createHash("sha256").update(bytes).digest("hex") !== hashHex) return null;
  try {
    return Metadata.parse(JSON.parse(bytes.toString("utf8"))).labelKind ?? null;
  } catch {
    return null;
  }
}
