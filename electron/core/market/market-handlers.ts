import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { MarketService } from "./market-service";

export function marketHandlers(market: MarketService): HandlerGroup<"market:list" | "market:stats" | "market:accept"> {
  return {
    "market:list": (filter) => guard(() => market.list(filter ?? {})),
    "market:stats": () => guard(() => market.stats()),
    "market:accept": ({ items }) => guard(() => market.accept(items)),
  };
}
