// Issue 15's "done when", to the lamport: a registered worker with an exact starting balance
// accepts, labels and is reviewed on three tasks through the app's core; the requester posts,
// reviews, ends and closes through the requester library. The worker ends with exactly
// start + 3 × (price − fee) − its transaction fees, the requester with start − 3 × price − its
// fees, and every account the campaign created is gone (only the worker's profile and the
// program's config stay). Fees are read from the transactions each party actually paid for.
import { join } from "node:path";
import { address, lamports, type Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDocument } from "../../../shared/annotation";
import {
  computeFee,
  findAssignmentPda,
  findEscrowPda,
  findSharePda,
  findTaskPagePda,
  findWorkerProfilePda,
} from "../../../shared/protocol";
import { closeCampaign, endCampaign, reviewCampaign, type CreatedCampaign } from "../../../lib/requester";
import { startMarket, waitFor, type Market } from "../../e2e/journeys/support/market";
import { PASSPHRASE, prepareKeystore, startWorkerCore, type WorkerCore } from "../../support/market-harness";
import { feesPaidBy, isClosed } from "./chain-money";

const PRICE = 5_000_000n;
const TASKS = 3;
const WORKER_START = 2_000_000_000n;

let market: Market;
let worker: WorkerCore;
let workerAddress: Address;

beforeAll(async () => {
  market = await startMarket();
  const dataDir = join(market.home, "worker");
  workerAddress = address(await prepareKeystore(dataDir));
  worker = await startWorkerCore(market, dataDir);
  await worker.call("keys:unlock", { passphrase: PASSPHRASE });
});

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

describe("money journey: three tasks from accept to close", () => {
  let created: CreatedCampaign;
  let workerStart: bigint;
  let requesterStart: bigint;
  let registration: string;
  let feeBps: number;

  it("registers a worker funded with the usual 2 SOL", async () => {
    await market.chain.rpc.requestAirdrop(workerAddress, lamports(WORKER_START)).send();
    await waitFor("the worker's airdrop", async () => (await market.chain.balance(workerAddress)) === WORKER_START);
    const registered = await worker.call("profile:register");
    expect(registered.profile.registered).toBe(true);
    registration = registered.signature!;
    // From here on the worker's balance must move only by pay and its own transaction fees.
    workerStart = await market.chain.balance(workerAddress);
    requesterStart = await market.chain.balance(market.requester.address);
    feeBps = (await market.chain.config()).feeBps;
  });

  it("posts a campaign of three tasks, all paid for up front", async () => {
    created = await market.post({ key: "money", seeds: [901, 902, 903], priceLamports: PRICE });
    expect(created.taskCount).toBe(TASKS);
  });

  it("accepts, labels and submits all three; the app's sync gets each paid once", async () => {
    const outcomes = await worker.call("market:accept", { items: [{ campaign: created.campaign, count: TASKS }] });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(TASKS);
    const tasks = await waitFor("three tasks", async () => {
      const list = await worker.call("tasks:list");
      return list.length === TASKS ? list : null;
    });
    for (const meta of tasks) {
      const task = await worker.call("tasks:open", { id: meta.id });
      const doc = {
        ...emptyDocument(meta.id, task.labels),
        shapes: [{ id: "s1", kind: "box" as const, x: 2, y: 3, w: 10, h: 12, label: task.labels[0]!.id }],
      };
      await worker.call("tasks:submit", { id: meta.id, doc });
    }
    await waitFor("all three paid", async () => (await worker.call("outbox:summary")).confirmed === TASKS, 60_000);
  });

  it("reviews every result, ends and closes the campaign, returning every deposit and all rent", async () => {
    const reviewed = await reviewCampaign({
      chain: market.chain,
      keys: market.requester,
      campaign: created.campaign,
      manifest: created.manifest,
      unverifiableScore: 90,
    });
    expect(reviewed.filter((r) => r.score !== undefined)).toHaveLength(TASKS);
    await endCampaign(market.chain, market.requester, created.campaign);
    const closed = await closeCampaign({ chain: market.chain, keys: market.requester, campaign: created.campaign });
    expect(closed.shares.count).toBe(1);
    expect(closed.unpaidEscrow).toBe(0n);

    const workerFees = await feesPaidBy(market.chain, workerAddress, [registration]);
    const requesterFees = await feesPaidBy(market.chain, market.requester.address);
    // An accept, at least one submit; the requester: create, pages, review, end, close, share close.
    expect(workerFees).toBeGreaterThanOrEqual(2n * 5_000n);
    expect(requesterFees).toBeGreaterThanOrEqual(5n * 5_000n);
    const net = PRICE - computeFee(PRICE, feeBps);
    expect(await market.chain.balance(workerAddress)).toBe(workerStart + BigInt(TASKS) * net - workerFees);
    expect(await market.chain.balance(market.requester.address)).toBe(
      requesterStart - BigInt(TASKS) * PRICE - requesterFees,
    );
    // The close's own transactions are among the requester's fees, read the same way.
    expect(closed.fees).toBeGreaterThan(0n);
  });

  it("leaves no account of the campaign behind: only the worker's profile remains", async () => {
    const campaign = created.campaign;
    const [escrow] = await findEscrowPda(campaign);
    const [page] = await findTaskPagePda(campaign, 0);
    const [share] = await findSharePda(campaign, workerAddress);
    const assignments = await Promise.all(
      Array.from({ length: TASKS }, async (_, i) => (await findAssignmentPda(campaign, i, workerAddress))[0]),
    );
    for (const at of [campaign, escrow, page, share, ...assignments])
      expect(await isClosed(market.chain, at), `${at} is closed`).toBe(true);
    const [profile] = await findWorkerProfilePda(workerAddress);
    expect(await isClosed(market.chain, profile)).toBe(false);
  });
});
