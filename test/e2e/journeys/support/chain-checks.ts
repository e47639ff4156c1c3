import { address } from "@solana/kit";
import type { Address } from "@solana/kit";
import { expect } from "vitest";
import {
  AssignmentState,
  decodeAssignment,
  decodeWorkerProfile,
  findAssignmentPda,
  findEscrowPda,
  findTaskPda,
  findWorkerProfilePda,
} from "../../../../shared/protocol";
import type { Market } from "./market";

async function accountData(market: Market, at: Address): Promise<Uint8Array | null> {
  const info = await market.chain.rpc.getAccountInfo(at, { encoding: "base64" }).send();
  return info.value ? new Uint8Array(Buffer.from(info.value.data[0], "base64")) : null;
}

export async function escrowLamports(market: Market, campaign: Address): Promise<bigint> {
  const [escrow] = await findEscrowPda(campaign);
  return market.chain.balance(escrow);
}

/** Each of the campaign's first `count` tasks is submitted by `worker`, and nothing twice. */
export async function expectPaidExactlyOnce(
  market: Market,
  campaign: Address,
  worker: string,
  count: number,
  price: bigint,
  escrowBefore: bigint,
): Promise<void> {
  expect(escrowBefore - (await escrowLamports(market, campaign))).toBe(BigInt(count) * price);
  for (let index = 0; index < count; index++) {
    const [task] = await findTaskPda(campaign, index);
    const [assignment] = await findAssignmentPda(task, address(worker));
    const data = await accountData(market, assignment);
    expect(data, `assignment of task ${index}`).not.toBeNull();
    expect(decodeAssignment(data!).state).toBe(AssignmentState.Submitted);
  }
  const [profile] = await findWorkerProfilePda(address(worker));
  expect(decodeWorkerProfile((await accountData(market, profile))!).submittedCount).toBe(count);
}
