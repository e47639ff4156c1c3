// Instructions of the BPF upgradeable loader (UpgradeableLoaderInstruction, bincode: u32 LE
// variant tag; usize and Vec lengths are u64 LE) and the System Program's CreateAccount, built
// by hand so deploys need no extra client library.
import { AccountRole } from "@solana/kit";
import { ByteWriter } from "../bytes";
import {
  BPF_LOADER_UPGRADEABLE_ADDRESS,
  LOADER_SYSTEM_PROGRAM_ADDRESS,
  SYSVAR_CLOCK_ADDRESS,
  SYSVAR_RENT_ADDRESS,
} from "./addresses";
import type { AccountMeta, AccountSignerMeta, Address, Instruction, TransactionSigner } from "@solana/kit";

export type LoaderInstruction = Instruction & {
  accounts: readonly (AccountMeta | AccountSignerMeta)[];
  data: Uint8Array;
};

const TAG = { initializeBuffer: 0, write: 1, deployWithMaxDataLen: 2, upgrade: 3, setAuthority: 4, close: 5 } as const;

const w = (a: Address): AccountMeta => ({ address: a, role: AccountRole.WRITABLE });
const r = (a: Address): AccountMeta => ({ address: a, role: AccountRole.READONLY });
const ws = (s: TransactionSigner): AccountSignerMeta => ({
  address: s.address,
  role: AccountRole.WRITABLE_SIGNER,
  signer: s,
});
const rs = (s: TransactionSigner): AccountSignerMeta => ({
  address: s.address,
  role: AccountRole.READONLY_SIGNER,
  signer: s,
});

function loader(accounts: (AccountMeta | AccountSignerMeta)[], data: ByteWriter): LoaderInstruction {
  return { programAddress: BPF_LOADER_UPGRADEABLE_ADDRESS, accounts, data: data.toBytes() };
}

/** System Program CreateAccount (tag 0): lamports, space, owner. */
export function createAccountInstruction(
  payer: TransactionSigner,
  account: TransactionSigner,
  lamports: bigint,
  space: number,
  owner: Address,
): LoaderInstruction {
  const data = new ByteWriter().u32(0).u64(lamports).u64(BigInt(space)).address(owner);
  return { programAddress: LOADER_SYSTEM_PROGRAM_ADDRESS, accounts: [ws(payer), ws(account)], data: data.toBytes() };
}

/** InitializeBuffer: [buffer (w), authority]. The authority does not sign here, only on Write. */
export function initializeBufferInstruction(buffer: Address, authority: Address): LoaderInstruction {
  return loader([w(buffer), r(authority)], new ByteWriter().u32(TAG.initializeBuffer));
}

/** Write { offset: u32, bytes: Vec<u8> }: [buffer (w), authority (s)]. */
export function writeInstruction(
  buffer: Address,
  authority: TransactionSigner,
  offset: number,
  bytes: Uint8Array,
): LoaderInstruction {
  const data = new ByteWriter().u32(TAG.write).u32(offset).u64(BigInt(bytes.length)).raw(bytes);
  return loader([w(buffer), rs(authority)], data);
}

/**
 * DeployWithMaxDataLen { max_data_len: usize }: [payer (s, w), programdata (w), program (w),
 * buffer (w), rent, clock, system program, authority (s)].
 */
export function deployWithMaxDataLenInstruction(input: {
  payer: TransactionSigner;
  programData: Address;
  program: Address;
  buffer: Address;
  authority: TransactionSigner;
  maxDataLen: number;
}): LoaderInstruction {
  return loader(
    [
      ws(input.payer),
      w(input.programData),
      w(input.program),
      w(input.buffer),
      r(SYSVAR_RENT_ADDRESS),
      r(SYSVAR_CLOCK_ADDRESS),
      r(LOADER_SYSTEM_PROGRAM_ADDRESS),
      rs(input.authority),
    ],
    new ByteWriter().u32(TAG.deployWithMaxDataLen).u64(BigInt(input.maxDataLen)),
  );
}

/** Upgrade: [programdata (w), program (w), buffer (w), spill (w), rent, clock, authority (s)]. */
export function upgradeInstruction(input: {
  programData: Address;
  program: Address;
  buffer: Address;
  spill: Address;
  authority: TransactionSigner;
}): LoaderInstruction {
  return loader(
    [
      w(input.programData),
      w(input.program),
      w(input.buffer),
      w(input.spill),
      r(SYSVAR_RENT_ADDRESS),
      r(SYSVAR_CLOCK_ADDRESS),
      rs(input.authority),
    ],
    new ByteWriter().u32(TAG.upgrade),
  );
}

/**
 * SetAuthority on a ProgramData account: [programdata (w), current authority (s), new authority].
 * Without a new authority the program becomes immutable, for ever. The new key does not sign.
 */
export function setUpgradeAuthorityInstruction(
  programData: Address,
  current: TransactionSigner,
  next: Address | null,
): LoaderInstruction {
  return loader(
    [w(programData), rs(current), ...(next === null ? [] : [r(next)])],
    new ByteWriter().u32(TAG.setAuthority),
  );
}

/** Close a buffer (returns its lamports): [buffer (w), recipient (w), authority (s)]. */
export function closeBufferInstruction(
  buffer: Address,
  recipient: Address,
  authority: TransactionSigner,
): LoaderInstruction {
  return loader([w(buffer), w(recipient), rs(authority)], new ByteWriter().u32(TAG.close));
}

/** ExtendProgram { additional_bytes: u32 }: [programdata (w), program (w), system program, payer (s, w)]. */
export function extendProgramInstruction(
  programData: Address,
  program: Address,
  payer: TransactionSigner,
  additionalBytes: number,
): LoaderInstruction {
  return loader(
    [w(programData), w(program), r(LOADER_SYSTEM_PROGRAM_ADDRESS), ws(payer)],
    new ByteWriter().u32(6).u32(additionalBytes),
  );
}
