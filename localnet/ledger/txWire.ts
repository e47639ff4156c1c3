// Parses a wire transaction once, so the ledger, the RPC and PubSub agree on what a
// transaction touched without each re-decoding it.
import {
  getBase58Decoder,
  getCompiledTransactionMessageDecoder,
  getTransactionDecoder,
  type Address,
  type Transaction,
} from "@solana/kit";

export interface CompiledIx {
  programIdIndex: number;
  accounts: number[];
  data: Uint8Array;
}

export interface AddressTableLookup {
  accountKey: Address;
  writableIndexes: number[];
  readonlyIndexes: number[];
}

export interface ParsedTransaction {
  wire: Uint8Array;
  kitTransaction: Transaction;
  /** Base58 signatures in wire order; the first is the transaction id. */
  signatures: string[];
  version: "legacy" | 0;
  header: { numRequiredSignatures: number; numReadonlySignedAccounts: number; numReadonlyUnsignedAccounts: number };
  staticKeys: Address[];
  recentBlockhash: string;
  instructions: CompiledIx[];
  addressTableLookups: AddressTableLookup[];
}

export class TxDecodeError extends Error {}

function readShortVec(bytes: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 3; i++) {
    const b = bytes[offset + i];
    if (b === undefined) throw new TxDecodeError("truncated length prefix");
    value |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) return [value, offset + i + 1];
  }
  throw new TxDecodeError("length prefix too long");
}

export function parseWireTransaction(wire: Uint8Array): ParsedTransaction {
  const [count, sigStart] = readShortVec(wire, 0);
  const b58 = getBase58Decoder();
  const signatures: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = sigStart + i * 64;
    if (start + 64 > wire.length) throw new TxDecodeError("truncated signatures");
    signatures.push(b58.decode(wire.subarray(start, start + 64)));
  }
  let kitTransaction: Transaction;
  let decoded;
  try {
    kitTransaction = getTransactionDecoder().decode(wire);
    decoded = getCompiledTransactionMessageDecoder().decode(kitTransaction.messageBytes);
  } catch (e) {
    throw new TxDecodeError(e instanceof Error ? e.message : String(e));
  }
  if (decoded.version !== "legacy" && decoded.version !== 0) {
    throw new TxDecodeError(`unsupported transaction version ${String(decoded.version)}`);
  }
  const header = {
    numRequiredSignatures: decoded.header.numSignerAccounts,
    numReadonlySignedAccounts: decoded.header.numReadonlySignerAccounts,
    numReadonlyUnsignedAccounts: decoded.header.numReadonlyNonSignerAccounts,
  };
  if (header.numRequiredSignatures !== count || count === 0) {
    throw new TxDecodeError("signature count does not match the message header");
  }
  const lookups = decoded.version === 0 ? (decoded.addressTableLookups ?? []) : [];
  return {
    wire,
    kitTransaction,
    signatures,
    version: decoded.version,
    header,
    staticKeys: [...decoded.staticAccounts],
    recentBlockhash: decoded.lifetimeToken,
    instructions: decoded.instructions.map((ix) => ({
      programIdIndex: ix.programAddressIndex,
      accounts: [...(ix.accountIndices ?? [])],
      data: Uint8Array.from(ix.data ?? []),
    })),
    addressTableLookups: lookups.map((l) => ({
      accountKey: l.lookupTableAddress,
      writableIndexes: [...l.writableIndexes],
      readonlyIndexes: [...l.readonlyIndexes],
    })),
  };
}

/** Whether the static key at `index` is writable, from the message header rules. */
export function isStaticWritable(tx: ParsedTransaction, index: number): boolean {
  const { numRequiredSignatures, numReadonlySignedAccounts, numReadonlyUnsignedAccounts } = tx.header;
  if (index < numRequiredSignatures) return index < numRequiredSignatures - numReadonlySignedAccounts;
  return index < tx.staticKeys.length - numReadonlyUnsignedAccounts;
}
