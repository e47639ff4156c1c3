// Ending and closing a campaign: end_campaign stops accepts now; close_campaign (no open
// assignment left) closes the escrow, every task page and the campaign, and pays the requester
// the unpaid escrow and every lamport of rent. Shared by the app's Requester view and the CLI.
import type { Address } from "@solana/kit";
import { getCloseCampaignInstruction, getEndCampaignInstruction } from "../../shared/protocol";
import { RequesterError, type AmplifyChain } from "../chain";
import type { RequesterKeys } from "./keyfile";

export async function endCampaign(chain: AmplifyChain, keys: RequesterKeys, campaign: Address): Promise<string> {
  const account = await chain.campaign(campaign);
  if (!account) throw new RequesterError(`No campaign at ${campaign}: it may be closed already.`);
  if (account.requester !== keys.address)
    throw new RequesterError(`Campaign ${campaign} belongs to ${account.requester}, not to this key.`);
  if (account.endedAt !== 0n) throw new RequesterError("This campaign has already stopped taking work.");
  return chain.send(keys.signer, [await getEndCampaignInstruction({ requester: keys.signer, campaign })]);
}

export interface ClosedCampaign {
  readonly signature: string;
  /** What the requester's balance gained: unpaid escrow + rent − this transaction's fee. */
  readonly refundLamports: bigint;
}

export async function closeCampaign(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
): Promise<ClosedCampaign> {
  const account = await chain.campaign(campaign);
  if (!account) throw new RequesterError(`No campaign at ${campaign}: it may be closed already.`);
  if (account.requester !== keys.address)
    throw new RequesterError(`Campaign ${campaign} belongs to ${account.requester}, not to this key.`);
  if (account.openAssignments > 0)
    throw new RequesterError(
      `${account.openAssignments} task${account.openAssignments === 1 ? " is" : "s are"} still being worked on: close once ${account.openAssignments === 1 ? "it is" : "they are"} submitted or expired.`,
    );
  const before = await chain.balance(keys.address);
  const signature = await chain.send(keys.signer, [
    await getCloseCampaignInstruction({ requester: keys.signer, campaign, pagesCreated: account.pagesCreated }),
  ]);
  return { signature, refundLamports: (await chain.balance(keys.address)) - before };
}
