// Moderation campaigns in the requester library: create from items + policy, review by
// consensus, export as JSONL. The CLI and the app's Requester view both use it.
export { createModerationCampaign, itemBlob } from "./createModerationCampaign";
export type { CreateModerationOptions, CreatedModerationCampaign } from "./createModerationCampaign";
export { parseModerationJsonl, readModerationFolder, readModerationItems, MAX_ITEMS } from "./itemsSource";
export type { ModerationInput } from "./itemsSource";
export { parsePolicy, readPolicyFile, PolicyFile } from "./policyFile";
export type { ModerationPolicySpec } from "./policyFile";
export { ModerationManifest, loadModerationManifest, moderationManifestPath, saveModerationManifest } from "./moderationManifest";
export { consensusOf, decisionAgreement, voteAgreement } from "./consensus";
export type { ItemConsensus, ModerationVote } from "./consensus";
export { campaignMetadataOf, moderationSpecOf } from "./campaignPolicy";
export { collectJudgements } from "./moderationResults";
export type { SubmittedJudgement } from "./moderationResults";
export { reviewModerationCampaign, scoreJudgements } from "./reviewModeration";
export type { ModerationReviewOptions, ReviewedJudgement } from "./reviewModeration";
export { exportModerationResults } from "./exportModeration";
export type { ModerationExportLine, ModerationExportOptions } from "./exportModeration";
