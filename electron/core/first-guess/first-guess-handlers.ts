import type { HandlerGroup } from "../api";
import type { FirstGuessService } from "./first-guess-service";

export function firstGuessHandlers(
  service: FirstGuessService,
): HandlerGroup<"guesses:status" | "guesses:setEnabled" | "guesses:suggest"> {
  return {
    "guesses:status": async (input) => {
      if (input?.rescan) await service.rescan();
      return service.status();
    },
    "guesses:setEnabled": ({ campaignId, enabled }) => service.setEnabled(campaignId, enabled),
    "guesses:suggest": (request) => service.suggest(request),
  };
}
