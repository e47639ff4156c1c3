import { ApiError } from "../../../shared/api";

/**
 * Maps core's typed failures onto contract codes by their name and code, so handlers can let
 * them propagate. Anything that smells of the network becomes "unavailable" (retry later), not
 * "internal" (a bug). Messages are ours: they never carry key material.
 */
export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  switch (error.name) {
    case "KeystoreError":
      switch (code) {
        case "no_keystore":
          return new ApiError("not_found", error.message);
        case "exists":
          return new ApiError("conflict", error.message);
        case "wrong_passphrase":
        case "throttled":
          return new ApiError("unauthorized", error.message);
        case "corrupt":
          return new ApiError("unavailable", error.message);
        case "bad_import":
          return new ApiError("invalid_input", error.message);
        case "locked":
          return new ApiError("locked", error.message);
      }
      return new ApiError("internal", error.message);
    case "EnvelopeError":
      return new ApiError("rejected", `the data cannot be opened (${String(code)}): ${error.message}`);
    case "BlobError":
      if (code === "hash_mismatch") return new ApiError("rejected", error.message);
      if (code === "not_found") return new ApiError("not_found", error.message);
      return new ApiError("unavailable", error.message);
    case "SolanaError":
    case "AbortError":
    case "TimeoutError":
      return new ApiError("unavailable", `the chain cannot be reached right now: ${error.message}`);
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) return new ApiError("unavailable", `the chain cannot be reached right now: ${error.message}`);
  return error;
}

/** Runs a handler body and rethrows its failure as a contract error. */
export async function guard<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toApiError(error);
  }
}
