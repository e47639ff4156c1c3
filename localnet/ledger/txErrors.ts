// LiteSVM reports errors as native objects whose enums are `const enum`s (numbers at run
// time). Clients expect the validator's serde JSON, e.g. {"InstructionError":[0,{"Custom":1}]}.
import type { FailedTransactionMetadata } from "litesvm";

export type TransactionErrorJson = string | Record<string, unknown>;

// Order matches litesvm's TransactionErrorFieldless const enum.
const TRANSACTION_ERRORS = [
  "AccountInUse",
  "AccountLoadedTwice",
  "AccountNotFound",
  "ProgramAccountNotFound",
  "InsufficientFundsForFee",
  "InvalidAccountForFee",
  "AlreadyProcessed",
  "BlockhashNotFound",
  "CallChainTooDeep",
  "MissingSignatureForFee",
  "InvalidAccountIndex",
  "SignatureFailure",
  "InvalidProgramForExecution",
  "SanitizeFailure",
  "ClusterMaintenance",
  "AccountBorrowOutstanding",
  "WouldExceedMaxBlockCostLimit",
  "UnsupportedVersion",
  "InvalidWritableAccount",
  "WouldExceedMaxAccountCostLimit",
  "WouldExceedAccountDataBlockLimit",
  "TooManyAccountLocks",
  "AddressLookupTableNotFound",
  "InvalidAddressLookupTableOwner",
  "InvalidAddressLookupTableData",
  "InvalidAddressLookupTableIndex",
  "InvalidRentPayingAccount",
  "WouldExceedMaxVoteCostLimit",
  "WouldExceedAccountDataTotalLimit",
  "MaxLoadedAccountsDataSizeExceeded",
  "ResanitizationNeeded",
  "InvalidLoadedAccountsDataSizeLimit",
  "UnbalancedTransaction",
  "ProgramCacheHitMaxLimit",
  "CommitCancelled",
] as const;

// Order matches litesvm's InstructionErrorFieldless const enum.
const INSTRUCTION_ERRORS = [
  "GenericError",
  "InvalidArgument",
  "InvalidInstructionData",
  "InvalidAccountData",
  "AccountDataTooSmall",
  "InsufficientFunds",
  "IncorrectProgramId",
  "MissingRequiredSignature",
  "AccountAlreadyInitialized",
  "UninitializedAccount",
  "UnbalancedInstruction",
  "ModifiedProgramId",
  "ExternalAccountLamportSpend",
  "ExternalAccountDataModified",
  "ReadonlyLamportChange",
  "ReadonlyDataModified",
  "DuplicateAccountIndex",
  "ExecutableModified",
  "RentEpochModified",
  "NotEnoughAccountKeys",
  "AccountDataSizeChanged",
  "AccountNotExecutable",
  "AccountBorrowFailed",
  "AccountBorrowOutstanding",
  "DuplicateAccountOutOfSync",
  "InvalidError",
  "ExecutableDataModified",
  "ExecutableLamportChange",
  "ExecutableAccountNotRentExempt",
  "UnsupportedProgramId",
  "CallDepth",
  "MissingAccount",
  "ReentrancyNotAllowed",
  "MaxSeedLengthExceeded",
  "InvalidSeeds",
  "InvalidRealloc",
  "ComputationalBudgetExceeded",
  "PrivilegeEscalation",
  "ProgramEnvironmentSetupFailure",
  "ProgramFailedToComplete",
  "ProgramFailedToCompile",
  "Immutable",
  "IncorrectAuthority",
  "AccountNotRentExempt",
  "InvalidAccountOwner",
  "ArithmeticOverflow",
  "UnsupportedSysvar",
  "IllegalOwner",
  "MaxAccountsDataAllocationsExceeded",
  "MaxAccountsExceeded",
  "MaxInstructionTraceLengthExceeded",
  "BuiltinProgramsMustConsumeComputeUnits",
  "BorshIoError",
] as const;

export const BLOCKHASH_NOT_FOUND: TransactionErrorJson = "BlockhashNotFound";
export const ALREADY_PROCESSED: TransactionErrorJson = "AlreadyProcessed";
export const SIGNATURE_FAILURE_CODE = 11;

function instructionErrorJson(err: unknown): unknown {
  if (typeof err === "number") return INSTRUCTION_ERRORS[err] ?? "GenericError";
  if (err && typeof err === "object") {
    if ("code" in err && typeof err.code === "number") return { Custom: err.code };
    if ("msg" in err && typeof err.msg === "string") return { BorshIoError: err.msg };
  }
  return "GenericError";
}

/** The serde JSON of a failed LiteSVM transaction's error, as a validator reports it. */
export function transactionErrorJson(failed: FailedTransactionMetadata): TransactionErrorJson {
  const err: unknown = failed.err();
  if (typeof err === "number") return TRANSACTION_ERRORS[err] ?? "SanitizeFailure";
  if (err && typeof err === "object") {
    if ("err" in err && typeof err.err === "function" && "index" in err) {
      return { InstructionError: [err.index, instructionErrorJson(err.err())] };
    }
    const name = err.constructor.name;
    if ("index" in err) return { DuplicateInstruction: err.index };
    if ("accountIndex" in err) {
      const key = name.includes("Restricted") ? "ProgramExecutionTemporarilyRestricted" : "InsufficientFundsForRent";
      return { [key]: { account_index: err.accountIndex } };
    }
  }
  return "SanitizeFailure";
}

export function isSignatureFailure(failed: FailedTransactionMetadata): boolean {
  return (failed.err() as unknown) === SIGNATURE_FAILURE_CODE;
}

/** The human text a validator puts in a preflight failure message. */
export function describeTransactionError(err: TransactionErrorJson): string {
  if (typeof err === "string") {
    const texts: Record<string, string> = {
      BlockhashNotFound: "Blockhash not found",
      AlreadyProcessed: "This transaction has already been processed",
      AccountNotFound: "Attempt to debit an account but found no record of a prior credit.",
      InsufficientFundsForFee: "Insufficient funds for fee",
      SignatureFailure: "Transaction did not pass signature verification",
    };
    return texts[err] ?? err;
  }
  const ixErr = err.InstructionError;
  if (Array.isArray(ixErr)) {
    const [index, inner] = ixErr as [number, unknown];
    if (inner && typeof inner === "object" && "Custom" in inner) {
      return `Error processing Instruction ${index}: custom program error: 0x${Number(inner.Custom).toString(16)}`;
    }
    return `Error processing Instruction ${index}: ${String(inner)}`;
  }
  return JSON.stringify(err);
}
