// Program-derived addresses, with the same seeds the program checks (README: "Accounts").
import { getProgramDerivedAddress } from "@solana/kit";
import { PAGE_TASKS } from "./account-layouts";
import { addressBytes, ByteWriter } from "../bytes";
import { amplifyProgramAddress } from "./program-address";
import type { Address, ProgramDerivedAddress } from "@solana/kit";

function derive(seeds: (string | Uint8Array)[], programAddress: Address): Promise<ProgramDerivedAddress> {
  return getProgramDerivedAddress({ programAddress, seeds });
}

/** ["config"] */
export function findConfigPda(programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["config"], programAddress);
}

/** ["fee_vault"]: where every fee goes; governance withdraws to the treasury. */
export function findFeeVaultPda(programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["fee_vault"], programAddress);
}

/** ["worker", worker] */
export function findWorkerProfilePda(
  worker: Address,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["worker", addressBytes(worker)], programAddress);
}

/** ["campaign", requester, id as u64 LE] */
export function findCampaignPda(
  requester: Address,
  id: bigint,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["campaign", addressBytes(requester), new ByteWriter().u64(id).toBytes()], programAddress);
}

/** ["escrow", campaign] */
export function findEscrowPda(
  campaign: Address,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["escrow", addressBytes(campaign)], programAddress);
}

/** ["tasks", campaign, page as u16 LE]: slot counters of tasks page × 8192 … page × 8192 + 8191. */
export function findTaskPagePda(
  campaign: Address,
  page: number,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["tasks", addressBytes(campaign), new ByteWriter().u16(page).toBytes()], programAddress);
}

/** The page that holds task `index`. */
export function taskPageOf(index: number): number {
  return Math.floor(index / PAGE_TASKS);
}

/** ["assignment", campaign, task index as u32 LE, worker]: exists while the work is open. */
export function findAssignmentPda(
  campaign: Address,
  taskIndex: number,
  worker: Address,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(
    ["assignment", addressBytes(campaign), new ByteWriter().u32(taskIndex).toBytes(), addressBytes(worker)],
    programAddress,
  );
}

/** ["share", campaign, worker] */
export function findSharePda(
  campaign: Address,
  worker: Address,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["share", addressBytes(campaign), addressBytes(worker)], programAddress);
}

/** ["governance"]: the AMP accumulator and parameters; mint authority and stake vault owner. */
export function findGovernancePda(programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["governance"], programAddress);
}

/** ["amp_mint"]: the AMP SPL Token mint. */
export function findAmpMintPda(programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["amp_mint"], programAddress);
}

/** ["stake_vault"]: the SPL token account holding every staked AMP. */
export function findStakeVaultPda(programAddress: Address = amplifyProgramAddress()): Promise<ProgramDerivedAddress> {
  return derive(["stake_vault"], programAddress);
}

/** ["stake", owner] */
export function findStakePda(
  owner: Address,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["stake", addressBytes(owner)], programAddress);
}

/** ["proposal", id as u64 LE] */
export function findProposalPda(
  id: bigint,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["proposal", new ByteWriter().u64(id).toBytes()], programAddress);
}

/** ["vote", proposal, voter] */
export function findVoteRecordPda(
  proposal: Address,
  voter: Address,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["vote", addressBytes(proposal), addressBytes(voter)], programAddress);
}

/** ["model", model id]; the id is sha256(author ‖ manifest sha256) (modelId in governance-accounts.ts). */
export function findModelPda(
  modelId: Uint8Array,
  programAddress: Address = amplifyProgramAddress(),
): Promise<ProgramDerivedAddress> {
  return derive(["model", modelId], programAddress);
}
