import type { AppInfo } from "../../../shared/api";
import type { HandlerGroup } from "../api";
import type { NetMonitor } from "../net";
import type { Store } from "../store";

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly shell: AppInfo["shell"];
  readonly dataDir: string;
}

export function appHandlers(
  identity: AppIdentity,
  store: Store,
  net: NetMonitor,
): HandlerGroup<"app:info" | "app:ping" | "net:status"> {
  const startedAt = Date.now();
  return {
    "app:info": () => ({
      ...identity,
      platform: `${process.platform}-${process.arch}`,
      nodeVersion: process.versions.node,
      startedAt,
      store: store.health(),
    }),
    "app:ping": ({ nonce }) => ({ nonce, at: Date.now() }),
    "net:status": () => net.fresh(),
  };
}
