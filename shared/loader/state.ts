// UpgradeableLoaderState (bincode: u32 LE variant tag, then fields; Option = 1 tag byte + value).
// Buffer and ProgramData keep a fixed-size header so the ELF always starts at the same offset.
import { getAddressDecoder } from "@solana/kit";
import type { Address } from "@solana/kit";

export const BUFFER_METADATA_SIZE = 37; // tag 4 + Option<Pubkey> 33
export const PROGRAM_ACCOUNT_SIZE = 36; // tag 4 + Pubkey 32
export const PROGRAMDATA_METADATA_SIZE = 45; // tag 4 + slot 8 + Option<Pubkey> 33

export type LoaderState =
  | { kind: "uninitialized" }
  | { kind: "buffer"; authority: Address | null; bytes: Uint8Array }
  | { kind: "program"; programData: Address }
  | { kind: "programData"; slot: bigint; upgradeAuthority: Address | null; bytes: Uint8Array };

const decoder = getAddressDecoder();

function optionalAddress(data: Uint8Array, at: number): Address | null {
  if (data[at] === 0) return null;
  if (data[at] !== 1) throw new Error(`bad Option tag ${data[at]} at ${at}`);
  return decoder.decode(data.subarray(at + 1, at + 33));
}

/** Decodes an account owned by the upgradeable loader; throws a sentence on anything else. */
export function decodeLoaderState(data: Uint8Array): LoaderState {
  if (data.length < 4) throw new Error(`loader account of ${data.length} bytes has no state tag`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tag = view.getUint32(0, true);
  switch (tag) {
    case 0:
      return { kind: "uninitialized" };
    case 1:
      if (data.length < BUFFER_METADATA_SIZE) break;
      return { kind: "buffer", authority: optionalAddress(data, 4), bytes: data.subarray(BUFFER_METADATA_SIZE) };
    case 2:
      if (data.length < PROGRAM_ACCOUNT_SIZE) break;
      return { kind: "program", programData: decoder.decode(data.subarray(4, 36)) };
    case 3:
      if (data.length < PROGRAMDATA_METADATA_SIZE) break;
      return {
        kind: "programData",
        slot: view.getBigUint64(4, true),
        upgradeAuthority: optionalAddress(data, 12),
        bytes: data.subarray(PROGRAMDATA_METADATA_SIZE),
      };
  }
  throw new Error(`not an upgradeable-loader account (tag ${tag}, ${data.length} bytes)`);
}
