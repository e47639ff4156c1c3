import type { EventHub } from "../api";
import type { Store } from "../store";
import { StoredFirstGuessPrefs } from "./first-guess-prefs";
import { firstGuessHandlers } from "./first-guess-handlers";
import type { ImageSource } from "./first-guess-service";
import { FirstGuessService } from "./first-guess-service";
import { Detector, ModelRegistry, shippedModelsDir, userModelsDir } from "../../../lib/first-guess";

export { FirstGuessService } from "./first-guess-service";
export type { ImageSource, PreparedTask } from "./first-guess-service";
export { MemoryFirstGuessPrefs, StoredFirstGuessPrefs } from "./first-guess-prefs";
export type { FirstGuessPrefs } from "./first-guess-prefs";
export { firstGuessHandlers } from "./first-guess-handlers";

export interface FirstGuessOptions {
  readonly dataDir: string;
  readonly store: Store;
  readonly events: EventHub;
  readonly log?: (line: string) => void;
  /** Decrypted task bytes by task id; until the task subsystem provides it, callers pass bytes. */
  readonly imageSource?: ImageSource;
  readonly shippedModelsDir?: string;
}

/** The first-guess subsystem as core composes it: service, contract handlers, disposal. */
export function createFirstGuess(options: FirstGuessOptions) {
  const registry = new ModelRegistry([
    { dir: options.shippedModelsDir ?? shippedModelsDir(), origin: "shipped" },
    { dir: userModelsDir(options.dataDir), origin: "user" },
  ]);
  const service = new FirstGuessService({
    registry,
    detector: new Detector(options.log ? { log: options.log } : {}),
    prefs: new StoredFirstGuessPrefs(options.store),
    onStatus: (status) => options.events.emit("guesses:changed", status),
    ...(options.imageSource ? { imageSource: options.imageSource } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return { service, handlers: firstGuessHandlers(service), dispose: () => service.dispose() };
}
