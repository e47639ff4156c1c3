// Every account a transaction names: its static keys, then the writable and read-only
// addresses it loads from address lookup tables, with each one's writability.
import { getBase58Decoder } from "@solana/kit";
import { isStaticWritable, type ParsedTransaction } from "./txWire";

export interface ResolvedKeys {
  all: string[];
  writable: boolean[];
  loadedWritable: string[];
  loadedReadonly: string[];
}

// Lookup-table layout: a 56-byte header, then 32-byte addresses.
const LOOKUP_TABLE_HEADER = 56;

export function resolveAccountKeys(
  tx: ParsedTransaction,
  readData: (key: string) => Uint8Array | undefined,
): ResolvedKeys {
  const b58 = getBase58Decoder();
  const loadedWritable: string[] = [];
  const loadedReadonly: string[] = [];
  for (const lookup of tx.addressTableLookups) {
    const data = readData(lookup.accountKey);
    const at = (i: number): string | undefined => {
      const start = LOOKUP_TABLE_HEADER + 32 * i;
      return data && data.length >= start + 32 ? b58.decode(data.subarray(start, start + 32)) : undefined;
    };
    for (const i of lookup.writableIndexes) {
      const a = at(i);
      if (a) loadedWritable.push(a);
    }
    for (const i of lookup.readonlyIndexes) {
      const a = at(i);
      if (a) loadedReadonly.push(a);
    }
  }
  const all = [...tx.staticKeys, ...loadedWritable, ...loadedReadonly];
  const writable = all.map((_, i) =>
    i < tx.staticKeys.length ? isStaticWritable(tx, i) : i < tx.staticKeys.length + loadedWritable.length,
  );
  return { all, writable, loadedWritable, loadedReadonly };
}
