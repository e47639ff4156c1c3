// What a 10,000-task × 3 campaign costs each party, old layout (v1) against the program as
// built (v2), and the compute units of every instruction of its lifecycle (goal: each < 20k).
// v1 figures are computed from its account sizes (git history of program/include/amplify.h:
// Task 224 bytes per task, Assignment 416 bytes never returned, Share 88, Campaign 288,
// Escrow 48; nothing was ever closed). v2 figures are measured on the real program in LiteSVM:
// the whole 10,000 × 3 campaign is posted and closed for real; the work on it is a sample of
// 3 workers × 16 tasks (48 assignments, accepted 16 per transaction, submitted, reviewed,
// shares closed) whose per-assignment figures are multiplied out to 30,000.
// Run: npx tsx bench/program/economics.ts (also `npm run bench program`).
import type { Address, KeyPairSigner } from "@solana/kit";
import {
  computeFee,
  findAssignmentPda,
  findCampaignPda,
  findEscrowPda,
  findFeeVaultPda,
  getAcceptTaskInstruction,
  getCreateCampaignInstruction,
  findSharePda,
  findTaskPagePda,
  getAddTaskPageInstructions,
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  getEndCampaignInstruction,
  getReviewInstruction,
  rentExemptMinimum,
  type AmplifyInstruction,
} from "../../shared/protocol/index";
import { LAMPORTS_PER_SIGNATURE, SOL, type ProgramHarness } from "../../test/support/program-harness";
import { campaignInput, registerWorker, setupMarket, submitIx } from "../../test/support/program-market-fixture";

const TASKS = 10_000;
const REPLICATION = 3;
const PRICE = 1_000_000n; // 0.001 SOL: a full-weight review
const SAMPLE_WORKERS = 3;
const SAMPLE_TASKS = 16;
const ACCEPTS_PER_TX = 16; // the app's bulk accept (electron/core/market)
const REVIEWS_PER_TX = 4; // the requester library's review batches
const SHARE_CLOSES_PER_TX = 8;
const CU_GOAL = 20_000n;

const cu: { name: string; units: bigint; per?: number }[] = [];
const v1Rent = (bytes: number) => rentExemptMinimum(bytes);
/** Exact: nine decimals, no floating point. */
const sol = (lamports: bigint) => {
  const sign = lamports < 0n ? "-" : "";
  const abs = lamports < 0n ? -lamports : lamports;
  return `${sign}${abs / SOL}.${(abs % SOL).toString().padStart(9, "0")} SOL`;
};

async function send(h: ProgramHarness, name: string, ixs: AmplifyInstruction[], payer: KeyPairSigner, per = 1) {
  const result = await h.sendOk(ixs, payer);
  cu.push({ name, units: result.computeUnitsConsumed(), per });
}

async function main(): Promise<void> {
  const m = await setupMarket(500);
  const h = m.h;
  const fee = computeFee(PRICE, 500);
  const requester = await h.fundedSigner(1000n * SOL);
  const requesterStart = h.lamports(requester.address);

  // Post the real campaign: create, then its task pages.
  const vault = (await findFeeVaultPda(h.programId))[0];
  const vaultStart = h.lamports(vault);
  const input = campaignInput(m, requester, 900_001n, { taskCount: TASKS, replication: REPLICATION, price: PRICE });
  await send(h, "create_campaign", [await getCreateCampaignInstruction(input)], requester);
  const campaign = (await findCampaignPda(requester.address, input.id, h.programId))[0];
  const c = { campaign, escrow: (await findEscrowPda(campaign, h.programId))[0] };
  let postTxs = 1;
  const pages = await getAddTaskPageInstructions({ requester, campaign: c.campaign, taskCount: TASKS });
  for (const [i, ix] of pages.entries()) {
    await send(h, `add_task_page (page ${i})`, [ix], requester);
    postTxs++;
  }
  const pageAddresses = await Promise.all(pages.map(async (_, p) => (await findTaskPagePda(c.campaign, p))[0]));
  const escrowFunding = PRICE * BigInt(TASKS * REPLICATION);
  const requesterRent =
    requesterStart - h.lamports(requester.address) - escrowFunding - BigInt(postTxs) * LAMPORTS_PER_SIGNATURE;

  // The sample: each worker (2 SOL, registered) accepts the same 16 tasks in one transaction, submits each, is reviewed.
  const workers: KeyPairSigner[] = [];
  let depositPerAccept = 0n;
  let shareDeposit = 0n;
  for (let w = 0; w < SAMPLE_WORKERS; w++) {
    const worker = await registerWorker(m, undefined, 2n * SOL);
    workers.push(worker);
    const before = h.lamports(worker.address);
    const ixs = await Promise.all(
      Array.from({ length: SAMPLE_TASKS }, (_, i) =>
        getAcceptTaskInstruction({ worker, campaign: c.campaign, taskIndex: i, programAddress: h.programId }),
      ),
    );
    await send(h, `accept_task × ${SAMPLE_TASKS} (one transaction, per accept)`, ixs, worker, SAMPLE_TASKS);
    const held = before - h.lamports(worker.address) - LAMPORTS_PER_SIGNATURE;
    shareDeposit = h.lamports((await findSharePda(c.campaign, worker.address))[0]);
    depositPerAccept = (held - shareDeposit) / BigInt(SAMPLE_TASKS);
    for (let i = 0; i < SAMPLE_TASKS; i++)
      await send(
        h,
        "submit_result",
        [await submitIx({ ...c, programAddress: h.programId } as never, i, worker)],
        worker,
      );
    const gained = h.lamports(worker.address) - before;
    const expected =
      BigInt(SAMPLE_TASKS) * (PRICE - fee) - shareDeposit - BigInt(1 + SAMPLE_TASKS) * LAMPORTS_PER_SIGNATURE;
    if (gained !== expected) throw new Error(`worker ${w} gained ${gained}, expected ${expected}`);
  }
  let reviewTxs = 0;
  for (const worker of workers) {
    for (let i = 0; i < SAMPLE_TASKS; i += REVIEWS_PER_TX) {
      const ixs = await Promise.all(
        Array.from({ length: REVIEWS_PER_TX }, (_, k) =>
          getReviewInstruction({
            requester,
            campaign: c.campaign,
            worker: worker.address,
            taskIndex: i + k,
            score: 90,
          }),
        ),
      );
      await send(h, `review × ${REVIEWS_PER_TX} (one transaction, per review)`, ixs, requester, REVIEWS_PER_TX);
      reviewTxs++;
    }
  }
  await send(h, "end_campaign", [await getEndCampaignInstruction({ requester, campaign: c.campaign })], requester);
  await send(
    h,
    `close_campaign (${pages.length} pages)`,
    [await getCloseCampaignInstruction({ requester, campaign: c.campaign, pagesCreated: pages.length })],
    requester,
  );
  const workersBeforeShares = workers.map((w) => h.lamports(w.address));
  await send(
    h,
    `close_share × ${SAMPLE_WORKERS} (one transaction, per share)`,
    await Promise.all(workers.map((w) => getCloseShareInstruction({ campaign: c.campaign, worker: w.address }))),
    requester,
    SAMPLE_WORKERS,
  );
  workers.forEach((w, i) => {
    if (h.lamports(w.address) - workersBeforeShares[i]! !== shareDeposit) throw new Error("share deposit not returned");
  });

  // What is locked after close: every account the campaign and its work created.
  const requesterAccounts: Address[] = [c.campaign, c.escrow, ...pageAddresses];
  const workerAccounts: Address[] = [];
  for (const w of workers) {
    workerAccounts.push((await findSharePda(c.campaign, w.address))[0]);
    for (let i = 0; i < SAMPLE_TASKS; i++) workerAccounts.push((await findAssignmentPda(c.campaign, i, w.address))[0]);
  }
  const requesterLocked = h.total(requesterAccounts);
  const workersLocked = h.total(workerAccounts);
  const lockedAfterClose = requesterLocked + workersLocked;
  const requesterTxs = postTxs + reviewTxs + 3;
  const requesterSpent = requesterStart - h.lamports(requester.address);
  const sampleSlots = BigInt(SAMPLE_WORKERS * SAMPLE_TASKS);
  if (requesterSpent !== sampleSlots * PRICE + BigInt(requesterTxs) * LAMPORTS_PER_SIGNATURE)
    throw new Error(`requester spent ${requesterSpent}: not exactly pay + fees, rent was not all returned`);

  // v1, from its sizes: one Task account per task, an Assignment per accept and a Share per worker, never closed.
  const slots = BigInt(TASKS * REPLICATION);
  const v1RequesterRent = v1Rent(288) + v1Rent(48) + BigInt(TASKS) * v1Rent(224);
  const v1Assignment = v1Rent(416);
  const v1Share = v1Rent(88);
  // v2 multiplied out: every slot is one accept (16 per tx) and one submit; reviews 4 per tx.
  const workerTxFeesPerTask = LAMPORTS_PER_SIGNATURE / BigInt(ACCEPTS_PER_TX) + LAMPORTS_PER_SIGNATURE;
  // post + reviews + end + close + one share-close transaction per 8 workers (3 here).
  const v2RequesterTxs =
    BigInt(postTxs) + slots / BigInt(REVIEWS_PER_TX) + 2n + BigInt(Math.ceil(SAMPLE_WORKERS / SHARE_CLOSES_PER_TX));

  const rows: [string, string, string][] = [
    ["requester: rent up front", sol(v1RequesterRent), sol(requesterRent)],
    ["requester: transactions to post", "~2,500 (issue 15)", String(postTxs)],
    ["requester: rent locked after close", sol(v1RequesterRent), sol(requesterLocked)],
    ["requester: pay escrowed (30,000 × price)", sol(slots * PRICE), sol(slots * PRICE)],
    [
      "requester: tx fees (post, reviews 4/tx, end, close)",
      "n/a",
      `${sol(v2RequesterTxs * LAMPORTS_PER_SIGNATURE)} (${v2RequesterTxs} tx)`,
    ],
    [
      "fees to the fee vault (5 % of pay)",
      sol(slots * fee),
      `${sol(slots * fee)} (sample of 48: ${sol(h.lamports(vault) - vaultStart)})`,
    ],
    ["worker: deposit per open accept", `${sol(v1Assignment)} never back`, `${sol(depositPerAccept)} back at submit`],
    ["worker: deposit per campaign (share)", `${sol(v1Share)} never back`, `${sol(shareDeposit)} back at close`],
    ["worker: tx fees per task (accept 16/tx + submit)", "n/a", sol(workerTxFeesPerTask)],
    [
      "worker: nets per task",
      `${sol(PRICE - fee - v1Assignment)} (price − fee − deposit)`,
      `${sol(PRICE - fee - workerTxFeesPerTask)} (price − fee − tx fees)`,
    ],
    ["workers: rent locked after close (30,000)", sol(slots * v1Assignment + 3n * v1Share), sol(workersLocked)],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length), 6);
  console.log(`10,000 tasks × 3 workers at ${sol(PRICE)} per assignment, fee 5 %`);
  console.log(`${"".padEnd(w0)}  ${"v1 (224-byte tasks)".padEnd(w1)}  v2 (measured in LiteSVM)`);
  for (const [name, v1, v2] of rows) console.log(`${name.padEnd(w0)}  ${v1.padEnd(w1)}  ${v2}`);
  console.log(
    `(v2 work measured on ${SAMPLE_WORKERS} workers × ${SAMPLE_TASKS} tasks; lamports left on every account the campaign created after close: ${lockedAfterClose})`,
  );

  console.log("\ncompute units per instruction (goal < 20,000):");
  const seen = new Map<string, bigint>();
  for (const row of cu) {
    const units = row.units / BigInt(row.per ?? 1);
    seen.set(row.name, units > (seen.get(row.name) ?? 0n) ? units : (seen.get(row.name) ?? 0n));
  }
  const wn = Math.max(...[...seen.keys()].map((k) => k.length));
  for (const [name, units] of seen)
    console.log(`  ${name.padEnd(wn)}  ${String(units).padStart(6)} CU${units >= CU_GOAL ? "  OVER 20k" : ""}`);
  if ([...seen.values()].some((u) => u >= CU_GOAL)) process.exitCode = 1;
  if (lockedAfterClose !== 0n) process.exitCode = 1;
}

await main();
