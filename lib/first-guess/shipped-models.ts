import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { moduleFile } from "../threads";

/**
 * The folder of models that ship with the app (assets/models), found from this module's place
 * in the sources or the bundle; a packaged app may point elsewhere with AMPLIFY_SHIPPED_MODELS.
 */
export function shippedModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AMPLIFY_SHIPPED_MODELS) return env.AMPLIFY_SHIPPED_MODELS;
  const candidates: string[] = [];
  try {
    const dir = dirname(moduleFile(import.meta.url));
    // From sources (lib/first-guess) and from the bundle (dist/electron) alike: two levels up.
    candidates.push(resolve(dir, "../../assets/models"));
  } catch {
    // Nowhere to anchor to: fall through to the working directory.
  }
  candidates.push(join(process.cwd(), "assets/models"));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0] ?? "assets/models";
}

/** Models the user (or a requester's recommendation) installed: <dataDir>/models/<folder>. */
export const userModelsDir = (dataDir: string): string => join(dataDir, "models");
