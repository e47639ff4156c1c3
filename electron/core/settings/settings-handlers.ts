import type { HandlerGroup } from "../api";
import type { EventHub } from "../api";
import type { SettingsRepository } from "./settings-repository";

export function settingsHandlers(
  repo: SettingsRepository,
  hub: EventHub,
): HandlerGroup<"settings:get" | "settings:update"> {
  return {
    "settings:get": () => repo.get(),
    "settings:update": (patch) => {
      const next = repo.update(patch);
      hub.emit("settings:changed", next);
      return next;
    },
  };
}
