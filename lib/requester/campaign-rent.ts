// The rent a requester's campaign holds (campaign, escrow and task pages, beyond the unpaid work
// in escrow) and, for closed campaigns, the rent close_campaign handed back. The app's Requester
// view and the CLI print these; every figure is read from the chain, none is estimated.
import type { Address } from "@solana/kit";
import type { CampaignAccount } from "../../shared/protocol";
import { findEscrowPda, findTaskPagePda } from "../../shared/protocol";
import type { AmplifyChain } from "../chain";

/**
 * Lamports in the campaign's accounts beyond the escrowed pay for unfilled slots: what the
 * requester gets back at close on top of the unpaid work (program invariant: escrow lamports
 * = rent + escrow_balance).
 */
export async function campaignRentHeld(
  chain: AmplifyChain,
  campaign: Address,
  account: CampaignAccount,
): Promise<bigint> {
  const [escrow] = await findEscrowPda(campaign);
  const pages = await Promise.all(
    Array.from({ length: account.pagesCreated }, async (_, p) => (await findTaskPagePda(campaign, p))[0]),
  );
  const raws = await chain.client.accounts([campaign, escrow, ...pages]);
  const total = raws.reduce((sum, raw) => sum + (raw?.lamports ?? 0n), 0n);
  return total - account.escrowBalance;
}

export interface ClosedCampaignRent {
  readonly campaign: Address;
  /** Everything close_campaign paid the requester: unpaid escrow plus rent. */
  readonly refundLamports: bigint;
  /** The rent part: refund − (funding − price × submitted results). */
  readonly rentLamports: bigint;
  readonly closedAt: number | null;
  readonly signature: string;
}

/**
 * The requester's closed campaigns and the rent each returned, from its own events (a closed
 * campaign's accounts are gone; its CampaignPosted and CampaignClosed events remain).
 */
export async function closedCampaignRent(chain: AmplifyChain, requester: Address): Promise<ClosedCampaignRent[]> {
  const posted = new Map<string, { price: bigint; funding: bigint }>();
  const out: ClosedCampaignRent[] = [];
  for (const { event, blockTime, signature } of await chain.events(requester)) {
    if (event.kind === "campaignPosted" && event.requester === requester)
      posted.set(event.campaign, { price: event.price, funding: event.funding });
    if (event.kind !== "campaignClosed") continue;
    const terms = posted.get(event.campaign);
    if (!terms) continue; // posted before the history read: not ours to guess at
    const unpaid = terms.funding - terms.price * BigInt(event.submitted);
    out.push({
      campaign: event.campaign,
      refundLamports: event.refund,
      rentLamports: event.refund - unpaid,
      closedAt: blockTime === 0n ? null : Number(blockTime),
      signature,
    });
  }
  return out;
}
