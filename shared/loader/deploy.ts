// Deploys or upgrades a program through the BPF upgradeable loader the way a cluster operator
// does: a buffer (CreateAccount + InitializeBuffer), Write chunks, then DeployWithMaxDataLen (new
// program id) or Upgrade (existing one). Shared by the tests (LiteSVM), the localnet's genesis
// and `amplify deploy` (RPC): each supplies a DeployChain. Resumable: given the buffer of an
// interrupted run, only the chunks whose bytes differ are written again.
import { findProgramDataAddress, BPF_LOADER_UPGRADEABLE_ADDRESS } from "./addresses";
import {
  createAccountInstruction,
  deployWithMaxDataLenInstruction,
  extendProgramInstruction,
  initializeBufferInstruction,
  upgradeInstruction,
  writeInstruction,
} from "./instructions";
import { BUFFER_METADATA_SIZE, decodeLoaderState, PROGRAM_ACCOUNT_SIZE, PROGRAMDATA_METADATA_SIZE } from "./state";
import type { Address, Instruction, TransactionSigner } from "@solana/kit";

/**
 * Bytes per Write: a Write transaction with separate payer and authority is 318 bytes before
 * the chunk, and a packet holds 1,232.
 */
export const WRITE_CHUNK_BYTES = 900;

export interface ChainAccount {
  lamports: bigint;
  owner: Address;
  data: Uint8Array;
}

export interface DeployChain {
  getAccount(address: Address): Promise<ChainAccount | null>;
  minimumBalance(size: number): Promise<bigint>;
  /** Sends one transaction and waits for it to land; throws a sentence (with the logs) when it fails. */
  send(instructions: readonly Instruction[], feePayer: TransactionSigner): Promise<void>;
}

export type DeployPhase = "buffer" | "write" | "deploy" | "upgrade";

export interface DeployProgress {
  phase: DeployPhase;
  /** Chunks written so far (write phase) or 0/1. */
  done: number;
  total: number;
}

export interface DeployInput {
  chain: DeployChain;
  bytes: Uint8Array;
  /** Program id. A signer is needed for a first deploy (the program account is created with its key). */
  program: TransactionSigner | Address;
  payer: TransactionSigner;
  /** Upgrade authority; defaults to the payer. */
  authority?: TransactionSigner;
  /** The buffer: a fresh keypair, or the one of an interrupted run to resume. */
  buffer: TransactionSigner;
  /** ProgramData capacity on a first deploy; default twice the program, so upgrades fit. */
  maxDataLen?: number;
  onProgress?: (progress: DeployProgress) => void;
}

export interface DeployResult {
  kind: "deployed" | "upgraded" | "unchanged";
  programId: Address;
  programData: Address;
  upgradeAuthority: Address;
  /** Write transactions sent (fewer than the chunks when a buffer was resumed). */
  writes: number;
  chunks: number;
}

function programIdOf(program: TransactionSigner | Address): Address {
  return typeof program === "string" ? program : program.address;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** What the cluster holds for a program id now. */
export async function readDeployedProgram(
  chain: DeployChain,
  programId: Address,
): Promise<
  | { kind: "absent" }
  | { kind: "upgradeable"; programData: Address; upgradeAuthority: Address | null; capacity: number; bytes: Uint8Array }
> {
  const account = await chain.getAccount(programId);
  if (!account) return { kind: "absent" };
  if (account.owner !== BPF_LOADER_UPGRADEABLE_ADDRESS)
    throw new Error(`${programId} is owned by ${account.owner}, not the upgradeable loader`);
  const state = decodeLoaderState(account.data);
  if (state.kind !== "program") throw new Error(`${programId} is a loader ${state.kind} account, not a program`);
  const dataAccount = await chain.getAccount(state.programData);
  if (!dataAccount)
    throw new Error(`the ProgramData account ${state.programData} of ${programId} does not exist (closed program)`);
  const data = decodeLoaderState(dataAccount.data);
  if (data.kind !== "programData") throw new Error(`${state.programData} is not a ProgramData account`);
  return {
    kind: "upgradeable",
    programData: state.programData,
    upgradeAuthority: data.upgradeAuthority,
    capacity: data.bytes.length,
    bytes: data.bytes,
  };
}

/** True when a ProgramData's bytes are `elf` followed only by zero padding. */
export function holdsProgram(programDataBytes: Uint8Array, elf: Uint8Array): boolean {
  if (programDataBytes.length < elf.length) return false;
  if (!sameBytes(programDataBytes.subarray(0, elf.length), elf)) return false;
  return programDataBytes.subarray(elf.length).every((b) => b === 0);
}

/** Creates (or resumes) `input.buffer` and writes `input.bytes` into it, skipping chunks already there. */
export async function writeBuffer(
  input: DeployInput,
  authority: TransactionSigner = input.authority ?? input.payer,
): Promise<{ writes: number; chunks: number }> {
  const { chain, bytes, payer, buffer } = input;
  const size = BUFFER_METADATA_SIZE + bytes.length;
  let existing = await chain.getAccount(buffer.address);
  if (existing && existing.owner !== BPF_LOADER_UPGRADEABLE_ADDRESS) {
    throw new Error(`buffer ${buffer.address} exists but is owned by ${existing.owner}; use a fresh buffer keypair`);
  }
  if (!existing) {
    input.onProgress?.({ phase: "buffer", done: 0, total: 1 });
    await chain.send(
      [
        createAccountInstruction(payer, buffer, await chain.minimumBalance(size), size, BPF_LOADER_UPGRADEABLE_ADDRESS),
        initializeBufferInstruction(buffer.address, authority.address),
      ],
      payer,
    );
    existing = await chain.getAccount(buffer.address);
  }
  if (!existing) throw new Error(`buffer ${buffer.address} was not created`);
  const state = decodeLoaderState(existing.data);
  if (state.kind !== "buffer" || state.authority !== authority.address || existing.data.length !== size) {
    throw new Error(
      `buffer ${buffer.address} cannot be resumed: it is not a ${bytes.length}-byte buffer of authority ${authority.address}`,
    );
  }
  const chunks = Math.ceil(bytes.length / WRITE_CHUNK_BYTES);
  let writes = 0;
  for (let i = 0; i < chunks; i++) {
    const offset = i * WRITE_CHUNK_BYTES;
    const chunk = bytes.subarray(offset, offset + WRITE_CHUNK_BYTES);
    if (!sameBytes(state.bytes.subarray(offset, offset + chunk.length), chunk)) {
      await chain.send([writeInstruction(buffer.address, authority, offset, chunk)], payer);
      writes++;
    }
    input.onProgress?.({ phase: "write", done: i + 1, total: chunks });
  }
  return { writes, chunks };
}

export async function deployProgram(input: DeployInput): Promise<DeployResult> {
  const { chain, bytes, payer } = input;
  const authority = input.authority ?? payer;
  const programId = programIdOf(input.program);
  const programData = await findProgramDataAddress(programId);
  const current = await readDeployedProgram(chain, programId);
  if (current.kind === "upgradeable") {
    if (current.upgradeAuthority === null) throw new Error(`${programId} is immutable (no upgrade authority)`);
    if (current.upgradeAuthority !== authority.address) {
      throw new Error(`${programId} is upgradeable only by ${current.upgradeAuthority}, not ${authority.address}`);
    }
    if (holdsProgram(current.bytes, bytes)) {
      return { kind: "unchanged", programId, programData, upgradeAuthority: authority.address, writes: 0, chunks: 0 };
    }
  } else if (typeof input.program === "string") {
    throw new Error(`${programId} is not deployed yet: the first deploy needs the program keypair`);
  }
  const { writes, chunks } = await writeBuffer(input, authority);
  if (current.kind === "upgradeable") {
    if (bytes.length > current.capacity) {
      await chain.send(
        [extendProgramInstruction(programData, programId, payer, bytes.length - current.capacity)],
        payer,
      );
    }
    input.onProgress?.({ phase: "upgrade", done: 0, total: 1 });
    await chain.send(
      [
        upgradeInstruction({
          programData,
          program: programId,
          buffer: input.buffer.address,
          spill: payer.address,
          authority,
        }),
      ],
      payer,
    );
    input.onProgress?.({ phase: "upgrade", done: 1, total: 1 });
    return { kind: "upgraded", programId, programData, upgradeAuthority: authority.address, writes, chunks };
  }
  const programSigner = input.program as TransactionSigner;
  const maxDataLen = Math.max(input.maxDataLen ?? bytes.length * 2, bytes.length);
  input.onProgress?.({ phase: "deploy", done: 0, total: 1 });
  await chain.send(
    [
      createAccountInstruction(
        payer,
        programSigner,
        await chain.minimumBalance(PROGRAM_ACCOUNT_SIZE),
        PROGRAM_ACCOUNT_SIZE,
        BPF_LOADER_UPGRADEABLE_ADDRESS,
      ),
      deployWithMaxDataLenInstruction({
        payer,
        programData,
        program: programId,
        buffer: input.buffer.address,
        authority,
        maxDataLen,
      }),
    ],
    payer,
  );
  input.onProgress?.({ phase: "deploy", done: 1, total: 1 });
  return { kind: "deployed", programId, programData, upgradeAuthority: authority.address, writes, chunks };
}

/** Rent a first deploy locks: buffer (refunded at deploy), program account and ProgramData. */
export async function deployCost(
  chain: DeployChain,
  programLength: number,
  maxDataLen = programLength * 2,
): Promise<bigint> {
  return (
    (await chain.minimumBalance(PROGRAM_ACCOUNT_SIZE)) +
    (await chain.minimumBalance(PROGRAMDATA_METADATA_SIZE + maxDataLen))
  );
}
