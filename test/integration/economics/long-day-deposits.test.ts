// The long day of issue 15, driven through the app's core (the contract the UI calls, without
// Chromium): 2,000 tasks on a new worker's usual 2 SOL. Every open accept holds a refundable
// deposit, so 2 SOL cannot hold 2,000 at once: bulk accept takes what the balance covers and
// says why it took fewer (insufficient funds for deposits, not a malformed instruction); the
// worker labels that wave, the submits return the deposits, and the next wave is accepted.
// Ends with every task paid exactly once and the wallet exact to the lamport.
import { join } from "node:path";
import { address, type Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDocument } from "../../../shared/annotation";
import {
  ACCOUNT_SIZES,
  computeWorkerPay,
  findAssignmentPda,
  findSharePda,
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  rentExemptMinimum,
} from "../../../shared/protocol";
import { AmplifyChain } from "../../../lib/chain";
import {
  PASSPHRASE,
  SOL,
  prepareKeystore,
  startMarket,
  startWorkerCore,
  waitFor,
  type CampaignFixture,
  type Market,
  type WorkerCore,
} from "../../support/market-harness";
import { feesPaidBy, isClosed } from "./chain-money";

/**
 * The figure, run by default: 2,000 tasks on 2 SOL (about 2 minutes on 2 idle cores).
 * `AMPLIFY_LONG_DAY_TASKS=300` runs the same code with the balance scaled by the same ratio
 * (0.3 SOL), so the waves are the same in number and the shortfall the same.
 */
const TASKS = Number(process.env.AMPLIFY_LONG_DAY_TASKS ?? 2000);
const WORKER_START = (2n * SOL * BigInt(TASKS)) / 2_000n;
const PRICE = 1_000_000n;
/** The Market screen's most per click (the contract's limit). */
const ACCEPT_CLICK = 100;

let market: Market;
let chain: AmplifyChain;
let worker: WorkerCore;
let workerAddress: Address;
let fixture: CampaignFixture;

beforeAll(async () => {
  market = await startMarket({ slotMs: 50 });
  chain = new AmplifyChain(market.net);
  const dataDir = join(market.home, "worker");
  workerAddress = address(await prepareKeystore(dataDir));
  market.net.ledger.airdrop(workerAddress, WORKER_START);
  worker = await startWorkerCore(market, dataDir);
  await worker.call("keys:unlock", { passphrase: PASSPHRASE });
  fixture = await market.createCampaign({ tasks: TASKS, isPrivate: false, price: PRICE, imageBytes: 64 });
}, 300_000);

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

describe(`long day: ${TASKS} tasks on ${Number(WORKER_START) / 1e9} SOL, accepted in waves the balance can hold`, () => {
  const waves: number[] = [];
  const shortfalls: string[] = [];

  it(
    "accepts what the deposits allow, labels it, and accepts again until every task is paid",
    { timeout: Math.max(600_000, TASKS * 1_000) },
    async () => {
      const phases = { accept: 0, label: 0, sync: 0 };
      let mark = Date.now();
      const phase = (name: keyof typeof phases) => {
        phases[name] += Date.now() - mark;
        mark = Date.now();
      };
      let paid = 0;
      let accepted = 0;
      while (paid < TASKS) {
        // As the Market screen does: up to 100 per click, until a click comes back short.
        let taken = 0;
        while (accepted < TASKS) {
          const want = Math.min(ACCEPT_CLICK, TASKS - accepted);
          const outcomes = await worker.call("market:accept", { items: [{ campaign: fixture.campaign, count: want }] });
          const ok = outcomes.filter((o) => o.ok).length;
          accepted += ok;
          taken += ok;
          if (ok < want) {
            shortfalls.push(
              outcomes
                .filter((o) => !o.ok)
                .map((o) => o.error ?? "")
                .join("; "),
            );
            break;
          }
        }
        phase("accept");
        expect(taken, `wave ${waves.length + 1} took nothing: ${shortfalls.at(-1)}`).toBeGreaterThan(0);
        waves.push(taken);
        const open = (await worker.call("tasks:list")).filter((t) => t.state === "accepted");
        expect(open).toHaveLength(taken);
        for (const meta of open) {
          const task = await worker.call("tasks:open", { id: meta.id });
          const doc = {
            ...emptyDocument(meta.id, task.labels),
            shapes: [{ id: "s", kind: "box" as const, x: 1, y: 1, w: 5, h: 5, label: task.labels[0]!.id }],
          };
          await worker.call("tasks:submit", { id: meta.id, doc });
        }
        phase("label");
        paid += taken;
        await waitFor(
          `${paid} results paid`,
          async () => {
            const summary = await worker.call("outbox:summary");
            return summary.queued === 0 && summary.confirmed === paid;
          },
          300_000,
          100,
        );
        phase("sync");
      }
      console.log(
        `long day: ${TASKS} tasks on ${Number(WORKER_START) / 1e9} SOL in ${waves.length} waves (${waves.join(", ")}); ` +
          `accept ${phases.accept / 1000} s, open + submit ${phases.label / 1000} s, sync until paid ${phases.sync / 1000} s`,
      );
    },
  );

  it("said why a wave was short: the deposits, in the worker's terms", () => {
    // 2 SOL holds fewer than 2,000 deposits of 0.00233856 SOL: the first wave must be short.
    if (BigInt(TASKS) * rentExemptMinimum(ACCOUNT_SIZES.assignment) > WORKER_START) {
      expect(waves.length).toBeGreaterThan(1);
      expect(shortfalls[0]).toMatch(
        /^insufficient funds for deposits\. Each open task holds a deposit of 0\.00233856 SOL/,
      );
    }
    expect(shortfalls.join("\n")).not.toMatch(/malformed|InsufficientFundsForRent/);
  });

  it(
    "paid every task exactly once and the wallet is exact to the lamport",
    { timeout: 120_000 + TASKS * 100 },
    async () => {
      const results = (await chain.results(fixture.campaign)).filter((r) => r.account.worker === workerAddress);
      expect(results.map((r) => r.account.taskIndex).sort((a, b) => a - b)).toEqual(
        Array.from({ length: TASKS }, (_, i) => i),
      );
      // The requester closes the campaign and (permissionlessly) the worker's share: every deposit is back.
      const campaign = await chain.campaign(fixture.campaign);
      await market.send(market.requester, [
        await getCloseCampaignInstruction({
          requester: market.requester,
          campaign: fixture.campaign,
          pagesCreated: campaign!.pagesCreated,
        }),
        await getCloseShareInstruction({ campaign: fixture.campaign, worker: workerAddress }),
      ]);
      const [share] = await findSharePda(fixture.campaign, workerAddress);
      expect(await isClosed(chain, share)).toBe(true);
      for (const index of [0, TASKS - 1]) {
        const [assignment] = await findAssignmentPda(fixture.campaign, index, workerAddress);
        expect(await isClosed(chain, assignment)).toBe(true);
      }
      const { feeBps } = await chain.config();
      const fees = await feesPaidBy(chain, workerAddress);
      const profileRent = rentExemptMinimum(ACCOUNT_SIZES.workerProfile);
      expect(await chain.balance(workerAddress)).toBe(
        WORKER_START - profileRent + BigInt(TASKS) * computeWorkerPay(PRICE, feeBps) - fees,
      );
    },
  );
});
