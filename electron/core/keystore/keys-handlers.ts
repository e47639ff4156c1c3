import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { Keystore } from "./keystore";

type KeysChannel =
  "keys:status" | "keys:create" | "keys:import" | "keys:unlock" | "keys:lock" | "keys:changePassphrase";

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
