// AMP governance for the app: overview, claim, stake, vote, execute.
export { GovernanceService } from "./governance-service";
export type { GovernanceServiceOptions } from "./governance-service";
export { governanceHandlers } from "./governance-handlers";
