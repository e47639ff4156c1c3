// Account metas for builders: a signer may be passed as a TransactionSigner (attached to the
// meta, so signTransactionMessageWithSigners finds it) or as a bare Address.
import { AccountRole, isTransactionSigner } from "@solana/kit";
import type { AccountMeta, AccountSignerMeta, Address, Instruction, TransactionSigner } from "@solana/kit";

export type SignerInput = Address | TransactionSigner;

export function addressOf(input: SignerInput): Address {
  return typeof input === "string" ? input : input.address;
}

export function signerMeta(input: SignerInput, writable: boolean): AccountMeta | AccountSignerMeta {
  const role = writable ? AccountRole.WRITABLE_SIGNER : AccountRole.READONLY_SIGNER;
  if (typeof input !== "string" && isTransactionSigner(input)) return { address: input.address, role, signer: input };
  return { address: addressOf(input), role };
}

export function writableMeta(address: Address): AccountMeta {
  return { address, role: AccountRole.WRITABLE };
}

export function readonlyMeta(address: Address): AccountMeta {
  return { address, role: AccountRole.READONLY };
}

/** An instruction to the Amplify program (or one it builds for SPL Token): accounts and bytes. */
export type AmplifyInstruction = Instruction & {
  accounts: readonly (AccountMeta | AccountSignerMeta)[];
  data: Uint8Array;
};
