import type { HandlerGroup } from "../api";
import type { GovernanceService } from "./governance-service";

export function governanceHandlers(
  governance: GovernanceService,
): HandlerGroup<
  | "governance:overview"
  | "governance:claim"
  | "governance:stake"
  | "governance:vote"
  | "governance:execute"
  | "governance:close"
  | "governance:propose"
> {
  return {
    "governance:overview": () => governance.overview(),
    "governance:claim": () => governance.claim(),
    "governance:stake": ({ amp }) => governance.stake(amp),
    "governance:vote": ({ id, support }) => governance.vote(id, support),
    "governance:execute": ({ id }) => governance.execute(id),
    "governance:close": ({ id }) => governance.close(id),
    "governance:propose": (input) => governance.propose(input),
  };
}
