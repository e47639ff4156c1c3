// A busy market on the localnet: requesters post public campaigns at prices that rise with the
// minimum rating, many workers accept tasks (four per transaction) and submit results, and the
// requesters review them, so ratings spread over the star bands as the run goes. Everything goes
// through the RPC as any client's transactions would; the generator remembers what it posted, so
// it never scans the program's accounts either.
import { randomBytes } from "node:crypto";
import {
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import type { Address, Blockhash, Instruction, KeyPairSigner } from "@solana/kit";
import { createJsonRpc, JsonRpcError } from "../../lib/market";
import {
  findCampaignPda,
  findConfigPda,
  decodeConfig,
  getAcceptTaskInstruction,
  getAddTaskPageInstructions,
  getCreateCampaignInstruction,
  getRegisterWorkerInstruction,
  getReviewInstruction,
  getSubmitResultInstruction,
  computeTasksRoot,
} from "../../shared/protocol";
import { createHash } from "node:crypto";

export interface LoadOptions {
  readonly rpcUrl: string;
  readonly blobUrl: string | null;
  readonly workers: number;
  /** Campaigns open at once; a filled one is replaced by a new one. */
  readonly openCampaigns: number;
  readonly tasksPerCampaign: number;
  /** Stop after this many market events (accepts + results + reviews + posts)… */
  readonly events: number;
  /** …or this many seconds. */
  readonly seconds: number;
  /** Transactions in flight at once. */
  readonly concurrency: number;
  /** Price per assignment by minimum rating (lamports); rating 0 / 2000 / 4000. */
  readonly prices?: readonly [bigint, bigint, bigint];
  readonly log?: (line: string) => void;
}

export interface LoadResult {
  readonly events: number;
  readonly transactions: number;
  readonly seconds: number;
  readonly campaigns: { address: string; price: bigint; minRating: number }[];
}

interface Campaign {
  address: Address;
  price: bigint;
  minRating: number;
  replication: number;
  tasks: number[];
  /** Per task, workers who hold or did it. */
  takers: Map<number, Set<string>>;
  postedAt: number;
}

interface Worker {
  signer: KeyPairSigner;
  /** 0..100: the score this worker's results earn, so ratings drift apart. */
  skill: number;
  rating: number;
  busy: boolean;
}

const MIN_RATINGS = [0, 2000, 4000] as const;
const DEFAULT_PRICES: readonly [bigint, bigint, bigint] = [1_000_000n, 2_000_000n, 4_000_000n];

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const rpc = createJsonRpc(() => options.rpcUrl, 60_000);
  const log = options.log ?? (() => {});
  const call = async <T>(method: string, params: unknown[]): Promise<T> => {
    const [r] = await rpc.batch([{ method, params }]);
    if (r instanceof JsonRpcError) throw r;
    return r as T;
  };
  let blockhash = (
    await call<{ value: { blockhash: Blockhash; lastValidBlockHeight: number } }>("getLatestBlockhash", [
      { commitment: "confirmed" },
    ])
  ).value;
  const refresh = setInterval(() => {
    void call<{ value: { blockhash: Blockhash; lastValidBlockHeight: number } }>("getLatestBlockhash", [
      { commitment: "confirmed" },
    ])
      .then((r) => (blockhash = r.value))
      .catch(() => {});
  }, 2_000);
  let transactions = 0;
  let events = 0;
  const send = async (payer: KeyPairSigner, instructions: Instruction[], eventCount: number): Promise<boolean> => {
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) =>
        setTransactionMessageLifetimeUsingBlockhash(
          { blockhash: blockhash.blockhash, lastValidBlockHeight: BigInt(blockhash.lastValidBlockHeight) },
          m,
        ),
      (m) => appendTransactionMessageInstructions(instructions, m),
    );
    const signed = await signTransactionMessageWithSigners(message);
    try {
      // The localnet replies once the transaction is durably committed, so the next step may build on it.
      await call("sendTransaction", [
        getBase64EncodedWireTransaction(signed),
        { encoding: "base64", skipPreflight: false },
      ]);
      transactions++;
      events += eventCount;
      return true;
    } catch (error) {
      log(
        `transaction ${getSignatureFromTransaction(signed)} refused: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  };

  const [configPda] = await findConfigPda();
  const configInfo = await call<{ value: { data: [string, string] } | null }>("getAccountInfo", [
    configPda,
    { encoding: "base64" },
  ]);
  if (!configInfo.value) throw new Error("the Amplify program is not initialised on this localnet");
  decodeConfig(Buffer.from(configInfo.value.data[0], "base64")); // fails loudly if the program is not initialised

  const airdrop = async (to: Address, lamports: bigint): Promise<void> => {
    await call("requestAirdrop", [to, Number(lamports)]);
  };
  const requester = await generateKeyPairSigner();
  await airdrop(requester.address, 10_000_000_000_000n);
  const workers: Worker[] = [];
  for (let i = 0; i < options.workers; i++) {
    const signer = await generateKeyPairSigner();
    workers.push({ signer, skill: [5, 60, 100][i % 3]!, rating: 2000, busy: false });
  }
  await Promise.all(workers.map((w) => airdrop(w.signer.address, 100_000_000_000n)));
  await pool(workers, options.concurrency, async (w) => {
    await send(
      w.signer,
      [await getRegisterWorkerInstruction({ worker: w.signer, x25519PublicKey: Uint8Array.from(randomBytes(32)) })],
      0,
    );
  });

  let metadata: { uri: string; hash: Uint8Array } | null = null;
  if (options.blobUrl) {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ title: "Load test", labelKind: "box", labels: [{ id: "car", name: "car", color: "#ff0000" }] }),
    );
    const hash = createHash("sha256").update(bytes).digest();
    const uri = `${options.blobUrl}/blobs/${hash.toString("hex")}`;
    const put = await fetch(uri, { method: "PUT", body: bytes });
    if (put.status === 201 || put.status === 200) metadata = { uri, hash: Uint8Array.from(hash) };
  }

  const prices = options.prices ?? DEFAULT_PRICES;
  let nextId = BigInt(Date.now()) * 1000n;
  const posted: Campaign[] = [];
  const open: Campaign[] = [];
  const post = async (slot: number): Promise<void> => {
    const which = slot % MIN_RATINGS.length;
    const id = nextId++;
    const [address] = await findCampaignPda(requester.address, id);
    const tasks = options.tasksPerCampaign;
    const create = await getCreateCampaignInstruction({
      requester,
      id,
      price: prices[which]!,
      taskCount: tasks,
      replication: 1,
      minRating: MIN_RATINGS[which]!,
      admitUnrated: true,
      maxShareBps: 10_000,
      isPrivate: false,
      deadline: BigInt(Math.floor(Date.now() / 1000) + 86_400),
      assignmentTimeout: 3_600n,
      reviewWindow: 86_400n,
      tasksRoot: computeTasksRoot(
        Array.from({ length: tasks }, () => ({ dataHash: Uint8Array.from(randomBytes(32)), uri: "" })),
      ),
      labelSchemaHash: metadata?.hash ?? new Uint8Array(32),
      metadataUri: metadata?.uri ?? "",
    });
    const pages = await getAddTaskPageInstructions({ requester, campaign: address, taskCount: tasks });
    if (!(await send(requester, [create], 1))) return;
    await send(requester, pages, pages.length);
    const taskAddresses = Array.from({ length: tasks }, (_, i) => i);
    const c: Campaign = {
      address,
      price: prices[which]!,
      minRating: MIN_RATINGS[which]!,
      replication: 1,
      tasks: taskAddresses,
      takers: new Map(),
      postedAt: Date.now(),
    };
    posted.push(c);
    open.push(c);
  };
  for (let i = 0; i < options.openCampaigns; i++) await post(i);

  const pendingReviews: { campaign: Address; taskIndex: number; worker: Worker }[] = [];
  const started = Date.now();
  let postedCount = options.openCampaigns;
  const done = (): boolean => events >= options.events || Date.now() - started > options.seconds * 1000;

  // One step of one worker: take up to four free tasks of a campaign it may work on, then submit them.
  const step = async (w: Worker): Promise<boolean> => {
    const campaign = open.find((c) => c.minRating <= w.rating && c.tasks.some((t) => !c.takers.get(t)?.size));
    if (!campaign) return false;
    const free = campaign.tasks.filter((t) => !campaign.takers.get(t)?.size).slice(0, 4);
    for (const t of free) campaign.takers.set(t, new Set([w.signer.address]));
    const accepts = await Promise.all(
      free.map((task) => getAcceptTaskInstruction({ worker: w.signer, campaign: campaign.address, taskIndex: task })),
    );
    if (!(await send(w.signer, accepts, accepts.length))) {
      for (const t of free) campaign.takers.delete(t);
      return false;
    }
    const submits = await Promise.all(
      free.map((task) =>
        getSubmitResultInstruction({
          worker: w.signer,
          campaign: campaign.address,
          taskIndex: task,
          resultHash: Uint8Array.from(randomBytes(32)),
          resultUri: "",
        }),
      ),
    );
    if (await send(w.signer, submits, submits.length)) {
      for (const task of free) pendingReviews.push({ campaign: campaign.address, taskIndex: task, worker: w });
    }
    if (campaign.tasks.every((t) => campaign.takers.get(t)?.size)) {
      open.splice(open.indexOf(campaign), 1);
      await post(postedCount++);
    }
    return true;
  };
  const review = async (): Promise<void> => {
    const batch = pendingReviews.splice(0, 6);
    if (batch.length === 0) return;
    const ixs = await Promise.all(
      batch.map((r) =>
        getReviewInstruction({
          requester,
          campaign: r.campaign,
          taskIndex: r.taskIndex,
          worker: r.worker.signer.address,
          score: r.worker.skill,
        }),
      ),
    );
    if (await send(requester, ixs, ixs.length)) {
      // The generator's own estimate of each rating, enough to pick campaigns a worker may take.
      for (const r of batch)
        r.worker.rating = Math.max(
          0,
          Math.min(
            10_000,
            r.worker.rating + Math.max(-500, Math.min(500, (r.worker.skill * 100 - r.worker.rating) / 3)),
          ),
        );
    }
  };

  const lanes = Array.from({ length: options.concurrency }, async (_, lane) => {
    let i = lane;
    while (!done()) {
      if (lane === 0 && pendingReviews.length >= 6) await review();
      const w = workers[i++ % workers.length]!;
      if (w.busy) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      w.busy = true;
      const worked = await step(w).finally(() => {
        w.busy = false;
      });
      // Nothing this worker may take: let the event loop breathe rather than spin.
      if (!worked) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
  await Promise.all(lanes);
  while (pendingReviews.length && !(events >= options.events * 1.5)) await review();
  clearInterval(refresh);
  const seconds = (Date.now() - started) / 1000;
  log(
    `load: ${events} events in ${transactions} transactions over ${seconds.toFixed(1)} s (${(events / seconds).toFixed(0)} events/s)`,
  );
  return {
    events,
    transactions,
    seconds,
    campaigns: posted.map((c) => ({ address: c.address, price: c.price, minRating: c.minRating })),
  };
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, width) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}
