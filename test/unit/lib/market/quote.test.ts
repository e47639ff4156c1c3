import { describe, expect, it } from "vitest";
import type { FillSample } from "../../../../lib/market/event-store";
import { campaignCost, quoteCampaign } from "../../../../lib/market/quote";

const terms = { feeBps: 500, rent: { campaign: 2_895_360n, escrow: 1_224_960n, task: 2_449_920n } };
let n = 0;
const sample = (price: number, fillSeconds: number | null, over: Partial<FillSample> = {}): FillSample => ({
  campaign: `c${n++}`,
  postedAt: 1_000,
  priceLamports: price,
  minRating: 0,
  replication: 1,
  labelKind: "box",
  fillSeconds,
  ...over,
});
const ask = { labelKind: "box", minRating: 0, replication: 1, deadlineSeconds: 3_600, tasks: 10 };

describe("quoteCampaign", () => {
  it("suggests the median price of similar campaigns that filled within the deadline, with the quartiles around it", () => {
    const samples = [
      sample(1_000, 60),
      sample(2_000, 600),
      sample(3_000, 3_000),
      sample(4_000, 3_600),
      sample(9_000, 7_200),
      sample(500, null),
    ];
    const q = quoteCampaign(samples, ask, terms);
    expect(q.similar).toBe(6);
    expect(q.sampleSize).toBe(4);
    expect(q.priceLamports).toBe(2_000);
    expect([q.lowLamports, q.highLamports]).toEqual([1_000, 3_000]);
    expect(q.medianFillSeconds).toBe(600);
  });

  it("leaves out other kinds and other star bands, and widens the rule only when fewer than three filled", () => {
    const strict = [
      sample(1_000, 10),
      sample(1_000, 10),
      sample(1_000, 10),
      sample(7_000, 10, { labelKind: "polygon" }),
      sample(8_000, 10, { minRating: 4_000 }),
    ];
    expect(quoteCampaign(strict, ask, terms).priceLamports).toBe(1_000);
    const sparse = [sample(1_000, 10), sample(5_000, 10, { replication: 3 }), sample(6_000, 10, { minRating: 2_000 })];
    const widened = quoteCampaign(sparse, ask, terms);
    expect(widened.sampleSize).toBe(3);
    expect(widened.basis).toContain("within one star");
  });

  it("says why there is no suggestion instead of inventing one", () => {
    expect(quoteCampaign([], ask, terms).priceLamports).toBeNull();
    const slow = quoteCampaign([sample(1_000, 90_000)], ask, terms);
    expect(slow.priceLamports).toBeNull();
    expect(slow.basis).toBe(
      "None of 1 similar campaigns (box campaigns with a minimum rating within one star) filled within 60 min.",
    );
  });

  it("totals workers' pay, fees, rent and network fees to the lamport", () => {
    const cost = campaignCost(2_000_001n, 9, 3, terms);
    const fee = (2_000_001n * 500n) / 10_000n;
    expect(cost.feesLamports).toBe(Number(fee * 27n));
    expect(cost.workersLamports).toBe(Number((2_000_001n - fee) * 27n));
    expect(cost.rentLamports).toBe(2_895_360 + 1_224_960 + 2_449_920 * 9);
    // one create_campaign and one add_task_page per 8,192 tasks: two signed transactions for 9 tasks
    expect(cost.networkLamports).toBe(5_000 * 2);
    expect(cost.totalLamports).toBe(
      cost.workersLamports + cost.feesLamports + cost.rentLamports + cost.networkLamports,
    );
  });
});
