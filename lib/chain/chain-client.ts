import type { Address, Base64EncodedWireTransaction, Blockhash, Signature, Transaction } from "@solana/kit";
import {
  address,
  appendTransactionMessageInstructions,
  createSolanaRpc,
  createTransactionMessage,
  getBase58Decoder,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  getTransactionDecoder,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import type { Instruction, Rpc, SolanaRpcApi, TransactionSigner } from "@solana/kit";
import { amplifyProgramAddress, decodeEventsFromLogs } from "../../shared/protocol";
import type { AmplifyEvent } from "../../shared/protocol";
import { parseTransactionError } from "./transaction-error";
import type { TransactionFailure } from "./transaction-error";

type KitRpc = Rpc<SolanaRpcApi>;

export interface ChainClientOptions {
  readonly rpcUrl: () => string;
  /** Per-request timeout; a hung RPC must not stall the sync loop. */
  readonly timeoutMs?: number;
}

export interface SignedTransaction {
  readonly wire: Uint8Array;
  readonly signature: string;
  readonly lastValidBlockHeight: bigint;
}

export interface SignatureStatus {
  readonly slot: bigint;
  readonly confirmationStatus: "processed" | "confirmed" | "finalized" | null;
  readonly failure: TransactionFailure | null;
}

export interface RawAccount {
  readonly address: string;
  readonly data: Uint8Array;
  readonly lamports: bigint;
}

/** An Amplify event and the transaction that logged it. */
export interface LoggedEvent {
  readonly signature: string;
  readonly blockTime: bigint;
  readonly event: AmplifyEvent;
}

export interface MemcmpFilter {
  readonly offset: number;
  readonly bytes: Uint8Array;
}

/**
 * The one door to the chain for core, the CLI and the requester library: kit's JSON-RPC client
 * behind a timeout, speaking in bytes and bigints so callers never see RPC encodings.
 * AmplifyChain (amplify-chain.ts) adds the program's typed account queries on top of it.
 */
export class ChainClient {
  private rpcFor = "";
  private kitRpc: KitRpc | undefined;
  private readonly timeoutMs: number;
  /** A confirmed transaction's events never change: each is read once. */
  private readonly eventMemo = new Map<string, AmplifyEvent[]>();

  constructor(private readonly options: ChainClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 8_000;
  }

  private client(): KitRpc {
    const url = this.options.rpcUrl();
    if (!this.kitRpc || url !== this.rpcFor) {
      this.kitRpc = createSolanaRpc(url);
      this.rpcFor = url;
    }
    return this.kitRpc;
  }

  /** kit's RPC at the current URL, for the calls this client does not wrap (airdrops, rent); no timeout. */
  get rpc(): KitRpc {
    return this.client();
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }

  async latestBlockhash(): Promise<{ blockhash: Blockhash; lastValidBlockHeight: bigint }> {
    const { value } = await this.client()
      .getLatestBlockhash({ commitment: "confirmed" })
      .send({ abortSignal: this.signal() });
    return value;
  }

  async blockHeight(): Promise<bigint> {
    return this.client().getBlockHeight({ commitment: "confirmed" }).send({ abortSignal: this.signal() });
  }

  async balance(owner: string): Promise<bigint> {
    const { value } = await this.client()
      .getBalance(address(owner), { commitment: "confirmed" })
      .send({ abortSignal: this.signal() });
    return value;
  }

  async account(at: string): Promise<RawAccount | null> {
    const [one] = await this.accounts([at]);
    return one ?? null;
  }

  async accounts(addresses: readonly string[]): Promise<(RawAccount | null)[]> {
    const out: (RawAccount | null)[] = [];
    for (let i = 0; i < addresses.length; i += 100) {
      const slice = addresses.slice(i, i + 100).map((a) => address(a));
      const { value } = await this.client()
        .getMultipleAccounts(slice, { encoding: "base64", commitment: "confirmed" })
        .send({ abortSignal: this.signal() });
      value.forEach((account, j) => {
        out.push(
          account
            ? { address: slice[j]!, data: Buffer.from(account.data[0], "base64"), lamports: account.lamports }
            : null,
        );
      });
    }
    return out;
  }

  /** Amplify accounts of one size (null: any size), optionally matching fixed-offset bytes. */
  async programAccounts(dataSize: number | null, memcmp: readonly MemcmpFilter[] = []): Promise<RawAccount[]> {
    const filters = [
      ...(dataSize === null ? [] : [{ dataSize: BigInt(dataSize) }]),
      ...memcmp.map((m) => ({
        memcmp: { offset: BigInt(m.offset), bytes: getBase58Decoder().decode(m.bytes), encoding: "base58" as const },
      })),
    ];
    const result = await this.client()
      .getProgramAccounts(amplifyProgramAddress(), { encoding: "base64", commitment: "confirmed", filters } as never)
      .send({ abortSignal: this.signal() });
    const list = result as unknown as { pubkey: Address; account: { data: [string, string]; lamports: bigint } }[];
    return list.map((item) => ({
      address: item.pubkey,
      data: Buffer.from(item.account.data[0], "base64"),
      lamports: item.account.lamports,
    }));
  }

  /** Signs with a fresh blockhash, or the one given (to sign many with one RPC round trip). */
  async sign(
    payer: TransactionSigner,
    instructions: readonly Instruction[],
    lifetime?: { blockhash: Blockhash; lastValidBlockHeight: bigint },
  ): Promise<SignedTransaction> {
    const latest = lifetime ?? (await this.latestBlockhash());
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
      (m) => appendTransactionMessageInstructions(instructions, m),
    );
    const signed = await signTransactionMessageWithSigners(message);
    return {
      wire: Uint8Array.from(getTransactionEncoder().encode(signed)),
      signature: getSignatureFromTransaction(signed),
      lastValidBlockHeight: latest.lastValidBlockHeight,
    };
  }

  /** Sends already-signed bytes; the same bytes sent twice are the same transaction. */
  async send(wire: Uint8Array, options: { skipPreflight?: boolean } = {}): Promise<string> {
    return this.client()
      .sendTransaction(toBase64Wire(wire), {
        encoding: "base64",
        skipPreflight: options.skipPreflight ?? true,
        preflightCommitment: "confirmed",
        maxRetries: 0n,
      })
      .send({ abortSignal: this.signal() });
  }

  /** Runs the transaction without landing it; the failure says which instruction failed. */
  async simulate(wire: Uint8Array): Promise<{ failure: TransactionFailure | null; logs: readonly string[] }> {
    const { value } = await this.client()
      .simulateTransaction(toBase64Wire(wire), { encoding: "base64", commitment: "confirmed", sigVerify: false })
      .send({ abortSignal: this.signal() });
    return { failure: value.err ? parseTransactionError(value.err) : null, logs: value.logs ?? [] };
  }

  /**
   * The Amplify events of the most recent successful transactions that touched `at` (newest
   * last). History lives in events: an assignment closed at submission is read back this way.
   */
  async events(at: string, limit = 50): Promise<LoggedEvent[]> {
    const rows = await this.client()
      .getSignaturesForAddress(address(at), { commitment: "confirmed", limit })
      .send({ abortSignal: this.signal() });
    const out: LoggedEvent[] = [];
    for (const row of [...rows].reverse()) {
      if (row.err !== null) continue;
      let events = this.eventMemo.get(row.signature);
      if (!events) {
        const tx = await this.client()
          .getTransaction(row.signature, {
            commitment: "confirmed",
            encoding: "json",
            maxSupportedTransactionVersion: 0,
          })
          .send({ abortSignal: this.signal() });
        if (!tx) continue; // not readable yet: asked again next time
        events = decodeEventsFromLogs(tx.meta?.logMessages ?? []);
        this.eventMemo.set(row.signature, events);
      }
      for (const event of events) out.push({ signature: row.signature, blockTime: BigInt(row.blockTime ?? 0), event });
    }
    return out;
  }

  async signatureStatuses(signatures: readonly string[]): Promise<(SignatureStatus | null)[]> {
    const out: (SignatureStatus | null)[] = [];
    for (let i = 0; i < signatures.length; i += 256) {
      const slice = signatures.slice(i, i + 256) as Signature[];
      const { value } = await this.client()
        .getSignatureStatuses(slice, { searchTransactionHistory: true })
        .send({ abortSignal: this.signal() });
      for (const status of value) {
        out.push(
          status
            ? {
                slot: status.slot,
                confirmationStatus: status.confirmationStatus,
                failure: status.err ? parseTransactionError(status.err) : null,
              }
            : null,
        );
      }
    }
    return out;
  }
}

function toBase64Wire(wire: Uint8Array): Base64EncodedWireTransaction {
  const tx = getTransactionDecoder().decode(wire) as Transaction;
  return getBase64EncodedWireTransaction(tx);
}
