import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of models that ship with the app (assets/models). From sources it sits three
 * levels above this file; a bundle passes it explicitly or sets AMPLIFY_SHIPPED_MODELS.
 */
export function shippedModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AMPLIFY_SHIPPED_MODELS) return env.AMPLIFY_SHIPPED_MODELS;
  const candidates: string[] = [];
  try {
    candidates.push(resolve(dirname(fileURLToPath(import.meta.url)), "../../../assets/models"));
  } catch {
    // A CommonJS bundle has no import.meta.url: fall through to the working directory.
  }
  candidates.push(join(process.cwd(), "assets/models"));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0] ?? "assets/models";
}

/** Models the user (or a requester's recommendation) installed: <dataDir>/models/<folder>. */
export const userModelsDir = (dataDir: string): string => join(dataDir, "models");
