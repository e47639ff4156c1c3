// The slice of SPL Token and the Associated Token Account program that AMP uses: program ids,
// the associated token address, the idempotent create instruction, and the Mint / Account layouts
// (SPL Token's own: Mint 82 bytes, Account 165 bytes).
import { address, getProgramDerivedAddress } from "@solana/kit";
import { readonlyMeta, signerMeta, writableMeta } from "./account-metas";
import { addressBytes, ByteReader } from "../bytes";
import { SYSTEM_PROGRAM_ADDRESS } from "./program-address";
import type { SignerInput } from "./account-metas";
import type { AmplifyInstruction } from "./account-metas";
import type { Address } from "@solana/kit";

export const TOKEN_PROGRAM_ADDRESS = address("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const ASSOCIATED_TOKEN_PROGRAM_ADDRESS = address("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");
export const TOKEN_ACCOUNT_BYTES = 165;
export const MINT_BYTES = 82;

/** The owner's associated token account for `mint`: ["owner, token program, mint"] under the ATA program. */
export async function findAssociatedTokenAddress(owner: Address, mint: Address): Promise<Address> {
  const [ata] = await getProgramDerivedAddress({
    programAddress: ASSOCIATED_TOKEN_PROGRAM_ADDRESS,
    seeds: [addressBytes(owner), addressBytes(TOKEN_PROGRAM_ADDRESS), addressBytes(mint)],
  });
  return ata;
}

/** CreateIdempotent (1): creates the owner's associated token account unless it already exists. */
export async function getCreateAssociatedTokenAccountInstruction(input: {
  payer: SignerInput;
  owner: Address;
  mint: Address;
}): Promise<AmplifyInstruction> {
  const ata = await findAssociatedTokenAddress(input.owner, input.mint);
  return {
    programAddress: ASSOCIATED_TOKEN_PROGRAM_ADDRESS,
    accounts: [
      signerMeta(input.payer, true),
      writableMeta(ata),
      readonlyMeta(input.owner),
      readonlyMeta(input.mint),
      readonlyMeta(SYSTEM_PROGRAM_ADDRESS),
      readonlyMeta(TOKEN_PROGRAM_ADDRESS),
    ],
    data: Uint8Array.of(1),
  };
}

/** SPL Token MintTo (7), for tests that try to mint without the program (the mint authority is a PDA). */
export function getTokenMintToInstruction(input: {
  mint: Address;
  destination: Address;
  authority: SignerInput;
  amount: bigint;
}): AmplifyInstruction {
  const data = new Uint8Array(9);
  data[0] = 7;
  new DataView(data.buffer).setBigUint64(1, input.amount, true);
  return {
    programAddress: TOKEN_PROGRAM_ADDRESS,
    accounts: [writableMeta(input.mint), writableMeta(input.destination), signerMeta(input.authority, false)],
    data,
  };
}

/** SPL Token Transfer (3): moves AMP between two token accounts of one mint. */
export function getTokenTransferInstruction(input: {
  source: Address;
  destination: Address;
  owner: SignerInput;
  amount: bigint;
}): AmplifyInstruction {
  const data = new Uint8Array(9);
  data[0] = 3;
  new DataView(data.buffer).setBigUint64(1, input.amount, true);
  return {
    programAddress: TOKEN_PROGRAM_ADDRESS,
    accounts: [writableMeta(input.source), writableMeta(input.destination), signerMeta(input.owner, false)],
    data,
  };
}

export interface TokenAccount {
  mint: Address;
  owner: Address;
  amount: bigint;
}

export function decodeTokenAccount(data: Uint8Array): TokenAccount {
  if (data.length !== TOKEN_ACCOUNT_BYTES) throw new Error("not an SPL token account");
  const r = new ByteReader(data);
  return { mint: r.address(0), owner: r.address(32), amount: r.u64(64) };
}

export interface MintAccount {
  mintAuthority: Address | null;
  supply: bigint;
  decimals: number;
  freezeAuthority: Address | null;
}

export function decodeMint(data: Uint8Array): MintAccount {
  if (data.length !== MINT_BYTES) throw new Error("not an SPL mint");
  const r = new ByteReader(data);
  return {
    mintAuthority: r.u32(0) === 1 ? r.address(4) : null,
    supply: r.u64(36),
    decimals: r.u8(44),
    freezeAuthority: r.u32(46) === 1 ? r.address(50) : null,
  };
}
