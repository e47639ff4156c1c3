// Public face of the Amplify protocol client: everything else talks to the program through this.
export {
  AMPLIFY_PROGRAM_ADDRESS,
  amplifyProgramAddress,
  configureProgramAddress,
  parseProgramAddress,
  SYSTEM_PROGRAM_ADDRESS,
} from "./program-address";
export {
  ACCOUNT_SIZES,
  ACCOUNT_VERSION,
  ASSIGNMENT_OFFSETS,
  AssignmentState,
  BPS_DENOMINATOR,
  CAMPAIGN_FLAGS,
  CAMPAIGN_OFFSETS,
  CONFIG_OFFSETS,
  DISCRIMINATOR_OFFSET,
  DISCRIMINATORS,
  ESCROW_OFFSETS,
  FEE_BPS_DEFAULT,
  FEE_BPS_MAX,
  FEE_VAULT_OFFSETS,
  PAGE_TASKS,
  REPLICATION_MAX,
  REVIEW_WINDOW_MAX_SECONDS,
  REVIEW_WINDOW_MIN_SECONDS,
  SHARE_OFFSETS,
  TASK_PAGE_HEADER_BYTES,
  TASK_PAGE_OFFSETS,
  URI_MAX_BYTES,
  VERSION_OFFSET,
  WORKER_PROFILE_OFFSETS,
  WRAPPED_KEY_BYTES,
} from "./account-layouts";
export type { AccountKind } from "./account-layouts";
export {
  decodeAssignment,
  decodeCampaign,
  decodeConfig,
  decodeEscrow,
  decodeFeeVault,
  decodeShare,
  decodeTaskPage,
  decodeWorkerProfile,
  identifyAccount,
} from "./account-decoders";
export type {
  AssignmentAccount,
  CampaignAccount,
  ConfigAccount,
  EscrowAccount,
  FeeVaultAccount,
  ShareAccount,
  TaskPageAccount,
  RequesterSlot,
  WorkerProfileAccount,
} from "./account-decoders";
export {
  findAssignmentPda,
  findCampaignPda,
  findConfigPda,
  findEscrowPda,
  findFeeVaultPda,
  findSharePda,
  findTaskPagePda,
  findWorkerProfilePda,
  taskPageOf,
  findAmpMintPda,
  findGovernancePda,
  findModelPda,
  findProposalPda,
  findStakePda,
  findStakeVaultPda,
  findVoteRecordPda,
} from "./pdas";
export { INSTRUCTION_TAGS } from "./instruction-tags";
export type { InstructionName } from "./instruction-tags";
export type { SignerInput } from "./account-metas";
export {
  getAcceptAuthorityInstruction,
  getAcceptTaskInstruction,
  getAddTaskPageInstruction,
  getAddTaskPageInstructions,
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  getCreateCampaignInstruction,
  getEndCampaignInstruction,
  getGrantKeyInstruction,
  getInitConfigInstruction,
  getRegisterWorkerInstruction,
  getReleaseExpiredInstruction,
  getReviewInstruction,
  getSetFeeInstruction,
  getSetPausedInstruction,
  getSubmitResultInstruction,
  getUpdateConfigInstruction,
  getUpdateWorkerKeyInstruction,
  getWithdrawFeesInstruction,
} from "./instructions";
export type {
  AcceptTaskInput,
  AddTaskPageInput,
  AmplifyInstruction,
  CloseCampaignInput,
  CloseShareInput,
  CreateCampaignInput,
  EndCampaignInput,
  GrantKeyInput,
  InitConfigInput,
  ReleaseExpiredInput,
  ReviewInput,
  SubmitResultInput,
  UpdateConfigInput,
  WithdrawFeesInput,
  WorkerKeyInput,
} from "./instructions";
export { getProgramErrorMessage, PROGRAM_ERROR_CODES, PROGRAM_ERRORS } from "./program-errors";
export type { ProgramErrorCode, ProgramErrorName } from "./program-errors";
export {
  applyReview,
  initialRatingState,
  RATING_FULL_WEIGHT_PRICE,
  RATING_HALF_LIFE_SECONDS,
  RATING_MAX,
  RATING_MAX_STEP,
  RATING_ONE,
  RATING_PRIOR,
  RATING_PRIOR_WEIGHT,
  RATING_WINDOW_SECONDS,
  ratingDecayFactor,
  ratingToStars,
  reviewWeight,
} from "./rating";
export type { RatingState } from "./rating";
export {
  affordableAccepts,
  assignmentDeposit,
  computeCampaignFunding,
  computeFee,
  computeRequesterRent,
  computeShareCap,
  computeWorkerPay,
  FEES_PER_ACCEPT,
  rentExemptMinimum,
  shareDeposit,
  SIGNATURE_FEE,
  taskPageSizes,
  walletRentFloor,
} from "./economics";
export { getAddressFilter, getDiscriminatorFilter } from "./account-filters";
export type { MemcmpFilter } from "./account-filters";
export { decodeEvent, decodeEventsFromLogs, EVENT_KINDS, EVENT_VERSION, STAKE_CHANGES } from "./events";
export type { AmplifyEvent, AmplifyEventKind, EventOf } from "./events";
export { computeTasksRoot, taskLeaf, taskProof, verifyTask } from "./task-tree";
export type { TaskDescriptor } from "./task-tree";
export { sha256 } from "./sha256";
export { decodeTaskList, encodeTaskList } from "./task-list";
export { parseTaskKey, taskKey } from "./task-key";
export {
  AMP_DECIMALS,
  AMP_RATE_MAX,
  AUTHOR_BPS_MAX,
  decodeGovernance,
  decodeModelRecord,
  decodeProposal,
  decodeStake,
  decodeVoteRecord,
  formatAmp,
  parseAmp,
  GOVERNANCE_ACCOUNT_SIZES,
  GOVERNANCE_PERIOD_MAX_SECONDS,
  modelId,
  PROPOSAL_KIND_NAMES,
  ProposalKind,
  proposalClosable,
  proposalStatus,
  STAKER_BPS_MAX,
} from "./governance-accounts";
export type {
  GovernanceAccount,
  ModelRecordAccount,
  ProposalAccount,
  StakeAccount,
  VoteRecordAccount,
} from "./governance-accounts";
export {
  ampAccountOf,
  ampMintAddress,
  DEFAULT_GOVERNANCE_PARAMETERS,
  getClaimAmpInstruction,
  getCloseProposalInstruction,
  getCloseVoteInstruction,
  getClaimRewardsInstruction,
  getExecuteProposalInstruction,
  getGovernanceTakeAuthorityInstruction,
  getInitGovernanceInstruction,
  getMintGenesisInstruction,
  getProposeInstruction,
  getRegisterModelInstruction,
  getRequestUnstakeInstruction,
  getStakeInstruction,
  getVoteInstruction,
  getWithdrawStakeInstruction,
  isUpgradeKind,
} from "./governance-instructions";
export type {
  CloseProposalInput,
  CloseVoteInput,
  ExecuteProposalInput,
  GovernanceParameters,
  InitGovernanceInput,
  MintGenesisInput,
  ProposeInput,
  RegisterModelInput,
  StakeInput,
  VoteInput,
} from "./governance-instructions";
export { ampForCredited, ampForReview, claimable, creditFee, earnedSince, stakersPartOf } from "./rewards";
export type { AccumulatorState } from "./rewards";
export {
  EMPTY_RING,
  INDEPENDENCE_BASE_FEES,
  INDEPENDENCE_SLOTS,
  INDEPENDENCE_WINDOW_SECONDS,
  INDEPENDENT_REQUESTERS,
  independenceCredit,
  requesterTag,
} from "./independence";
export type { RequesterRing } from "./independence";
export {
  ASSOCIATED_TOKEN_PROGRAM_ADDRESS,
  decodeMint,
  decodeTokenAccount,
  findAssociatedTokenAddress,
  getCreateAssociatedTokenAccountInstruction,
  getTokenMintToInstruction,
  getTokenTransferInstruction,
  MINT_BYTES,
  TOKEN_ACCOUNT_BYTES,
  TOKEN_PROGRAM_ADDRESS,
} from "./spl-token";
export type { MintAccount, TokenAccount } from "./spl-token";
