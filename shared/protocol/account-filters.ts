// getProgramAccounts memcmp filters: every account kind by discriminator, and any 32-byte field
// (campaign, worker, requester, task) by address at its offset.
import { getBase58Decoder } from "@solana/kit";
import { DISCRIMINATOR_OFFSET, DISCRIMINATORS } from "./account-layouts";
import type { AccountKind } from "./account-layouts";
import type { Address, Base58EncodedBytes } from "@solana/kit";

export interface MemcmpFilter {
  memcmp: { offset: bigint; bytes: Base58EncodedBytes; encoding: "base58" };
}

/** Matches accounts of one kind (first 8 bytes). Combine with a dataSize filter of ACCOUNT_SIZES[kind] if wanted. */
export function getDiscriminatorFilter(kind: AccountKind): MemcmpFilter {
  const bytes = getBase58Decoder().decode(DISCRIMINATORS[kind]) as Base58EncodedBytes;
  return { memcmp: { offset: BigInt(DISCRIMINATOR_OFFSET), bytes, encoding: "base58" } };
}

/**
 * Matches accounts whose 32-byte field at `offset` is `address`, e.g.
 * getAddressFilter(ASSIGNMENT_OFFSETS.worker, me) for "my assignments".
 */
export function getAddressFilter(offset: number, address: Address): MemcmpFilter {
  // A base58 address is exactly the base58 encoding of its 32 bytes.
  return { memcmp: { offset: BigInt(offset), bytes: address as string as Base58EncodedBytes, encoding: "base58" } };
}
