export { DEFAULT_RPC_URL, SettingsRepository, defaultSettings } from "./settings-repository";
export { settingsHandlers } from "./settings-handlers";
