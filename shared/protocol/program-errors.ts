// The program's custom error codes (InstructionError Custom(n)) and what they mean to a person.

export const PROGRAM_ERRORS = {
  1: { name: "InvalidInstruction", message: "The instruction data is malformed or the instruction is unknown." },
  2: { name: "NotEnoughAccounts", message: "The instruction is missing accounts." },
  3: { name: "MissingSigner", message: "A required signature is missing." },
  4: { name: "NotWritable", message: "An account that must be writable was passed read-only." },
  5: {
    name: "WrongOwner",
    message: "An account is not owned by the Amplify program (or is not empty where a new account was expected).",
  },
  6: { name: "WrongAccountType", message: "An account has the wrong type, size or version." },
  7: { name: "WrongPda", message: "An account's address does not match its seeds." },
  8: { name: "AlreadyInitialized", message: "The account already exists." },
  9: { name: "Unauthorized", message: "The signer is not allowed to do this." },
  10: { name: "Paused", message: "The protocol is paused: no new campaigns or acceptances." },
  11: { name: "FeeTooHigh", message: "The fee is above the 10 % cap." },
  12: { name: "Overflow", message: "An amount is too large (arithmetic overflow)." },
  13: { name: "InvalidParameter", message: "A campaign parameter is out of range." },
  14: { name: "UriTooLong", message: "A URI is longer than 128 bytes." },
  15: { name: "WrongCampaign", message: "The task, assignment or escrow belongs to another campaign or task." },
  16: { name: "CampaignClosed", message: "The campaign has ended: it accepts no more work." },
  17: { name: "DeadlinePassed", message: "The campaign's deadline has passed." },
  18: { name: "TaskFull", message: "The task already has as many workers as its replication." },
  19: { name: "ShareCap", message: "This worker already holds the maximum share of this campaign's tasks." },
  20: { name: "RatingTooLow", message: "The worker's rating is below the campaign's minimum." },
  21: {
    name: "AlreadyAssigned",
    message: "This worker already took this task, or a later one of this campaign (tasks are taken in order).",
  },
  22: { name: "WrongState", message: "The assignment is not in a state that allows this." },
  23: { name: "KeyNotGranted", message: "This private task's key has not been granted yet." },
  24: { name: "NotPrivate", message: "Keys are granted only on private campaigns." },
  25: { name: "AssignmentExpired", message: "The assignment has expired." },
  26: { name: "NotExpired", message: "The assignment has not expired yet." },
  27: { name: "OpenAssignments", message: "The campaign still has open assignments." },
  28: { name: "TaskOutOfRange", message: "There is no task with this number in the campaign (or no such task page)." },
  29: { name: "InsufficientEscrow", message: "The escrow cannot pay this result." },
  30: { name: "InvalidScore", message: "A review score must be between 0 and 100." },
  31: { name: "WrongTreasury", message: "The treasury account is not the configured treasury." },
  32: { name: "WrongSystemProgram", message: "The System Program account is wrong." },
  33: { name: "WrongWorker", message: "The signer or profile is not the assignment's worker." },
  34: { name: "SelfDealing", message: "A requester cannot work on, or review itself on, its own campaign." },
  35: { name: "Unrated", message: "This campaign admits rated workers only, and this worker has no reviews yet." },
  36: { name: "SelfTransfer", message: "A transfer from an account to itself is refused." },
  37: {
    name: "UnusableAddress",
    message: "That authority or treasury could never sign or receive (empty, the program, or one of its own accounts).",
  },
  38: { name: "NoPendingReview", message: "This worker has no paid result left to review in this campaign." },
  39: {
    name: "ReviewWindow",
    message: "Outside the review window: too late to review, or too early to close the share.",
  },
  40: { name: "PagesMissing", message: "This task's page of slot counters has not been posted by the requester yet." },
  41: {
    name: "InsufficientFunds",
    message: "The wallet cannot pay the refundable deposit (rent) of a new account: fund it first.",
  },
  42: {
    name: "StakeLocked",
    message: "The stake is locked: it backs a vote still running, or its unstake cool-down has not passed.",
  },
  43: {
    name: "BelowThreshold",
    message: "The stake is below what this needs (the proposal threshold, or none at all).",
  },
  44: { name: "VotingClosed", message: "The proposal's voting period is over." },
  45: { name: "VotingOpen", message: "The proposal is still being voted on." },
  46: { name: "Timelock", message: "The proposal passed but its timelock has not run out yet." },
  47: { name: "ProposalFailed", message: "The proposal did not pass (more against than for, or below quorum)." },
  48: { name: "AlreadyExecuted", message: "The proposal was already executed." },
  49: {
    name: "StakeAfterSnapshot",
    message: "This stake changed at or after the proposal's snapshot, so it cannot vote on it.",
  },
  50: { name: "NothingToClaim", message: "There is nothing to claim or withdraw yet." },
  51: {
    name: "NotGoverned",
    message: "The config authority is not the governance account: hand it over before executing config changes.",
  },
  52: { name: "WrongTokenAccount", message: "The token account is not the expected AMP account." },
  53: { name: "GenesisClosed", message: "The genesis allocation is used up, or governance took the authority over." },
  54: {
    name: "ProposalExpired",
    message:
      "The proposal passed but was not executed within one voting period after its timelock; it can only be closed.",
  },
  55: {
    name: "NotUpgradeAuthority",
    message:
      "The program's upgrade authority is not the governance account: its holder must hand it over with the loader's SetAuthority first.",
  },
  56: { name: "WrongLoader", message: "The account passed as the upgradeable loader is another program." },
  57: { name: "WrongTarget", message: "The account passed as the proposal's target is not the one it names." },
} as const satisfies Record<number, { name: string; message: string }>;

export type ProgramErrorCode = keyof typeof PROGRAM_ERRORS;
export type ProgramErrorName = (typeof PROGRAM_ERRORS)[ProgramErrorCode]["name"];

/** Code by name, e.g. PROGRAM_ERROR_CODES.ShareCap === 19. */
export const PROGRAM_ERROR_CODES = Object.fromEntries(
  Object.entries(PROGRAM_ERRORS).map(([code, { name }]) => [name, Number(code)]),
) as Record<ProgramErrorName, ProgramErrorCode>;

export function getProgramErrorMessage(code: number): string {
  const known = (PROGRAM_ERRORS as Record<number, { message: string } | undefined>)[code];
  return known ? known.message : `Unknown Amplify program error ${code}.`;
}
