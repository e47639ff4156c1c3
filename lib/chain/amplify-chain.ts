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
  TASK_OFFSETS,
  decodeAssignment,
  decodeCampaign,
  decodeConfig,
  decodeTask,
  decodeWorkerProfile,
  findConfigPda,
  findWorkerProfilePda,
  getProgramErrorMessage,
  type AccountKind,
  type AssignmentAccount,
  type CampaignAccount,
  type ConfigAccount,
  type TaskAccount,
  type WorkerProfileAccount,
} from "../../shared/protocol";

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

  async tasks(campaign: Address): Promise<Array<Located<TaskAccount>>> {
    const tasks = await this.scan("task", [memcmpAddress(TASK_OFFSETS.campaign, campaign)], decodeTask);
    return tasks.sort((a, b) => a.account.index - b.account.index);
  }

  async assignments(campaign: Address, state?: number): Promise<Array<Located<AssignmentAccount>>> {
    const filters = [memcmpAddress(ASSIGNMENT_OFFSETS.campaign, campaign)];
    if (state !== undefined) filters.push(memcmpBytes(ASSIGNMENT_OFFSETS.state, Uint8Array.of(state)));
    return this.scan("assignment", filters, decodeAssignment);
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
