import { ApiError } from "../../../shared/api";
import { RequesterError } from "../../../lib/chain";
import { describeErrno } from "../../../lib/files";

/**
 * Maps core's typed failures onto contract codes by their name and code, so handlers can let
 * them propagate. Anything that smells of the network becomes "unavailable" (retry later), not
 * "internal" (a bug). Messages are ours: they never carry key material.
 */
export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError || !(error instanceof Error)) return error;
  // The library's sentences for a person about their input, wallet or network (CLI and app alike).
  if (error instanceof RequesterError) return new ApiError("rejected", error.message);
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
      return new ApiError("rejected", envelopeSentence(String(code)));
    case "BlobError":
      return blobError(String(code));
    case "SolanaError":
    case "AbortError":
    case "TimeoutError":
      return new ApiError("unavailable", UNREACHABLE);
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) return new ApiError("unavailable", UNREACHABLE);
  if (error.name === "FileReadError") return new ApiError("invalid_input", asSentence(error.message));
  if (typeof code === "string" && /^E[A-Z0-9]+$/.test(code)) return errnoError(error as NodeJS.ErrnoException, code);
  return error;
}

/** "cannot read the file …" → "Cannot read the file ….": what the person reads starts and ends as a sentence. */
function asSentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/** The person's situation when the chain is out of reach (the detail is the log's, not theirs). */
export const UNREACHABLE =
  "The Solana network cannot be reached right now: check your connection and the RPC address in Settings. Nothing was lost; try again when it is back.";

/** Sealed data that does not open: what it means for the worker, by the envelope's failure code. */
function envelopeSentence(code: string): string {
  switch (code) {
    case "wrong_key":
    case "bad_wrapped_key":
      return "This task's data cannot be opened with the key the requester granted you (it was sealed for another key, or changed on the way). It stays in your queue; the requester's app may grant the key again.";
    case "tampered":
    case "truncated":
      return "This task's data cannot be opened: it was damaged or changed after the requester posted it.";
    default:
      return "This task's data cannot be opened: it is not in a form this app reads (it may come from a newer app, or be damaged).";
  }
}

/** Data a URI on chain names could not be had: what that means for the person, by the fetch's failure. */
function blobError(code: string): ApiError {
  switch (code) {
    case "hash_mismatch":
      return new ApiError(
        "rejected",
        "The data on the blob gateway was changed after it was posted (it does not match its hash on chain), so it is not used.",
      );
    case "not_found":
      return new ApiError("not_found", "Your blob gateway does not have this data (yet); it is tried again later.");
    case "too_large":
      return new ApiError("rejected", "This data is larger than the app reads for its kind, so it is not used.");
    case "unsupported_uri":
      return new ApiError(
        "rejected",
        "This data is stored somewhere the app does not fetch from: add that blob gateway in Settings if you trust it.",
      );
    default:
      return new ApiError(
        "unavailable",
        "Your blob gateway cannot be reached right now: check it in Settings. It is tried again later.",
      );
  }
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
      return new ApiError("invalid_input", `The app cannot use ${sentence}.`);
    case "ENOENT":
      return new ApiError("not_found", `The app cannot find ${sentence}.`);
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "EEXIST":
      return new ApiError("rejected", `The app cannot use ${sentence}.`);
    default:
      return new ApiError("unavailable", `The app cannot do that right now (${sentence}).`);
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
