/** Why an envelope or a wrapped key could not be opened. Each cause gets its own code so the
 * UI can tell "the download was cut short" from "someone changed the bytes". */
export type EnvelopeErrorCode =
  "bad_magic" | "bad_version" | "bad_header" | "truncated" | "tampered" | "wrong_key" | "bad_wrapped_key";

export class EnvelopeError extends Error {
  override name = "EnvelopeError";
  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
