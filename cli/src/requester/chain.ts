// The requester's view of the chain: kit clients, typed program-account queries (memcmp on
// the fixed layouts), and a send that turns failures into sentences a person can act on.
import {
  appendTransactionMessageInstructions,
  createSolanaRpc,
  createSolanaRpcSubscriptions,
  createTransactionMessage,
  getBase58Decoder,
  getBase64Encoder,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  getTransactionEncoder,
  isSolanaError,
  pipe,
  sendAndConfirmTransactionFactory,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Address,
  type Instruction,
  type TransactionSigner,
  type Signature,
} from "@solana/kit";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  ASSIGNMENT_OFFSETS,
  CAMPAIGN_OFFSETS,
  DISCRIMINATORS,
  decodeAssignment,
  decodeCampaign,
  decodeConfig,
  decodeEventsFromLogs,
  decodeTaskList,
  decodeWorkerProfile,
  findAssignmentPda,
  findConfigPda,
  findWorkerProfilePda,
  getProgramErrorMessage,
  type AccountKind,
  type AmplifyEvent,
  type AssignmentAccount,
  type CampaignAccount,
  type ConfigAccount,
  type WorkerProfileAccount,
} from "../../../shared/protocol";
import { getBlob, hashOfBlobUri } from "./blobClient";
import { decodeMetadata } from "./campaignMetadata";

export const MAX_TRANSACTION_BYTES = 1232;

export class RequesterError extends Error {}

export interface Endpoints {
  rpcUrl: string;
  wsUrl: string;
  blobUrl: string;
}

export interface Located<T> {
  address: Address;
  account: T;
}

type MemcmpFilter = { memcmp: { offset: bigint; bytes: string; encoding: "base58" } };

/** One program event, with the transaction that logged it. */
/** Task `index` of a campaign's committed list. */
export interface TaskEntry {
  index: number;
  /** sha256 of the (encrypted) data blob. */
  dataHash: Uint8Array;
  uri: string;
}

export interface LoggedEvent {
  signature: Signature;
  /** Unix seconds of the block (0 if the node does not know). */
  blockTime: bigint;
  event: AmplifyEvent;
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
  readonly rpc;
  readonly subscriptions;
  private readonly sendAndConfirm;

  constructor(readonly endpoints: Endpoints) {
    this.rpc = createSolanaRpc(endpoints.rpcUrl);
    this.subscriptions = createSolanaRpcSubscriptions(endpoints.wsUrl);
    this.sendAndConfirm = sendAndConfirmTransactionFactory({ rpc: this.rpc as never, rpcSubscriptions: this.subscriptions as never });
  }

  async balance(address: Address): Promise<bigint> {
    return (await this.rpc.getBalance(address, { commitment: "confirmed" }).send()).value;
  }

  async config(): Promise<ConfigAccount> {
    const [config] = await findConfigPda();
    const data = await this.accountData(config);
    if (!data) throw new RequesterError("The Amplify program is not initialised on this cluster (no Config account). Is this the right RPC?");
    return decodeConfig(data);
  }

  async accountData(address: Address): Promise<Uint8Array | undefined> {
    const { value } = await this.rpc.getAccountInfo(address, { encoding: "base64", commitment: "confirmed" }).send();
    return value ? Uint8Array.from(getBase64Encoder().encode(value.data[0])) : undefined;
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
    const metadata = decodeMetadata(await getBlob(account.metadataUri, Buffer.from(account.labelSchemaHash).toString("hex")));
    if (!metadata.tasksUri) throw new RequesterError(`Campaign ${campaign} names no task list in its metadata.`);
    const hash = hashOfBlobUri(metadata.tasksUri);
    if (!hash) throw new RequesterError(`Campaign ${campaign}'s task list is not at a content address: ${metadata.tasksUri}`);
    const tasks = decodeTaskList(await getBlob(metadata.tasksUri, hash), account.tasksRoot);
    return tasks.map((t, index) => ({ index, ...t }));
  }

  /** Open assignments (accepted, not yet submitted or released): the only ones that are accounts. */
  async assignments(campaign: Address, state?: number): Promise<Array<Located<AssignmentAccount>>> {
    const filters = [memcmpAddress(ASSIGNMENT_OFFSETS.campaign, campaign)];
    if (state !== undefined) filters.push(memcmpBytes(ASSIGNMENT_OFFSETS.state, Uint8Array.of(state)));
    return this.scan("assignment", filters, decodeAssignment);
  }

  /** Every Amplify event of transactions that touched `address`, oldest first. */
  async events(address: Address): Promise<LoggedEvent[]> {
    const signatures: { signature: Signature; blockTime: bigint }[] = [];
    let before: Signature | undefined;
    for (;;) {
      const page = await this.rpc
        .getSignaturesForAddress(address, { commitment: "confirmed", limit: SIGNATURE_PAGE, ...(before ? { before } : {}) })
        .send();
      for (const row of page) if (row.err === null) signatures.push({ signature: row.signature, blockTime: BigInt(row.blockTime ?? 0) });
      if (page.length < SIGNATURE_PAGE) break;
      before = page[page.length - 1]!.signature;
    }
    signatures.reverse();
    const logs: (readonly string[])[] = new Array(signatures.length);
    let next = 0;
    await Promise.all(Array.from({ length: TRANSACTION_FETCH_CONCURRENCY }, async () => {
      while (next < signatures.length) {
        const i = next++;
        const tx = await this.rpc.getTransaction(signatures[i]!.signature, { commitment: "confirmed", encoding: "json", maxSupportedTransactionVersion: 0 }).send();
        logs[i] = tx?.meta?.logMessages ?? [];
      }
    }));
    return signatures.flatMap((s, i) => decodeEventsFromLogs(logs[i] ?? []).map((event) => ({ ...s, event })));
  }

  /** The campaign's paid results with their reviews, from its events; keyed by the (closed) assignment address. */
  async results(campaign: Address): Promise<Array<Located<ResultRecord>>> {
    const events = await this.events(campaign);
    const scores = new Map<string, number>();
    for (const { event } of events) {
      if (event.kind === "reviewPosted" && event.campaign === campaign) scores.set(`${event.worker}/${event.taskIndex}`, event.score);
    }
    const out: Array<Located<ResultRecord>> = [];
    for (const { event, blockTime } of events) {
      if (event.kind !== "resultSubmitted" || event.campaign !== campaign) continue;
      const [assignment] = await findAssignmentPda(campaign, event.taskIndex, event.worker);
      out.push({ address: assignment, account: { campaign, worker: event.worker, taskIndex: event.taskIndex, resultHash: event.resultHash,
        resultUri: event.resultUri, price: event.price, fee: event.fee, submittedAt: blockTime,
        score: scores.get(`${event.worker}/${event.taskIndex}`) ?? null } });
    }
    return out;
  }

  async allAssignments(state?: number): Promise<Array<Located<AssignmentAccount>>> {
    const filters = state !== undefined ? [memcmpBytes(ASSIGNMENT_OFFSETS.state, Uint8Array.of(state))] : [];
    return this.scan("assignment", filters, decodeAssignment);
  }

  private async scan<T>(kind: AccountKind, filters: MemcmpFilter[], decode: (data: Uint8Array) => T): Promise<Array<Located<T>>> {
    const result = await this.rpc
      .getProgramAccounts(AMPLIFY_PROGRAM_ADDRESS, {
        encoding: "base64",
        commitment: "confirmed",
        filters: [memcmpBytes(0, DISCRIMINATORS[kind]), ...filters] as never,
      })
      .send();
    return result.map((r) => ({
      address: r.pubkey,
      account: decode(Uint8Array.from(getBase64Encoder().encode(r.account.data[0]))),
    }));
  }

  /** Encoded size of a transaction carrying these instructions, to pack batches under the limit. */
  async transactionSize(payer: TransactionSigner, instructions: Instruction[]): Promise<number> {
    const signed = await this.sign(payer, instructions, { blockhash: "11111111111111111111111111111111", lastValidBlockHeight: 0n });
    return getTransactionEncoder().encode(signed).length;
  }

  async send(payer: TransactionSigner, instructions: Instruction[]): Promise<Signature> {
    const { value: latest } = await this.rpc.getLatestBlockhash({ commitment: "confirmed" }).send();
    const signed = await this.sign(payer, instructions, latest);
    try {
      await this.sendAndConfirm(signed as never, { commitment: "confirmed" });
    } catch (e) {
      throw explainSendError(e, payer.address);
    }
    return getSignatureFromTransaction(signed);
  }

  /** Sends without waiting, for callers that confirm many at once. */
  async sendRaw(payer: TransactionSigner, instructions: Instruction[]): Promise<Signature> {
    const { value: latest } = await this.rpc.getLatestBlockhash({ commitment: "confirmed" }).send();
    const signed = await this.sign(payer, instructions, latest);
    try {
      return await this.rpc.sendTransaction(getBase64EncodedWireTransaction(signed), { encoding: "base64", preflightCommitment: "confirmed" }).send();
    } catch (e) {
      throw explainSendError(e, payer.address);
    }
  }

  private async sign(payer: TransactionSigner, instructions: Instruction[], lifetime: { blockhash: string; lastValidBlockHeight: bigint }) {
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(lifetime as never, m),
      (m) => appendTransactionMessageInstructions(instructions, m),
    );
    return signTransactionMessageWithSigners(message);
  }
}

function memcmpBytes(offset: number, bytes: Uint8Array): MemcmpFilter {
  return { memcmp: { offset: BigInt(offset), bytes: getBase58Decoder().decode(bytes), encoding: "base58" } };
}

function memcmpAddress(offset: number, address: Address): MemcmpFilter {
  return { memcmp: { offset: BigInt(offset), bytes: address, encoding: "base58" } };
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
    if (/InsufficientFundsForFee|AccountNotFound|insufficient funds|InsufficientFundsForRent/i.test(`${err.message} ${JSON.stringify(ctx, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`)) {
      return new RequesterError(`The wallet ${payer} cannot pay for this transaction: fund it first (on the localnet: amplify keys airdrop).`);
    }
  }
  const logs = chain
    .map((c) => (isSolanaError(c) ? (c.context as { logs?: unknown }).logs : undefined))
    .find((l): l is string[] => Array.isArray(l));
  const custom = logs?.join("\n").match(/custom program error: 0x([0-9a-f]+)/);
  if (custom?.[1]) return new RequesterError(`The Amplify program refused the transaction: ${getProgramErrorMessage(parseInt(custom[1], 16))}`);
  return e instanceof Error ? e : new Error(String(e));
}
