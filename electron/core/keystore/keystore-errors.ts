export type KeystoreErrorCode =
  "no_keystore" | "exists" | "wrong_passphrase" | "throttled" | "corrupt" | "bad_import" | "locked";

export class KeystoreError extends Error {
  override name = "KeystoreError";
  constructor(
    readonly code: KeystoreErrorCode,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}
