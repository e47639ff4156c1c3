// Program-derived addresses, with the same seeds the program checks (README: "Accounts").
import { getProgramDerivedAddress } from "@solana/kit";
import { addressBytes, ByteWriter } from "./bytes";
import { amplifyProgramAddress } from "./program-address";
import type { Address, ProgramDerivedAddress } from "@solana/kit";

function derive(seeds: (string | Uint8Array)[], programAddress: Address): Promise<ProgramDerivedAddress> {
  return getProgramDerivedAddress({ programAddress, seeds });
}

/** ["config"] */
export function findConfigPda(programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["config"], programAddress);
}

/** ["worker", worker] */
export function findWorkerProfilePda(worker: Address, programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["worker", addressBytes(worker)], programAddress);
}

/** ["campaign", requester, id as u64 LE] */
export function findCampaignPda(requester: Address, id: bigint, programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["campaign", addressBytes(requester), new ByteWriter().u64(id).toBytes()], programAddress);
}

/** ["escrow", campaign] */
export function findEscrowPda(campaign: Address, programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["escrow", addressBytes(campaign)], programAddress);
}

/** ["task", campaign, index as u32 LE] */
export function findTaskPda(campaign: Address, index: number, programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["task", addressBytes(campaign), new ByteWriter().u32(index).toBytes()], programAddress);
}

/** ["assignment", task, worker] */
export function findAssignmentPda(task: Address, worker: Address, programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["assignment", addressBytes(task), addressBytes(worker)], programAddress);
}

/** ["share", campaign, worker] */
export function findSharePda(campaign: Address, worker: Address, programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["share", addressBytes(campaign), addressBytes(worker)], programAddress);
}
