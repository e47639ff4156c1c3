import { ApiError } from "../../../shared/api";
import type { CampaignExample } from "../../../shared/api/tasks";
import { BlobError } from "../../../lib/blobs";
import type { BlobFetcher } from "../../../lib/blobs";
import { sniffMime } from "./mime";

/** The picture types the instructions panel shows (by first bytes, whatever the requester named them). */
const SHOWN = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

/**
 * Fetches one example image a campaign's metadata names: through the configured gateways, capped
 * at the example size, its sha256 checked against the metadata's (itself hashed on chain), its
 * type read from its first bytes. Every failure is one sentence for the worker, who sees it in
 * the panel in place of that image while the rest of the instructions stay.
 */
export async function fetchExample(
  blobs: Pick<BlobFetcher, "fetch" | "limitsOf">,
  example: CampaignExample,
  index: number,
): Promise<{ image: Uint8Array<ArrayBuffer>; mime: string }> {
  const which = `Example image ${index + 1}`;
  let bytes: Uint8Array;
  try {
    bytes = await blobs.fetch(example.uri, example.sha256, "example");
  } catch (error) {
    throw exampleFailure(error, which, blobs.limitsOf("example").maxBytes);
  }
  const mime = sniffMime(bytes);
  if (!SHOWN.has(mime))
    throw new ApiError(
      "rejected",
      `${which} is not a picture the app can show (its bytes are not a PNG, JPEG, WebP or GIF image), so it is left out.`,
    );
  return { image: bytes as Uint8Array<ArrayBuffer>, mime };
}

function exampleFailure(error: unknown, which: string, maxBytes: number): ApiError {
  if (!(error instanceof BlobError)) return new ApiError("internal", `${which} could not be loaded.`);
  switch (error.code) {
    case "hash_mismatch":
      return new ApiError(
        "rejected",
        `${which} was changed after the requester posted the campaign (its bytes do not match the campaign's record of them), so it is not shown.`,
      );
    case "too_large":
      return new ApiError(
        "rejected",
        `${which} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB, more than an example may be, so it is not loaded.`,
      );
    case "not_found":
      return new ApiError("not_found", `${which} is missing: your blob gateway does not have it.`);
    case "unsupported_uri":
      return new ApiError(
        "rejected",
        `${which} is stored somewhere the app does not fetch from (only your blob gateways), so it is not shown.`,
      );
    default:
      return new ApiError(
        "unavailable",
        `${which} could not be fetched: your blob gateway did not answer. It is tried again the next time the instructions open.`,
      );
  }
}
