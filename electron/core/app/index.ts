export { APP_DIR_NAME, resolveDataDir } from "./data-dir";
export { appHandlers } from "./app-handlers";
export type { AppIdentity } from "./app-handlers";
