// LiteSVM execution metadata in the shapes the RPC reports (simulateTransaction's value,
// getTransaction's meta): logs, units, return data, inner instructions.
import type { TransactionMetadata } from "litesvm";
import { getBase58Decoder } from "@solana/kit";
import type { AccountState } from "./accountState";
import type { TransactionErrorJson } from "./txErrors";

export interface Simulation {
  err: TransactionErrorJson | null;
  logs: string[];
  unitsConsumed: number;
  returnData: { programId: string; data: Uint8Array } | null;
  innerInstructions: InnerInstructionsJson[];
  postAccounts: Map<string, AccountState | null>;
}

export interface InnerInstructionsJson {
  index: number;
  instructions: Array<{ programIdIndex: number; accounts: number[]; data: string; stackHeight: number }>;
}

export function emptySimulation(err: TransactionErrorJson): Simulation {
  return { err, logs: [], unitsConsumed: 0, returnData: null, innerInstructions: [], postAccounts: new Map() };
}

export function metaToSimulation(meta: TransactionMetadata): Omit<Simulation, "err" | "postAccounts"> {
  const b58 = getBase58Decoder();
  const rd = meta.returnData();
  const programId = b58.decode(rd.programId());
  const data = rd.data();
  const innerInstructions = meta
    .innerInstructions()
    .map((list, index) => ({
      index,
      instructions: list.map((inner) => {
        const ix = inner.instruction();
        return {
          programIdIndex: ix.programIdIndex(),
          accounts: [...ix.accounts()],
          data: b58.decode(ix.data()),
          stackHeight: inner.stackHeight(),
        };
      }),
    }))
    .filter((entry) => entry.instructions.length > 0);
  return {
    logs: meta.logs(),
    unitsConsumed: Number(meta.computeUnitsConsumed()),
    returnData: data.length > 0 ? { programId, data } : null,
    innerInstructions,
  };
}
