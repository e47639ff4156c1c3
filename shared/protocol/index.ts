// Public face of the Amplify protocol client: everything else talks to the program through this.
export {
  AMPLIFY_PROGRAM_ADDRESS, amplifyProgramAddress, configureProgramAddress, parseProgramAddress, SYSTEM_PROGRAM_ADDRESS,
} from "./program-address";
export {
  ACCOUNT_SIZES, ACCOUNT_VERSION, ASSIGNMENT_OFFSETS, AssignmentState, BPS_DENOMINATOR, CAMPAIGN_OFFSETS, CONFIG_OFFSETS,
  DISCRIMINATOR_OFFSET, DISCRIMINATORS, ESCROW_OFFSETS, FEE_BPS_DEFAULT, FEE_BPS_MAX, SHARE_OFFSETS, TASK_OFFSETS, URI_MAX_BYTES,
  VERSION_OFFSET, WORKER_PROFILE_OFFSETS, WRAPPED_KEY_BYTES,
} from "./account-layouts";
export type { AccountKind } from "./account-layouts";
export {
  decodeAssignment, decodeCampaign, decodeConfig, decodeEscrow, decodeShare, decodeTask, decodeWorkerProfile, identifyAccount,
} from "./account-decoders";
export type {
  AssignmentAccount, CampaignAccount, ConfigAccount, EscrowAccount, ShareAccount, TaskAccount, WorkerProfileAccount,
} from "./account-decoders";
export {
  findAssignmentPda, findCampaignPda, findConfigPda, findEscrowPda, findSharePda, findTaskPda, findWorkerProfilePda,
} from "./pdas";
export { INSTRUCTION_TAGS } from "./instruction-tags";
export type { InstructionName } from "./instruction-tags";
export type { SignerInput } from "./account-metas";
export {
  getAcceptTaskInstruction, getAddTasksInstruction, getAddTasksInstructions, MAX_TASKS_PER_ADD_TASKS, getCloseCampaignInstruction, getCreateCampaignInstruction,
  getGrantKeyInstruction, getInitConfigInstruction, getRegisterWorkerInstruction, getReleaseExpiredInstruction,
  getReviewInstruction, getSetFeeInstruction, getSetPausedInstruction, getSubmitResultInstruction, getTopUpInstruction,
  getUpdateConfigInstruction, getUpdateWorkerKeyInstruction,
} from "./instructions";
export type {
  AcceptTaskInput, AddTasksInput, AmplifyInstruction, CloseCampaignInput, CreateCampaignInput, GrantKeyInput, InitConfigInput,
  NewTask, ReleaseExpiredInput, ReviewInput, SubmitResultInput, TopUpInput, WorkerKeyInput,
} from "./instructions";
export { getProgramErrorMessage, PROGRAM_ERROR_CODES, PROGRAM_ERRORS } from "./program-errors";
export type { ProgramErrorCode, ProgramErrorName } from "./program-errors";
export {
  applyReview, initialRatingState, RATING_HALF_LIFE_SECONDS, RATING_MAX, RATING_MAX_STEP, RATING_ONE, RATING_PRIOR,
  RATING_PRIOR_WEIGHT, ratingDecayFactor, ratingToStars,
} from "./rating";
export type { RatingState } from "./rating";
export { computeCampaignFunding, computeFee, computeShareCap, computeWorkerPay } from "./economics";
export { getAddressFilter, getDiscriminatorFilter } from "./account-filters";
export type { MemcmpFilter } from "./account-filters";
