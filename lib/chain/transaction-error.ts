import { getProgramErrorMessage } from "../../shared/protocol";

/** A transaction's failure as the UI and the sync loop need it: which instruction, and why. */
export interface TransactionFailure {
  /** Index of the failing instruction, when the error names one. */
  readonly instruction: number | null;
  /** The Amplify program's custom error code, when that is what failed. */
  readonly programError: number | null;
  /** A named runtime error such as "BlockhashNotFound" or "AlreadyProcessed". */
  readonly kind: string;
  readonly message: string;
}

/** Reads the JSON shape RPC nodes give errors: "Name" | {InstructionError: [i, "Name" | {Custom: n}]} | {Name: …}. */
export function parseTransactionError(err: unknown): TransactionFailure {
  if (typeof err === "string")
    return { instruction: null, programError: null, kind: err, message: runtimeSentence(err) };
  if (err && typeof err === "object") {
    const record = err as Record<string, unknown>;
    const ix = record.InstructionError;
    if (Array.isArray(ix) && ix.length === 2) {
      const index = Number(ix[0]);
      const inner = ix[1];
      if (inner && typeof inner === "object" && "Custom" in inner) {
        const code = Number((inner as { Custom: unknown }).Custom);
        return { instruction: index, programError: code, kind: "Custom", message: getProgramErrorMessage(code) };
      }
      const kind = typeof inner === "string" ? inner : (Object.keys(inner as object)[0] ?? "InstructionError");
      return { instruction: index, programError: null, kind, message: runtimeSentence(kind) };
    }
    const kind = Object.keys(record)[0] ?? "TransactionError";
    return { instruction: null, programError: null, kind, message: runtimeSentence(kind) };
  }
  return { instruction: null, programError: null, kind: "Unknown", message: runtimeSentence(String(err)) };
}

/** The runtime's named failures as a person reads them (the name stays, in brackets, for a report). */
export function runtimeSentence(kind: string): string {
  if (/^InsufficientFunds|^AccountNotFound$|^InsufficientFundsForRent/.test(kind) || kind === "InsufficientFunds")
    return `Your wallet has too little SOL to pay for this (the fee or the refundable deposit) (${kind}).`;
  switch (kind) {
    case "BlockhashNotFound":
      return "The network did not take the transaction in time: try again (BlockhashNotFound).";
    case "AlreadyProcessed":
      return "This transaction was already processed (AlreadyProcessed).";
    case "AccountInUse":
      return "The network was busy with the same accounts: try again (AccountInUse).";
    default:
      return `The network refused the transaction (${kind.slice(0, 64)}).`;
  }
}
