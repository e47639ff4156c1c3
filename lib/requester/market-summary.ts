// `amplify market`: what requesters are paying and how fast work gets done, from the
// campaigns on chain — recent prices, and fill rates (slots taken or done per slot offered).
import type { Address } from "@solana/kit";
import type { AmplifyChain } from "../chain";

export interface MarketCampaign {
  address: Address;
  requester: Address;
  priceLamports: bigint;
  replication: number;
  tasks: number;
  minRating: number;
  isPrivate: boolean;
  isClosed: boolean;
  createdAt: bigint;
  /** (submitted + open assignments) / (tasks × replication). */
  fillRate: number;
  /** submitted / (tasks × replication). */
  doneRate: number;
}

export interface MarketSummary {
  campaigns: MarketCampaign[];
  openCampaigns: number;
  openSlots: number;
  medianPriceLamports: bigint | undefined;
  meanFillRate: number | undefined;
}

export async function marketSummary(chain: AmplifyChain, opts: { recent?: number } = {}): Promise<MarketSummary> {
  const all = await chain.campaigns();
  const campaigns = all
    .map(({ address, account: c }): MarketCampaign => {
      const slots = c.taskCount * c.replication;
      return {
        address,
        requester: c.requester,
        priceLamports: c.price,
        replication: c.replication,
        tasks: c.taskCount,
        minRating: c.minRating,
        isPrivate: c.isPrivate,
        isClosed: c.endedAt !== 0n,
        createdAt: c.createdAt,
        fillRate: slots === 0 ? 0 : Math.min(1, (c.submittedCount + c.openAssignments) / slots),
        doneRate: slots === 0 ? 0 : c.submittedCount / slots,
      };
    })
    .sort((a, b) => Number(b.createdAt - a.createdAt))
    .slice(0, opts.recent ?? 50);
  const open = campaigns.filter((c) => !c.isClosed);
  const prices = campaigns.map((c) => c.priceLamports).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    campaigns,
    openCampaigns: open.length,
    openSlots: open.reduce((s, c) => s + Math.round(c.tasks * c.replication * (1 - c.fillRate)), 0),
    medianPriceLamports: prices.length === 0 ? undefined : prices[Math.floor(prices.length / 2)],
    meanFillRate: campaigns.length === 0 ? undefined : campaigns.reduce((s, c) => s + c.fillRate, 0) / campaigns.length,
  };
}
