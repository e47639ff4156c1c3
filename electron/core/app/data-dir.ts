import { homedir } from "node:os";
import { join } from "node:path";

export const APP_DIR_NAME = "Amplify Workstation";

/**
 * Where the app keeps its database, keystore and ciphertext cache: AMPLIFY_HOME when set,
 * otherwise the platform's user-data folder (the same one Electron's app.getPath("userData")
 * picks for this product name, so both shells share one store).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.AMPLIFY_HOME) return env.AMPLIFY_HOME;
  const home = homedir();
  switch (platform) {
    case "darwin":
      return join(home, "Library", "Application Support", APP_DIR_NAME);
    case "win32":
      return join(env.APPDATA ?? join(home, "AppData", "Roaming"), APP_DIR_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, ".config"), APP_DIR_NAME);
  }
}
