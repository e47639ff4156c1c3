// The live market feed against the real localnet and the real program: events decoded from
// transactions, stored in the app's SQLite store (migration 003), priced to the lamport the
// chain moved, caught up after being offline without storing anything twice, and quoted from.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyPairSigner } from "@solana/kit";
import type { Instruction, KeyPairSigner } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/src/cli";
import { ChainClient, waitForConfirmation } from "../../../lib/chain";
import { Store } from "../../../electron/core/store";
import {
  ChainReadSource,
  MarketEventStore,
  MarketFeed,
  eventsFromNotification,
  fetchLabelKind,
} from "../../../lib/market";
import { startLocalnet } from "../../../localnet";
import type { Localnet } from "../../../localnet";
import {
  amplifyProgramAddress,
  computeFee,
  computeTasksRoot,
  decodeConfig,
  findCampaignPda,
  findConfigPda,
  findFeeVaultPda,
  getAcceptTaskInstruction,
  getAddTaskPageInstructions,
  getCreateCampaignInstruction,
  getRegisterWorkerInstruction,
  getReviewInstruction,
  getSubmitResultInstruction,
} from "../../../shared/protocol";
import { waitFor } from "../../support/wait-for";

const PRICE = 3_000_000n;
const TASKS = 3;

let net: Localnet;
let chain: ChainClient;
let home: string;
let requester: KeyPairSigner;
let worker: KeyPairSigner;
let treasury: string;
let feeBps: number;

async function send(signer: KeyPairSigner, instructions: Instruction[]): Promise<void> {
  const tx = await chain.sign(signer, instructions);
  await chain.send(tx.wire);
  const outcome = await waitForConfirmation(chain, tx.signature, 20_000, 50);
  if (!outcome?.ok) throw new Error(`transaction failed: ${outcome ? outcome.failure.message : "timeout"}`);
}

/** The feed as core wires it: live events from the program's log lines, history from transactions. */
function feedOn(store: MarketEventStore, source = sourceOn()): MarketFeed {
  return new MarketFeed({
    store,
    source,
    labelKindOf: (uri, hash) => fetchLabelKind(uri, hash),
    pushMs: 20,
  });
}

function sourceOn(): ChainReadSource {
  const program = amplifyProgramAddress();
  return new ChainReadSource({
    rpcUrl: () => net.rpcUrl,
    wsUrl: () => net.wsUrl,
    program,
    fromLogs: eventsFromNotification(program),
    flushMs: 20,
    reconnectMs: 100,
  });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "amplify-market-feed-"));
  net = await startLocalnet({
    home: join(home, "localnet"),
    rpcPort: 0,
    wsPort: 0,
    blobPort: 0,
    slotMs: 100,
    log: () => {},
  });
  chain = new ChainClient({ rpcUrl: () => net.rpcUrl });
  requester = await generateKeyPairSigner();
  worker = await generateKeyPairSigner();
  net.ledger.airdrop(requester.address, 10_000_000_000n);
  net.ledger.airdrop(worker.address, 10_000_000_000n);
  const config = decodeConfig((await chain.account((await findConfigPda())[0]))!.data);
  // Fees land in the program's fee vault (governance withdraws them to the treasury).
  treasury = (await findFeeVaultPda())[0];
  feeBps = config.feeBps;
});

afterAll(async () => {
  await net?.close();
});

describe("market feed", () => {
  it("stores each result once at the price and fee the chain moved, catches up after being offline, and quotes from it", async () => {
    const store = Store.open({ dataDir: join(home, "app") });
    const events = new MarketEventStore(store.db);
    const liveSource = sourceOn();
    let feed = feedOn(events, liveSource);
    feed.start();
    await waitFor("the live stream", () => feed.status().live, 20_000, 50);

    const metadata = Buffer.from(JSON.stringify({ title: "Feed test", labelKind: "polygon", labels: [] }));
    const hash = createHash("sha256").update(metadata).digest();
    const uri = `${net.blobUrl}/blobs/${hash.toString("hex")}`;
    expect((await fetch(uri, { method: "PUT", body: metadata })).status).toBe(201);
    const [campaign] = await findCampaignPda(requester.address, 7n);
    await send(requester, [
      await getCreateCampaignInstruction({
        requester,
        id: 7n,
        price: PRICE,
        taskCount: TASKS,
        replication: 1,
        minRating: 0,
        admitUnrated: true,
        maxShareBps: 10_000,
        isPrivate: false,
        deadline: BigInt(Math.floor(Date.now() / 1000) + 86_400),
        assignmentTimeout: 3_600n,
        reviewWindow: 86_400n,
        tasksRoot: computeTasksRoot(
          Array.from({ length: TASKS }, () => ({ dataHash: Uint8Array.from(randomBytes(32)), uri: "" })),
        ),
        labelSchemaHash: Uint8Array.from(hash),
        metadataUri: uri,
      }),
      ...(await getAddTaskPageInstructions({ requester, campaign, taskCount: TASKS })),
    ]);
    const tasks = Array.from({ length: TASKS }, (_, i) => i);
    await send(worker, [
      await getRegisterWorkerInstruction({ worker, x25519PublicKey: Uint8Array.from(randomBytes(32)) }),
    ]);
    await send(
      worker,
      await Promise.all(tasks.map((task) => getAcceptTaskInstruction({ worker, campaign, taskIndex: task }))),
    );
    const submit = (task: (typeof tasks)[number]) =>
      getSubmitResultInstruction({
        worker,
        campaign,
        taskIndex: task,
        resultHash: Uint8Array.from(randomBytes(32)),
        resultUri: "",
      });
    const before = await chain.balance(treasury);
    await send(worker, [await submit(tasks[0]!), await submit(tasks[1]!)]);
    const paidLive = (await chain.balance(treasury)) - before;

    // 1 post + 1 tasks_added + 3 accepts + 2 results, all from the live stream.
    await waitFor("the live events", () => events.head().count === 7, 20_000, 50);
    const live = events.page({ limit: 50, filter: { kinds: ["result_submitted"] } }).rows;
    expect(live).toHaveLength(2);
    for (const row of live) {
      expect(row.priceLamports).toBe(Number(PRICE));
      expect(row.feeLamports).toBe(Number(computeFee(PRICE, feeBps)));
      expect(row.workerRating).toBe(2000);
      expect(row.worker).toBe(worker.address);
    }
    expect(BigInt(live.reduce((sum, r) => sum + r.feeLamports!, 0))).toBe(paidLive);
    // Read from logsSubscribe's log lines: register, accept and submit cost no getTransaction; only
    // the campaign's posting is fetched (its metadata URI is instruction data, not in the event).
    expect(liveSource.stats).toMatchObject({ fromLogs: 3, liveFetched: 1 });

    // Offline: the last result and a review land while the app is not listening.
    feed.stop();
    await send(worker, [await submit(tasks[2]!)]);
    await send(requester, [
      await getReviewInstruction({ requester, campaign, worker: worker.address, taskIndex: tasks[0]!, score: 90 }),
    ]);
    expect(events.head().count).toBe(7);

    feed = feedOn(events);
    feed.start();
    await waitFor("the catch-up", () => events.head().count === 9, 20_000, 50);
    await feed.catchUp();
    await feed.settled();
    expect(events.head().count).toBe(9);
    feed.stop();

    const all = events.page({ limit: 50 }).rows;
    expect(all.map((r) => r.kind).sort()).toEqual(
      [
        "campaign_posted",
        "tasks_added",
        "task_accepted",
        "task_accepted",
        "task_accepted",
        "result_submitted",
        "result_submitted",
        "result_submitted",
        "review_posted",
      ].sort(),
    );
    expect(new Set(all.map((r) => `${r.signature}/${r.index}`)).size).toBe(9);
    expect(all.find((r) => r.kind === "review_posted")?.score).toBe(90);
    expect(all.every((r) => r.labelKind === "polygon")).toBe(true);

    // Aggregates: every fee the treasury received in the window, and the campaign's fill.
    const charts = events.charts(3_600, 60, Math.floor(Date.now() / 1000));
    const fees = charts.feeByBucket.reduce((a, b) => a + b, 0);
    expect(BigInt(fees)).toBe(computeFee(PRICE, feeBps) * BigInt(TASKS));
    expect(charts.priceByBand[1]!.filter((p) => p !== null)).toEqual(
      charts.priceByBand[1]!.filter((p) => p !== null).map(() => Number(PRICE)),
    );
    expect(charts.fills.map((f) => f.campaign)).toEqual([campaign]);

    const quote = feed.quote(
      { labelKind: "polygon", minRating: 0, replication: 1, deadlineSeconds: 3_600, tasks: 10 },
      { feeBps, rent: { campaign: 1n, escrow: 2n, task: 3n } },
    );
    expect(quote.priceLamports).toBe(Number(PRICE));
    expect(quote.sampleSize).toBe(1);
    // Create + one task page: two requester signatures; rent per task is one counter byte.
    expect(quote.cost?.totalLamports).toBe(Number(PRICE) * 10 + 1 + 2 + 3 * 10 + 5_000 * (1 + 1));
    expect(
      feed.quote(
        { labelKind: "box", minRating: 0, replication: 1, deadlineSeconds: 3_600, tasks: 10 },
        { feeBps, rent: { campaign: 1n, escrow: 2n, task: 3n } },
      ).priceLamports,
    ).toBeNull();
    store.close();

    // The CLI quotes from its own copy of the same events, read from the chain.
    const out: string[] = [];
    const code = await runCli(
      [
        "--rpc",
        net.rpcUrl,
        "--ws",
        net.wsUrl,
        "--state",
        join(home, "cli"),
        "campaign",
        "quote",
        "--kind",
        "polygon",
        "--min-rating",
        "0",
        "--deadline-hours",
        "1",
        "--tasks",
        "10",
      ],
      { out: (l) => out.push(l), err: (l) => out.push(l), stopped: () => Promise.resolve() },
    );
    expect(code, out.join("\n")).toBe(0);
    expect(out.join("\n")).toContain("suggested price  0.003 SOL per task");
    expect(out.join("\n")).toContain("sample           1 of 1 similar campaigns filled within 60 min");
  });
});
