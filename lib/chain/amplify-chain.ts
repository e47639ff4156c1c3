// The requester's view of the chain: typed program-account queries (memcmp on the fixed
// layouts) and a send that turns failures into sentences a person can act on, over the one
// ChainClient (timeouts, bytes and bigints) that core uses too.
import {
  createSolanaRpcSubscriptions,
  getAddressEncoder,
  isSolanaError,
  type Address,
  type Blockhash,
  type Instruction,
  type Signature,
  type TransactionSigner,
} from "@solana/kit";
import {
  ASSIGNMENT_OFFSETS,
  CAMPAIGN_OFFSETS,
  DISCRIMINATORS,
  decodeAssignment,
  decodeCampaign,
  decodeConfig,
  decodeEventsFromLogs,
  decodeShare,
  decodeTaskList,
  decodeWorkerProfile,
  findAssignmentPda,
  findConfigPda,
  findWorkerProfilePda,
  getProgramErrorMessage,
  SHARE_OFFSETS,
  type AccountKind,
  type AmplifyEvent,
  type AssignmentAccount,
  type CampaignAccount,
  type ConfigAccount,
  type ShareAccount,
  type WorkerProfileAccount,
} from "../../shared/protocol";
import { CampaignMetadata } from "../../shared/api/tasks";
import { getBlob, hashOfBlobUri } from "../blobs";
import { ChainClient, type LoggedEvent, type MemcmpFilter } from "./chain-client";
import { waitForConfirmation } from "./confirm";
import type { TransactionFailure } from "./transaction-error";

export const MAX_TRANSACTION_BYTES = 1232;

/** Which of a requester's inputs an error is about, so a form can show it next to that field. */
export type RequesterInput = "images" | "labels" | "price" | "replication" | "minRating" | "maxShare" | "examples";

/** A sentence for the requester about their input or wallet (the CLI prints it, the app shows it). */
export class RequesterError extends Error {
  constructor(
    message: string,
    readonly input?: RequesterInput,
  ) {
    super(message);
  }
}

export interface Endpoints {
  rpcUrl: string;
  wsUrl: string;
  blobUrl: string;
}

export interface Located<T> {
  address: Address;
  account: T;
}

export interface AmplifyChainOptions {
  /** Per-request timeout; requester scans of large campaigns take longer than the worker's reads. */
  readonly timeoutMs?: number;
  /** How long a sent transaction may take to confirm before the requester is told. */
  readonly confirmTimeoutMs?: number;
}

/** Task `index` of a campaign's committed list. */
export interface TaskEntry {
  index: number;
  /** sha256 of the (encrypted) data blob. */
  dataHash: Uint8Array;
  uri: string;
}

/**
 * A paid result, read back from its ResultSubmitted event (the assignment account itself is
 * closed at submission) and joined with its ReviewPosted event, if any.
 */
export interface ResultRecord {
  campaign: Address;
  worker: Address;
  taskIndex: number;
  resultHash: Uint8Array;
  resultUri: string;
  price: bigint;
  fee: bigint;
  submittedAt: bigint;
  /** null until the requester reviewed it. */
  score: number | null;
}

const SIGNATURE_PAGE = 1000;
const TRANSACTION_FETCH_CONCURRENCY = 16;

export class AmplifyChain {
  readonly client: ChainClient;
  /** PubSub, for the key service's account notifications. */
  readonly subscriptions;
  private readonly confirmTimeoutMs: number;

  constructor(
    readonly endpoints: Endpoints,
    options: AmplifyChainOptions = {},
  ) {
    this.client = new ChainClient({ rpcUrl: () => endpoints.rpcUrl, timeoutMs: options.timeoutMs ?? 30_000 });
    this.subscriptions = createSolanaRpcSubscriptions(endpoints.wsUrl);
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 60_000;
  }

  /** kit's RPC, for calls the client does not wrap (airdrops, rent). */
  get rpc() {
    return this.client.rpc;
  }

  async balance(address: Address): Promise<bigint> {
    return this.client.balance(address);
  }

  async config(): Promise<ConfigAccount> {
    const [config] = await findConfigPda();
    const data = await this.accountData(config);
    if (!data)
      throw new RequesterError(
        "The Amplify program is not initialised on this cluster (no Config account). Is this the right RPC?",
      );
    return decodeConfig(data);
  }

  async accountData(address: Address): Promise<Uint8Array | undefined> {
    return (await this.client.account(address))?.data;
  }

  async campaign(address: Address): Promise<CampaignAccount | undefined> {
    const data = await this.accountData(address);
    return data ? decodeCampaign(data) : undefined;
  }

  async workerProfile(worker: Address): Promise<WorkerProfileAccount | undefined> {
    const [profile] = await findWorkerProfilePda(worker);
    const data = await this.accountData(profile);
    return data ? decodeWorkerProfile(data) : undefined;
  }

  async campaigns(requester?: Address): Promise<Array<Located<CampaignAccount>>> {
    const filters = requester ? [memcmpAddress(CAMPAIGN_OFFSETS.requester, requester)] : [];
    return this.scan("campaign", filters, decodeCampaign);
  }

  /**
   * The campaign's committed task list: fetched from the task-list blob its metadata names and
   * checked against the tasksRoot on chain, so no entry is trusted that the chain does not commit.
   */
  async tasks(campaign: Address): Promise<TaskEntry[]> {
    const account = await this.campaign(campaign);
    if (!account) throw new RequesterError(`No campaign at ${campaign}.`);
    const metadata = CampaignMetadata.parse(
      JSON.parse(
        new TextDecoder().decode(
          await getBlob(account.metadataUri, Buffer.from(account.labelSchemaHash).toString("hex")),
        ),
      ),
    );
    if (!metadata.tasksUri) throw new RequesterError(`Campaign ${campaign} names no task list in its metadata.`);
    const hash = hashOfBlobUri(metadata.tasksUri);
    if (!hash)
      throw new RequesterError(`Campaign ${campaign}'s task list is not at a content address: ${metadata.tasksUri}`);
    const tasks = decodeTaskList(await getBlob(metadata.tasksUri, hash), account.tasksRoot);
    return tasks.map((t, index) => ({ index, ...t }));
  }

  /** Open assignments (accepted, not yet submitted or released): the only ones that are accounts. */
  async assignments(campaign: Address, state?: number): Promise<Array<Located<AssignmentAccount>>> {
    const filters = [memcmpAddress(ASSIGNMENT_OFFSETS.campaign, campaign)];
    if (state !== undefined) filters.push({ offset: ASSIGNMENT_OFFSETS.state, bytes: Uint8Array.of(state) });
    return this.scan("assignment", filters, decodeAssignment);
  }

  /** Every Amplify event of transactions that touched `address`, oldest first. */
  async events(address: Address): Promise<LoggedEvent[]> {
    const signatures: { signature: Signature; blockTime: bigint }[] = [];
    let before: Signature | undefined;
    for (;;) {
      const page = await this.rpc
        .getSignaturesForAddress(address, {
          commitment: "confirmed",
          limit: SIGNATURE_PAGE,
          ...(before ? { before } : {}),
        })
        .send();
      for (const row of page)
        if (row.err === null) signatures.push({ signature: row.signature, blockTime: BigInt(row.blockTime ?? 0) });
      if (page.length < SIGNATURE_PAGE) break;
      before = page[page.length - 1]!.signature;
    }
    signatures.reverse();
    const logs: (readonly string[])[] = new Array(signatures.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: TRANSACTION_FETCH_CONCURRENCY }, async () => {
        while (next < signatures.length) {
          const i = next++;
          const tx = await this.rpc
            .getTransaction(signatures[i]!.signature, {
              commitment: "confirmed",
              encoding: "json",
              maxSupportedTransactionVersion: 0,
            })
            .send();
          logs[i] = tx?.meta?.logMessages ?? [];
        }
      }),
    );
    return signatures.flatMap((s, i) => decodeEventsFromLogs(logs[i] ?? []).map((event) => ({ ...s, event })));
  }

  /** The campaign's paid results with their reviews, from its events; keyed by the (closed) assignment address. */
  async results(campaign: Address): Promise<Array<Located<ResultRecord>>> {
    const events = await this.events(campaign);
    const scores = new Map<string, number>();
    for (const { event } of events) {
      if (event.kind === "reviewPosted" && event.campaign === campaign)
        scores.set(`${event.worker}/${event.taskIndex}`, event.score);
    }
    const out: Array<Located<ResultRecord>> = [];
    for (const { event, blockTime } of events) {
      if (event.kind !== "resultSubmitted" || event.campaign !== campaign) continue;
      const [assignment] = await findAssignmentPda(campaign, event.taskIndex, event.worker);
      out.push({
        address: assignment,
        account: {
          campaign,
          worker: event.worker,
          taskIndex: event.taskIndex,
          resultHash: event.resultHash,
          resultUri: event.resultUri,
          price: event.price,
          fee: event.fee,
          submittedAt: blockTime,
          score: scores.get(`${event.worker}/${event.taskIndex}`) ?? null,
        },
      });
    }
    return out;
  }

  /** Every worker's Share of the campaign (its cursor, counts and the worker's deposit). */
  async shares(campaign: Address): Promise<Array<Located<ShareAccount> & { lamports: bigint }>> {
    const raw = await this.client.programAccounts(null, [
      { offset: 0, bytes: DISCRIMINATORS.share },
      memcmpAddress(SHARE_OFFSETS.campaign, campaign),
    ]);
    return raw.map((r) => ({ address: r.address as Address, account: decodeShare(r.data), lamports: r.lamports }));
  }

  /** What a landed transaction cost its fee payer and the Amplify events it logged. */
  async transaction(signature: Signature): Promise<{ fee: bigint; events: AmplifyEvent[] }> {
    const tx = await this.rpc
      .getTransaction(signature, { commitment: "confirmed", encoding: "json", maxSupportedTransactionVersion: 0 })
      .send();
    if (!tx?.meta) throw new RequesterError(`Transaction ${signature} is not readable from the RPC yet.`);
    return { fee: BigInt(tx.meta.fee), events: decodeEventsFromLogs(tx.meta.logMessages ?? []) };
  }

  async allAssignments(state?: number): Promise<Array<Located<AssignmentAccount>>> {
    const filters = state !== undefined ? [{ offset: ASSIGNMENT_OFFSETS.state, bytes: Uint8Array.of(state) }] : [];
    return this.scan("assignment", filters, decodeAssignment);
  }

  private async scan<T>(
    kind: AccountKind,
    filters: MemcmpFilter[],
    decode: (data: Uint8Array) => T,
  ): Promise<Array<Located<T>>> {
    const raw = await this.client.programAccounts(null, [{ offset: 0, bytes: DISCRIMINATORS[kind] }, ...filters]);
    return raw.map((r) => ({ address: r.address as Address, account: decode(r.data) }));
  }

  /** Encoded size of a transaction carrying these instructions, to pack batches under the limit. */
  async transactionSize(payer: TransactionSigner, instructions: Instruction[]): Promise<number> {
    const placeholder = { blockhash: "11111111111111111111111111111111" as Blockhash, lastValidBlockHeight: 0n };
    return (await this.client.sign(payer, instructions, placeholder)).wire.length;
  }

  /** Signs, sends (preflight on, so a refusal comes back with the program's reason) and waits for confirmation. */
  async send(payer: TransactionSigner, instructions: Instruction[]): Promise<Signature> {
    const signature = await this.sendRaw(payer, instructions);
    const outcome = await waitForConfirmation(this.client, signature, this.confirmTimeoutMs, 100);
    if (!outcome) {
      throw new RequesterError(
        `Transaction ${signature} was not confirmed within ${this.confirmTimeoutMs / 1000} s: check the RPC, then run the command again (it resumes).`,
      );
    }
    if (!outcome.ok) throw new RequesterError(explainFailure(outcome.failure));
    return signature;
  }

  /** Sends without waiting, for callers that confirm many at once. */
  async sendRaw(payer: TransactionSigner, instructions: Instruction[]): Promise<Signature> {
    const signed = await this.client.sign(payer, instructions);
    try {
      await this.client.send(signed.wire, { skipPreflight: false });
    } catch (e) {
      throw explainSendError(e, payer.address);
    }
    return signed.signature as Signature;
  }
}

function memcmpAddress(offset: number, address: Address): MemcmpFilter {
  return { offset, bytes: Uint8Array.from(getAddressEncoder().encode(address)) };
}

function explainFailure(failure: TransactionFailure): string {
  return failure.programError !== null
    ? `The Amplify program refused the transaction: ${failure.message}`
    : `The transaction failed on chain: ${failure.message}`;
}

/** Turns kit's errors into what the requester should do next. */
export function explainSendError(e: unknown, payer: Address): Error {
  const chain: unknown[] = [];
  for (let cur: unknown = e; cur; cur = cur instanceof Error ? cur.cause : undefined) chain.push(cur);
  for (const err of chain) {
    if (!isSolanaError(err)) continue;
    const ctx = err.context as Record<string, unknown>;
    if (typeof ctx.code === "number" && "index" in ctx && err.message.includes("custom program error")) {
      return new RequesterError(`The Amplify program refused the transaction: ${getProgramErrorMessage(ctx.code)}`);
    }
    if (
      /InsufficientFundsForFee|AccountNotFound|insufficient funds|InsufficientFundsForRent/i.test(
        `${err.message} ${JSON.stringify(ctx, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`,
      )
    ) {
      return new RequesterError(
        `The wallet ${payer} has too little SOL to pay for this transaction: fund it first, then try again.`,
      );
    }
  }
  const logs = chain
    .map((c) => (isSolanaError(c) ? (c.context as { logs?: unknown }).logs : undefined))
    .find((l): l is string[] => Array.isArray(l));
  const custom = logs?.join("\n").match(/custom program error: 0x([0-9a-f]+)/);
  if (custom?.[1])
    return new RequesterError(
      `The Amplify program refused the transaction: ${getProgramErrorMessage(parseInt(custom[1], 16))}`,
    );
  return e instanceof Error ? e : new Error(String(e));
}
