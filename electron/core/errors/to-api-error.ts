import { ApiError } from "../../../shared/api";
import { describeErrno } from "../../../lib/files";

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
  if (error instanceof TypeError && /fetch failed/.test(error.message))
    return new ApiError("unavailable", `the chain cannot be reached right now: ${error.message}`);
  if (error.name === "FileReadError") return new ApiError("invalid_input", error.message);
  if (typeof code === "string" && /^E[A-Z0-9]+$/.test(code)) return errnoError(error as NodeJS.ErrnoException, code);
  return error;
}

/**
 * A file-system or socket failure says what is wrong with which path, with a code the caller
 * can act on: a bad path is the caller's input, a missing file is not found, the rest is the
 * machine's state right now. Never "internal": these are not bugs.
 */
function errnoError(error: NodeJS.ErrnoException, code: string): ApiError {
  const where = error.path ? `${error.path}: ` : "";
  const sentence = `${where}${describeErrno(error)}`;
  switch (code) {
    case "EINVAL":
    case "ENAMETOOLONG":
    case "ENOTDIR":
    case "EISDIR":
    case "ELOOP":
      return new ApiError("invalid_input", `cannot use ${sentence}`);
    case "ENOENT":
      return new ApiError("not_found", `cannot find ${sentence}`);
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "EEXIST":
      return new ApiError("rejected", `cannot use ${sentence}`);
    default:
      return new ApiError("unavailable", `cannot do that right now (${sentence})`);
  }
}

/** Runs a handler body and rethrows its failure as a contract error. */
export async function guard<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toApiError(error);
  }
}
