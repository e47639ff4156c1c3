import { ApiError } from "../../../shared/api";
import type { KeyImportSource } from "../../../shared/api";
import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { Keystore } from "./keystore";
import { KeystoreError } from "./keystore-errors";

type KeysChannel =
  "keys:status" | "keys:create" | "keys:import" | "keys:unlock" | "keys:lock" | "keys:changePassphrase";

export function keysHandlers(keystore: Keystore): HandlerGroup<KeysChannel> {
  return {
    "keys:status": () => keystore.status(),
    "keys:create": ({ passphrase, replace }) => guard(() => keystore.create(passphrase, replace)),
    "keys:import": ({ source, passphrase, replace }) =>
      guard(() => keystore.import(source, passphrase, replace).catch(onSourceField(source))),
    "keys:unlock": ({ passphrase }) => guard(() => keystore.unlock(passphrase)),
    "keys:lock": () => keystore.lock(),
    "keys:changePassphrase": ({ current, next }) => guard(() => keystore.changePassphrase(current, next)),
  };
}

/** A key that cannot be imported is a problem with the field it came from: the file path or the secret. */
function onSourceField(source: KeyImportSource) {
  return (error: unknown): never => {
    if (error instanceof KeystoreError && error.code === "bad_import")
      throw ApiError.field(source.kind === "file" ? "source.path" : "source.secret", error.message);
    throw error;
  };
}
