export {
  CategoryId,
  MAX_CATEGORIES,
  MAX_REASON_CHARS,
  MAX_TEXT_ITEM_BYTES,
  MODERATION_LABEL_KIND,
  ModerationCategory,
  ModerationPolicy,
  ModerationSpec,
  SEVERITIES,
} from "./policy";
export type { Severity } from "./policy";
export { ModerationItem, TextItemBlob, utf8Length } from "./item";
export { MODERATION_RESULT_SCHEMA, ModerationResult, buildModerationResult, policyProblem } from "./result";
export type { ModerationDraft } from "./result";
export { MAX_MARKS_PER_CHARACTER, codeLabel, inspectText, summariseHidden, truncateSegments } from "./text-inspect";
export type { HiddenGroup, TextSegment } from "./text-inspect";
