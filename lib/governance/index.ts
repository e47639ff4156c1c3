// AMP governance client: stake, claims, proposals and votes over the chain client.
export { GovernanceClient } from "./governance-client";
export type { GovernanceStatus, HolderView, ProposalInput, ProposalView } from "./governance-client";
