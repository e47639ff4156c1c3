// The chain: LiteSVM for execution, a wall-clock slot clock for time and expiry, and the
// durable store for everything a client may later ask about. All methods are synchronous so
// transactions are applied one at a time, in arrival order, like a single leader.
import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import { Clock, FailedTransactionMetadata, FeatureSet, LiteSVM, type TransactionMetadata } from "litesvm";
import type { AccountState } from "./accountState";
import { emptySimulation, metaToSimulation, type Simulation } from "./simulation";
import { address, getAddressEncoder, getBase58Decoder, getBase64Decoder, lamports, type Address } from "@solana/kit";
import { createFaucet, type Faucet } from "./faucet";
import { transactionFee } from "./fees";
import { LedgerStore, type NewTransaction, type StoredAccount, type StoredTransaction } from "./ledgerStore";
import { SlotClock } from "./slotClock";
import { resolveAccountKeys, type ResolvedKeys } from "./accountKeys";
import { parseWireTransaction, type ParsedTransaction } from "./txWire";
import {
  ALREADY_PROCESSED,
  BLOCKHASH_NOT_FOUND,
  isSignatureFailure,
  transactionErrorJson,
  type TransactionErrorJson,
} from "./txErrors";

export const RENT_EPOCH_EXEMPT = 18446744073709551615n;
const SLOTS_PER_EPOCH = 432_000;
/** The validator's status cache: statuses older than this need searchTransactionHistory. */
const STATUS_CACHE_SLOTS = 300;
const FAUCET_LAMPORTS = 500_000_000n * 1_000_000_000n;

export interface LedgerOptions {
  home: string;
  slotMs?: number;
  /** Features switched off (default: none; every feature on, as a stock validator runs). */
  deactivateFeatures?: readonly string[];
}

const FEATURE_OWNER = "Feature111111111111111111111111111111111111";

export type { InnerInstructionsJson, Simulation } from "./simulation";

export type { AccountState } from "./accountState";

export type SendOutcome =
  /** Executed; `durable` resolves once it is on disk (only then may anyone be told). */
  | { kind: "landed"; signature: string; err: TransactionErrorJson | null; durable: Promise<void> }
  /** Never executed (e.g. expired blockhash, cannot pay the fee): a cluster silently drops it. */
  | { kind: "dropped"; signature: string; err: TransactionErrorJson }
  | { kind: "preflightFailed"; signature: string; simulation: Simulation }
  | { kind: "signatureFailure"; signature: string };

export interface TransactionEvent {
  signature: string;
  slot: number;
  err: TransactionErrorJson | null;
  logs: string[];
  mentions: string[];
  /** Post-state of every writable account; null when the account no longer exists. */
  accounts: Array<{ address: string; state: AccountState | null }>;
}

export interface SignatureStatus {
  slot: number;
  err: TransactionErrorJson | null;
}

interface PendingCommit {
  accounts: Array<StoredAccount | { address: string; deleted: true }>;
  tx: NewTransaction;
  event: TransactionEvent;
}

interface LedgerEvents {
  slot: [slot: number];
  transaction: [event: TransactionEvent];
}

export class Ledger extends EventEmitter<LedgerEvents> {
  readonly genesisHash: string;
  readonly faucet: Faucet;
  private readonly svm: LiteSVM;
  private readonly store: LedgerStore;
  private readonly clock: SlotClock;
  private readonly timer: NodeJS.Timeout;
  private clockSlot = -1;
  private readonly pending = new Set<string>();
  private queue: Array<PendingCommit & { resolve: () => void; reject: (e: unknown) => void }> = [];
  private lastPersistedAt = 0;
  private closed = false;
  private readonly b58 = getBase58Decoder();

  constructor(opts: LedgerOptions) {
    super();
    this.store = new LedgerStore(opts.home);
    // Our own blockhash window replaces LiteSVM's single-latest-hash check, and our store
    // replaces its in-memory history (which would also forbid nothing after a restart).
    // Programs arrive like on any cluster, through the upgradeable loader (localnet/genesis.ts).
    const features = FeatureSet.allEnabled();
    const addressEncoder = getAddressEncoder();
    for (const f of opts.deactivateFeatures ?? [])
      features.deactivate(new Uint8Array(addressEncoder.encode(address(f))));
    this.svm = LiteSVM.default()
      .withFeatureSet(features)
      .withBuiltins()
      .withLamports(FAUCET_LAMPORTS)
      .withSysvars()
      .withPrecompiles()
      .withDefaultPrograms()
      .withNativeMints()
      .withBlockhashCheck(false)
      .withTransactionHistory(0n);
    let seedHex = this.store.getMeta("genesisSeed");
    const fresh = seedHex === undefined;
    if (seedHex === undefined) {
      seedHex = crypto.randomBytes(32).toString("hex");
      this.store.setMeta("genesisSeed", seedHex);
      this.store.setMeta("faucetSeed", crypto.randomBytes(32).toString("hex"));
    }
    const seed = Buffer.from(seedHex, "hex");
    this.genesisHash = this.b58.decode(crypto.createHash("sha256").update("genesis").update(seed).digest());
    this.faucet = createFaucet(Buffer.from(this.store.getMeta("faucetSeed") ?? "", "hex"));
    const slotMs = opts.slotMs ?? 400;
    // Restart one persisted-interval past the last saved slot so no slot (or blockhash) repeats.
    const savedSlot = Number(this.store.getMeta("slot") ?? "0");
    const startSlot = fresh ? 1 : savedSlot + Math.ceil(1000 / slotMs) + 1;
    this.clock = new SlotClock(seed, startSlot, slotMs);
    // Executable accounts last: LiteSVM compiles an upgradeable program when its program account
    // is set, which needs its ProgramData there already.
    const stored = this.store.loadAccounts();
    for (const a of [...stored.filter((x) => !x.executable), ...stored.filter((x) => x.executable)])
      this.writeAccount(a);
    if (fresh) {
      const faucetAccount: StoredAccount = {
        address: this.faucet.address,
        lamports: FAUCET_LAMPORTS,
        owner: "11111111111111111111111111111111",
        executable: false,
        data: new Uint8Array(),
      };
      // Feature accounts, as a validator keeps them: clients (amplify deploy) read them to learn
      // which SBPF versions this cluster accepts.
      const featureAccounts: StoredAccount[] = features.getActiveFeatures().map((id) => ({
        address: this.b58.decode(id),
        lamports: this.svm.minimumBalanceForRentExemption(9n),
        owner: FEATURE_OWNER,
        executable: false,
        data: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0]), // Feature { activated_at: Some(0) }
      }));
      for (const a of [faucetAccount, ...featureAccounts]) this.writeAccount(a);
      this.store.commit([faucetAccount, ...featureAccounts], undefined, startSlot);
    }
    this.syncClock();
    this.timer = setInterval(() => this.syncClock(), Math.max(1, Math.floor(slotMs / 2)));
    this.timer.unref();
  }

  static openWire(wire: Uint8Array): ParsedTransaction {
    return parseWireTransaction(wire);
  }

  get slotMs(): number {
    return this.clock.slotMs;
  }

  currentSlot(): number {
    return this.syncClock();
  }

  blockHeight(): number {
    return this.syncClock();
  }

  latestBlockhash(): { blockhash: string; lastValidBlockHeight: number } {
    this.syncClock();
    const { blockhash, lastValidBlockHeight } = this.clock.latestBlockhash();
    return { blockhash, lastValidBlockHeight };
  }

  isBlockhashValid(blockhash: string): boolean {
    return this.clock.blockhashSlot(blockhash) !== undefined;
  }

  transactionCount(): number {
    return this.store.transactionCount();
  }

  minimumBalanceForRentExemption(dataLength: number): bigint {
    return this.svm.minimumBalanceForRentExemption(BigInt(dataLength));
  }

  getAccount(addr: string): AccountState | null {
    const acc = this.svm.getAccount(address(addr));
    if (!acc.exists) return null;
    if (acc.lamports === 0n && !acc.executable) return null;
    return {
      address: addr,
      lamports: acc.lamports,
      owner: acc.programAddress,
      executable: acc.executable,
      data: acc.data as Uint8Array,
    };
  }

  getProgramAccounts(owner: string): AccountState[] {
    return this.svm
      .getProgramAccounts(address(owner))
      .filter((a) => a.lamports > 0n)
      .map((a) => ({
        address: a.address,
        lamports: a.lamports,
        owner: a.programAddress,
        executable: a.executable,
        data: a.data as Uint8Array,
      }));
  }

  feeForMessage(messageBytes: Uint8Array): bigint | null {
    try {
      // Wrap the message in a wire transaction with blank signatures so one parser serves.
      // A versioned message starts with 0x80|version, then the header's signature count.
      const first = messageBytes[0] ?? 0;
      const numSignatures = (first & 0x80 ? messageBytes[1] : first) ?? 0;
      const wire = new Uint8Array(1 + 64 * numSignatures + messageBytes.length);
      wire[0] = numSignatures;
      wire.set(messageBytes, 1 + 64 * numSignatures);
      const tx = parseWireTransaction(wire);
      if (!this.isBlockhashValid(tx.recentBlockhash)) return null;
      return transactionFee(tx);
    } catch {
      return null;
    }
  }

  simulate(tx: ParsedTransaction, opts: { sigVerify: boolean; replaceRecentBlockhash: boolean }): Simulation {
    this.syncClock();
    const keys = this.accountKeys(tx);
    if (!opts.replaceRecentBlockhash && !this.isBlockhashValid(tx.recentBlockhash)) {
      return emptySimulation(BLOCKHASH_NOT_FOUND);
    }
    if (this.knows(tx.signatures[0] ?? "")) return emptySimulation(ALREADY_PROCESSED);
    this.svm.withSigverify(opts.sigVerify);
    try {
      let result;
      try {
        result = this.svm.simulateTransaction(tx.kitTransaction);
      } catch {
        return emptySimulation("SignatureFailure");
      }
      if (result instanceof FailedTransactionMetadata) {
        return { ...metaToSimulation(result.meta()), err: transactionErrorJson(result), postAccounts: new Map() };
      }
      const post = new Map<string, AccountState | null>();
      for (const a of result.postAccounts()) {
        post.set(a.address, {
          address: a.address,
          lamports: a.lamports,
          owner: a.programAddress,
          executable: a.executable,
          data: a.data as Uint8Array,
        });
      }
      for (const k of keys.all) if (!post.has(k)) post.set(k, this.getAccount(k));
      return { ...metaToSimulation(result.meta()), err: null, postAccounts: post };
    } finally {
      this.svm.withSigverify(true);
    }
  }

  send(tx: ParsedTransaction, opts: { skipPreflight: boolean }): SendOutcome {
    const signature = tx.signatures[0] ?? "";
    if (!opts.skipPreflight) {
      const sim = this.simulate(tx, { sigVerify: true, replaceRecentBlockhash: false });
      if (sim.err === "SignatureFailure") return { kind: "signatureFailure", signature };
      if (sim.err !== null) return { kind: "preflightFailed", signature, simulation: sim };
    }
    if (this.knows(signature)) return { kind: "dropped", signature, err: ALREADY_PROCESSED };
    if (!this.isBlockhashValid(tx.recentBlockhash)) return { kind: "dropped", signature, err: BLOCKHASH_NOT_FOUND };
    return this.execute(tx);
  }

  airdrop(to: string, amount: bigint): SendOutcome {
    const wire = this.faucet.transfer(to, amount, this.latestBlockhash().blockhash);
    return this.send(parseWireTransaction(wire), { skipPreflight: false });
  }

  getSignatureStatus(signature: string, searchTransactionHistory: boolean): SignatureStatus | null {
    const tx = this.store.getTransaction(signature);
    if (!tx) return null;
    if (!searchTransactionHistory && tx.slot < this.currentSlot() - STATUS_CACHE_SLOTS) return null;
    return { slot: tx.slot, err: tx.err === null ? null : (JSON.parse(tx.err) as TransactionErrorJson) };
  }

  getTransaction(signature: string): StoredTransaction | undefined {
    return this.store.getTransaction(signature);
  }

  signaturesForAddress(addr: string, opts: { before?: string; until?: string; limit: number }): StoredTransaction[] {
    return this.store.signaturesForAddress(addr, opts);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    clearInterval(this.timer);
    this.store.setMeta("slot", String(this.clock.currentSlot()));
    this.store.close();
    this.removeAllListeners();
  }

  private execute(tx: ParsedTransaction): SendOutcome {
    const signature = tx.signatures[0] ?? "";
    const slot = this.syncClock();
    const keys = this.accountKeys(tx);
    const pre = keys.all.map((k) => this.svm.getBalance(address(k)) ?? 0n);
    let result: TransactionMetadata | FailedTransactionMetadata;
    try {
      result = this.svm.sendTransaction(tx.kitTransaction);
    } catch {
      // kit's wrapper throws when a signature slot is empty: that is a signature failure.
      return { kind: "signatureFailure", signature };
    }
    const post = keys.all.map((k) => this.svm.getBalance(address(k)) ?? 0n);
    const failed = result instanceof FailedTransactionMetadata ? result : undefined;
    if (failed && isSignatureFailure(failed)) return { kind: "signatureFailure", signature };
    const err = failed ? transactionErrorJson(failed) : null;
    // A transaction landed if and only if the fee payer paid: otherwise nothing was committed.
    if (failed && (post[0] ?? 0n) >= (pre[0] ?? 0n))
      return { kind: "dropped", signature, err: err ?? "SanitizeFailure" };
    const meta = failed ? failed.meta() : (result as TransactionMetadata);
    const sim = metaToSimulation(meta);
    const writable = keys.all.filter((_, i) => keys.writable[i]);
    const accounts = writable.map((k) => ({ address: k, state: this.getAccount(k) }));
    const blockTime = Math.floor(Date.now() / 1000);
    const metaJson = {
      err,
      status: err === null ? { Ok: null } : { Err: err },
      fee: transactionFee(tx),
      preBalances: pre,
      postBalances: post,
      innerInstructions: sim.innerInstructions,
      logMessages: sim.logs,
      preTokenBalances: [],
      postTokenBalances: [],
      rewards: [],
      loadedAddresses: { writable: keys.loadedWritable, readonly: keys.loadedReadonly },
      computeUnitsConsumed: sim.unitsConsumed,
      ...(sim.returnData
        ? {
            returnData: {
              programId: sim.returnData.programId,
              data: [getBase64Decoder().decode(sim.returnData.data), "base64"],
            },
          }
        : {}),
    };
    const durable = this.enqueue({
      // Program accounts too: programs arrive through the loader and must survive a restart.
      accounts: accounts.map((a) => (a.state ? a.state : { address: a.address, deleted: true as const })),
      tx: {
        signature,
        slot,
        blockTime,
        wire: tx.wire,
        meta: JSON.stringify(metaJson, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)),
        err: err === null ? null : JSON.stringify(err),
        addresses: keys.all,
      },
      event: { signature, slot, err, logs: sim.logs, mentions: keys.all, accounts },
    });
    return { kind: "landed", signature, err, durable };
  }

  /** Whether a signature has landed, durably or still in the commit queue. */
  private knows(signature: string): boolean {
    return this.pending.has(signature) || this.store.hasTransaction(signature);
  }

  /**
   * Group commit: transactions executed in the same turn of the event loop share one SQLite
   * transaction (one fsync at synchronous=FULL). Their senders and subscribers hear of them
   * only after it, so nothing confirmed can be lost to a crash.
   */
  private enqueue(record: PendingCommit): Promise<void> {
    this.pending.add(record.tx.signature);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...record, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    try {
      this.store.commitMany(
        batch.map((b) => ({ accounts: b.accounts, tx: b.tx })),
        this.clockSlot,
      );
      this.lastPersistedAt = Date.now();
    } catch (e) {
      for (const b of batch) {
        this.pending.delete(b.tx.signature);
        b.reject(e);
      }
      return;
    }
    for (const b of batch) {
      this.pending.delete(b.tx.signature);
      b.resolve();
      this.emit("transaction", b.event);
    }
  }

  private accountKeys(tx: ParsedTransaction): ResolvedKeys {
    return resolveAccountKeys(tx, (key) => this.getAccount(key)?.data);
  }

  private writeAccount(a: StoredAccount): void {
    this.svm.setAccount({
      address: address(a.address) as Address,
      lamports: lamports(a.lamports),
      programAddress: address(a.owner),
      executable: a.executable,
      data: a.data,
      space: BigInt(a.data.length),
    });
  }

  /** Moves the SVM clock to the wall-clock slot; emits `slot` when it advanced. */
  private syncClock(): number {
    const slot = this.clock.currentSlot();
    if (slot !== this.clockSlot && !this.closed) {
      const now = BigInt(Math.floor(Date.now() / 1000));
      const epoch = BigInt(Math.floor(slot / SLOTS_PER_EPOCH));
      this.svm.setClock(new Clock(BigInt(slot), now, epoch, epoch + 1n, now));
      this.clockSlot = slot;
      if (Date.now() - this.lastPersistedAt >= 1000) {
        this.store.setMeta("slot", String(slot));
        this.lastPersistedAt = Date.now();
      }
      this.emit("slot", slot);
    }
    return slot;
  }
}
