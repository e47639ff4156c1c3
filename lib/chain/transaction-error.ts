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
  if (typeof err === "string") return { instruction: null, programError: null, kind: err, message: err };
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
      return { instruction: index, programError: null, kind, message: `instruction ${index} failed: ${kind}` };
    }
    const kind = Object.keys(record)[0] ?? "TransactionError";
    return { instruction: null, programError: null, kind, message: kind };
  }
  return { instruction: null, programError: null, kind: "Unknown", message: String(err) };
}
