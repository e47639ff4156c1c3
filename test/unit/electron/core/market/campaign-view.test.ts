import { describe, expect, it } from "vitest";
import type { CampaignAccount, ConfigAccount, WorkerProfileAccount } from "../../../../../shared/protocol";
import { campaignView, deriveWsUrl, sortAndFilter, tasksLeft } from "../../../../../electron/core/market";
import { ratingView } from "../../../../../electron/core/profile";

const config = { bump: 1, paused: false, authority: "a", treasury: "t", feeBps: 500 } as unknown as ConfigAccount;

function campaign(over: Partial<CampaignAccount> = {}): CampaignAccount {
  return {
    bump: 1,
    escrowBump: 1,
    isPrivate: true,
    admitUnrated: true,
    requester: "r",
    id: 1n,
    price: 1_000_000n,
    escrowBalance: 10_000_000n,
    deadline: BigInt(Math.floor(Date.now() / 1000) + 3600),
    assignmentTimeout: 600n,
    createdAt: 1n,
    taskCount: 10,
    replication: 1,
    minRating: 0,
    maxShareBps: 10_000,
    openAssignments: 0,
    submittedCount: 0,
    reviewedCount: 0,
    reviewWindow: 86_400n,
    endedAt: 0n,
    pageCount: 1,
    pagesCreated: 1,
    tasksRoot: new Uint8Array(32),
    labelSchemaHash: new Uint8Array(32),
    metadataUri: "",
    ...over,
  } as CampaignAccount;
}

const worker = {
  hasKey: true,
  profile: null,
  balance: 1_000_000_000n,
  held: new Map<string, number>(),
  nowSeconds: Math.floor(Date.now() / 1000),
};

describe("campaign view", () => {
  it("is eligible when nothing stands in the way, paying price minus the fee", () => {
    const view = campaignView("c", campaign(), config, worker, null);
    expect(view).toMatchObject({
      eligible: true,
      payLamports: 950_000,
      tasksLeft: 10,
      myRemainingShare: 10,
      fillRate: 0,
    });
  });

  it("a requester's own campaign is not offered to them, with the reason in words", () => {
    const view = campaignView("c", campaign(), config, { ...worker, address: "r" }, null);
    expect(view.eligible).toBe(false);
    expect(view.reasons).toEqual([
      { code: "own_campaign", message: "this is your own campaign: a requester cannot accept their own tasks" },
    ]);
    expect(campaignView("c", campaign(), config, { ...worker, address: "w" }, null).eligible).toBe(true);
  });

  it("names every reason it cannot be accepted", () => {
    const view = campaignView(
      "c",
      campaign({
        minRating: 5000,
        admitUnrated: false,
        maxShareBps: 2000,
        escrowBalance: 0n,
        deadline: 1n,
        openAssignments: 6,
        submittedCount: 4,
      }),
      { ...config, paused: true },
      { ...worker, balance: 0n, held: new Map([["c", 2]]) },
      null,
    );
    expect(view.reasons.map((r) => r.code).sort()).toEqual([
      "deadline",
      "escrow_empty",
      "no_tasks_left",
      "paused",
      "rating",
      "share_cap",
      "worker_funds",
    ]);
    expect(view.reasons.find((r) => r.code === "rating")!.message).toMatch(/no reviews yet/);
    expect(view.eligible).toBe(false);
  });

  it("says a rated worker's shortfall in stars, as the Wallet and the Market show ratings", () => {
    const profile = { reviewCount: 6, rating: 6000 } as WorkerProfileAccount;
    const view = campaignView("c", campaign({ minRating: 9000 }), config, { ...worker, profile }, null);
    expect(view.reasons.find((r) => r.code === "rating")?.message).toBe("needs a rating of 4.5 ★; yours is 3.0 ★");
  });

  it("counts free slots over replication", () => {
    expect(tasksLeft(campaign({ taskCount: 5, replication: 3, openAssignments: 4, submittedCount: 2 }))).toBe(9);
  });

  it("filters and sorts", () => {
    const a = campaignView("a", campaign({ price: 2_000_000n, createdAt: 1n }), config, worker, null);
    const b = campaignView("b", campaign({ price: 1_000_000n, createdAt: 2n, isPrivate: false }), config, worker, null);
    expect(sortAndFilter([b, a], {}).map((v) => v.address)).toEqual(["a", "b"]);
    expect(sortAndFilter([a, b], { sort: "newest" }).map((v) => v.address)).toEqual(["b", "a"]);
    expect(sortAndFilter([a, b], { privateOnly: true }).map((v) => v.address)).toEqual(["a"]);
    expect(sortAndFilter([a, b], { minPayLamports: 1_500_000 }).map((v) => v.address)).toEqual(["a"]);
  });

  it("derives the PubSub URL by Solana's port convention", () => {
    expect(deriveWsUrl("http://127.0.0.1:8899")).toBe("ws://127.0.0.1:8900/");
  });
});

describe("rating view", () => {
  it("is unrated, provisional, then rated as reviews come in", () => {
    const profile = (reviewCount: number, rating: number) => ({ reviewCount, rating }) as WorkerProfileAccount;
    expect(ratingView(null)).toMatchObject({ status: "unrated", value: 2000, reviewCount: 0 });
    expect(ratingView(profile(2, 4000)).status).toBe("provisional");
    expect(ratingView(profile(5, 8000))).toMatchObject({ status: "rated", stars: 4 });
  });
});
