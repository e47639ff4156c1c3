// Moderation campaigns in the requester library: create from items + policy, review by
// consensus, export as JSONL. The CLI and the app's Requester view both use it.
export { createModerationCampaign, itemBlob } from "./create-moderation-campaign";
export type { CreateModerationOptions, CreatedModerationCampaign } from "./create-moderation-campaign";
export { parseModerationJsonl, readModerationFolder, readModerationItems, MAX_ITEMS } from "./items-source";
export type { ModerationInput } from "./items-source";
export { parsePolicy, readPolicyFile, PolicyFile } from "./policy-file";
export type { ModerationPolicySpec } from "./policy-file";
export {
  ModerationManifest,
  loadModerationManifest,
  moderationManifestPath,
  saveModerationManifest,
} from "./moderation-manifest";
export { consensusOf, decisionAgreement, voteAgreement } from "./consensus";
export type { ItemConsensus, ModerationVote } from "./consensus";
export { campaignMetadataOf, moderationSpecOf } from "./campaign-policy";
export { collectJudgements } from "./moderation-results";
export type { SubmittedJudgement } from "./moderation-results";
export { reviewModerationCampaign, scoreJudgements } from "./review-moderation";
export type { ModerationReviewOptions, ReviewedJudgement } from "./review-moderation";
export { exportModerationResults } from "./export-moderation";
export type { ModerationExportLine, ModerationExportOptions } from "./export-moderation";
