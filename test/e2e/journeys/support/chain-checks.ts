import { address } from "@solana/kit";
import type { Address } from "@solana/kit";
import { expect } from "vitest";
import {
  decodeWorkerProfile,
  findAssignmentPda,
  findEscrowPda,
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
  // Each paid result is one ResultSubmitted event of this worker; its assignment is closed.
  const paid = (await market.chain.results(campaign)).filter((r) => r.account.worker === worker);
  expect(paid.map((r) => r.account.taskIndex).sort((a, b) => a - b)).toEqual(
    Array.from({ length: count }, (_, i) => i),
  );
  for (let index = 0; index < count; index++) {
    const [assignment] = await findAssignmentPda(campaign, index, address(worker));
    expect(await accountData(market, assignment), `assignment of task ${index}`).toBeNull();
  }
  const [profile] = await findWorkerProfilePda(address(worker));
  expect(decodeWorkerProfile((await accountData(market, profile))!).submittedCount).toBe(count);
}
