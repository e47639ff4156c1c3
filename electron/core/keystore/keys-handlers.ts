import { ApiError } from "../../../shared/api";
import type { HandlerGroup } from "../api";
import type { Keystore } from "./keystore";
import { KeystoreError } from "./keystore-errors";

type KeysChannel = "keys:status" | "keys:create" | "keys:import" | "keys:unlock" | "keys:lock" | "keys:changePassphrase";

export function keysHandlers(keystore: Keystore): HandlerGroup<KeysChannel> {
  return {
    "keys:status": () => keystore.status(),
    "keys:create": ({ passphrase, replace }) => guard(() => keystore.create(passphrase, replace)),
    "keys:import": ({ source, passphrase, replace }) => guard(() => keystore.import(source, passphrase, replace)),
    "keys:unlock": ({ passphrase }) => guard(() => keystore.unlock(passphrase)),
    "keys:lock": () => keystore.lock(),
    "keys:changePassphrase": ({ current, next }) => guard(() => keystore.changePassphrase(current, next)),
  };
}

/** Maps keystore failures onto contract codes; messages never contain key material. */
export async function guard<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toApiError(error);
  }
}

export function toApiError(error: unknown): unknown {
  if (!(error instanceof KeystoreError)) return error;
  switch (error.code) {
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
}
