export { createCore } from "./core";
export type { Core, CoreOptions } from "./core";
export { resolveDataDir } from "./app";
export type { AppIdentity } from "./app";
export { StoreCorruptError } from "./store";
