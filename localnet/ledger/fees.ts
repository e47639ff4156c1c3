// Fee = 5,000 lamports per signature + the compute-budget priority fee, the validator's rule.
import type { ParsedTransaction } from "./txWire";

export const LAMPORTS_PER_SIGNATURE = 5000n;
const COMPUTE_BUDGET_PROGRAM = "ComputeBudget111111111111111111111111111111";
const DEFAULT_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_UNITS = 1_400_000n;

export function transactionFee(tx: ParsedTransaction): bigint {
  let unitLimit: bigint | undefined;
  let microLamportsPerUnit = 0n;
  let otherInstructions = 0n;
  for (const ix of tx.instructions) {
    const program = tx.staticKeys[ix.programIdIndex];
    if (program !== COMPUTE_BUDGET_PROGRAM) {
      otherInstructions++;
      continue;
    }
    const view = new DataView(ix.data.buffer, ix.data.byteOffset, ix.data.byteLength);
    if (ix.data[0] === 2 && ix.data.length >= 5) unitLimit = BigInt(view.getUint32(1, true));
    if (ix.data[0] === 3 && ix.data.length >= 9) microLamportsPerUnit = view.getBigUint64(1, true);
  }
  const units = unitLimit ?? bigMin(otherInstructions * DEFAULT_UNITS_PER_INSTRUCTION, MAX_UNITS);
  const priority = (microLamportsPerUnit * bigMin(units, MAX_UNITS) + 999_999n) / 1_000_000n;
  return BigInt(tx.header.numRequiredSignatures) * LAMPORTS_PER_SIGNATURE + priority;
}

function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
