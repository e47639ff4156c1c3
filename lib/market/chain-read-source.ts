// The market's events read straight from an RPC node: history from getSignaturesForAddress +
// getTransaction on the program id, live from logsSubscribe (mentions the program id). Never a
// scan of program accounts: one signature list page and one batch of transactions at a time.
import { address, createSolanaRpcSubscriptions } from "@solana/kit";
import type { MarketEvent } from "../../shared/api/market-feed";
import { amplifyProgramAddress, RATING_PRIOR, decodeWorkerProfile, findWorkerProfilePda } from "../../shared/protocol";
import { JsonRpcError, createJsonRpc } from "./json-rpc";
import type { JsonRpc } from "./json-rpc";
import type { HistoryPage, MarketEventSource, SourceStatus } from "./source";
import { FetchedTransaction, decodeTransaction } from "./transaction-decoder";

const SIGNATURES_PER_PAGE = 1000;
const TRANSACTIONS_PER_BATCH = 100;
const RATING_TTL_MS = 30_000;

export interface ChainReadSourceOptions {
  readonly rpcUrl: () => string;
  readonly wsUrl: () => string;
  readonly program?: string;
  /**
   * Events straight from a transaction's logs (`Program data:` lines of the program's own
   * events); when it returns null the transaction is fetched and its instructions decoded.
   */
  readonly fromLogs?: (signature: string, slot: number, logs: readonly string[]) => MarketEvent[] | null;
  /** Live signatures are fetched in batches this often (milliseconds). */
  readonly flushMs?: number;
  readonly reconnectMs?: number;
  readonly log?: (line: string) => void;
}

export class ChainReadSource implements MarketEventSource {
  readonly name: string;
  private readonly rpc: JsonRpc;
  private readonly program: string;
  private readonly ratings = new Map<string, { rating: number; at: number }>();
  private readonly profilePdas = new Map<string, string>();
  /**
   * What the source has done so far: live notifications heard, and read from their logs alone;
   * transactions fetched for the live stream and for history.
   */
  readonly stats = { notifications: 0, fromLogs: 0, liveFetched: 0, historyFetched: 0 };

  constructor(private readonly options: ChainReadSourceOptions) {
    this.rpc = createJsonRpc(options.rpcUrl);
    this.program = options.program ?? amplifyProgramAddress();
    this.name = options.fromLogs
      ? "program events (logsSubscribe), chain reads for older transactions"
      : "chain reads (getSignaturesForAddress + getTransaction)";
  }

  async *history({ until, limit }: { until: string | null; limit: number }): AsyncIterable<HistoryPage> {
    let before: string | null = null;
    let fetched = 0;
    while (fetched < limit) {
      const want = Math.min(SIGNATURES_PER_PAGE, limit - fetched);
      const config: Record<string, unknown> = {
        limit: want,
        commitment: "confirmed",
        ...(before ? { before } : {}),
        ...(until ? { until } : {}),
      };
      const [list] = await this.rpc.batch([{ method: "getSignaturesForAddress", params: [this.program, config] }]);
      if (list instanceof JsonRpcError) throw list;
      const rows = Array.isArray(list) ? (list as { signature?: unknown; err?: unknown }[]) : [];
      if (rows.length === 0) return;
      fetched += rows.length;
      const landed = rows
        .filter((r) => typeof r.signature === "string" && (r.err === null || r.err === undefined))
        .map((r) => r.signature as string);
      yield {
        events: await this.fetchEvents(landed, "historyFetched"),
        newestSignature: typeof rows[0]?.signature === "string" ? rows[0].signature : null,
      };
      before = rows[rows.length - 1]!.signature as string;
      if (rows.length < want) return;
    }
  }

  live(onEvents: (events: MarketEvent[]) => void, onStatus: (status: SourceStatus) => void): () => void {
    let stopped = false;
    let abort = new AbortController();
    // What arrived since the last flush: events read from logs, and transactions to fetch.
    let queue: string[] = [];
    let direct: MarketEvent[] = [];
    let flushing = false;
    const flush = async (): Promise<void> => {
      if (flushing || (queue.length === 0 && direct.length === 0)) return;
      flushing = true;
      const batch = queue;
      const decoded = direct;
      queue = [];
      direct = [];
      try {
        // One store transaction per flush, however many notifications arrived meanwhile.
        const events = [...(await this.withRatings(decoded)), ...(await this.fetchEvents(batch, "liveFetched"))];
        if (events.length) onEvents(events);
      } catch (error) {
        // Not lost: the catch-up after the next reconnect reads these transactions again.
        this.options.log?.(`market feed: could not read ${batch.length} new transactions: ${message(error)}`);
        onStatus({ live: false, error: message(error) });
        abort.abort();
      } finally {
        flushing = false;
      }
    };
    const timer = setInterval(() => void flush(), this.options.flushMs ?? 100);
    timer.unref?.();

    const run = async (): Promise<void> => {
      while (!stopped) {
        abort = new AbortController();
        try {
          const subscriptions = createSolanaRpcSubscriptions(this.options.wsUrl());
          const stream = await subscriptions
            .logsNotifications({ mentions: [address(this.program)] }, { commitment: "confirmed" })
            .subscribe({ abortSignal: abort.signal });
          onStatus({ live: true, error: null });
          for await (const note of stream) {
            this.stats.notifications++;
            if (note.value.err !== null) continue;
            const fromLogs =
              this.options.fromLogs?.(note.value.signature, Number(note.context.slot), note.value.logs ?? []) ?? null;
            if (fromLogs) {
              this.stats.fromLogs++;
              direct.push(...fromLogs);
            } else queue.push(note.value.signature);
          }
        } catch (error) {
          if (!stopped) onStatus({ live: false, error: message(error) });
        }
        if (stopped) return;
        onStatus({ live: false, error: "the PubSub connection closed" });
        await new Promise((resolve) => setTimeout(resolve, this.options.reconnectMs ?? 2_000));
      }
    };
    void run();
    return () => {
      stopped = true;
      clearInterval(timer);
      abort.abort();
    };
  }

  /** Decoded events of these transactions, with each paid worker's rating. */
  private async fetchEvents(
    signatures: readonly string[],
    purpose: "liveFetched" | "historyFetched",
  ): Promise<MarketEvent[]> {
    const events: MarketEvent[] = [];
    for (let i = 0; i < signatures.length; i += TRANSACTIONS_PER_BATCH) {
      const slice = signatures.slice(i, i + TRANSACTIONS_PER_BATCH);
      this.stats[purpose] += slice.length;
      const replies = await this.rpc.batch(
        slice.map((s) => ({
          method: "getTransaction",
          params: [s, { encoding: "json", commitment: "confirmed", maxSupportedTransactionVersion: 0 }],
        })),
      );
      replies.forEach((reply, j) => {
        if (reply instanceof JsonRpcError) throw new JsonRpcError(`getTransaction ${slice[j]}: ${reply.message}`);
        if (reply === null) return;
        const parsed = FetchedTransaction.safeParse(reply);
        if (!parsed.success)
          throw new JsonRpcError(`getTransaction ${slice[j]}: the RPC replied with an unexpected shape`);
        events.push(...decodeTransaction(parsed.data, this.program));
      });
    }
    return this.withRatings(events);
  }

  /**
   * The chain keeps only each worker's current rating, so a result read later carries the rating
   * at reading time (the program's own events record the rating at payment).
   */
  private async withRatings(events: MarketEvent[]): Promise<MarketEvent[]> {
    if (events.length === 0) return events;
    const now = Date.now();
    for (const e of events) if (e.kind === "review_posted") this.ratings.clear();
    const workers = [...new Set(events.filter((e) => e.worker && e.workerRating === null).map((e) => e.worker!))];
    const stale = workers.filter((w) => (this.ratings.get(w)?.at ?? -Infinity) < now - RATING_TTL_MS);
    for (let i = 0; i < stale.length; i += 100) {
      const slice = stale.slice(i, i + 100);
      const pdas = await Promise.all(slice.map((w) => this.profilePda(w)));
      const [reply] = await this.rpc.batch([
        { method: "getMultipleAccounts", params: [pdas, { encoding: "base64", commitment: "confirmed" }] },
      ]);
      if (reply instanceof JsonRpcError) throw reply;
      const value = (reply as { value?: ({ data?: [string, string] } | null)[] } | null)?.value ?? [];
      slice.forEach((w, j) => {
        const data = value[j]?.data?.[0];
        let rating = RATING_PRIOR;
        if (data) {
          try {
            rating = decodeWorkerProfile(Buffer.from(data, "base64")).rating;
          } catch {
            // not a profile (yet): the prior, as the program treats an unrated worker
          }
        }
        this.ratings.set(w, { rating, at: now });
      });
    }
    return events.map((e) =>
      e.worker && e.workerRating === null && (e.kind === "result_submitted" || e.kind === "task_accepted")
        ? { ...e, workerRating: this.ratings.get(e.worker)?.rating ?? RATING_PRIOR }
        : e,
    );
  }

  private async profilePda(worker: string): Promise<string> {
    let pda = this.profilePdas.get(worker);
    if (!pda) {
      pda = (await findWorkerProfilePda(address(worker)))[0];
      if (this.profilePdas.size > 50_000) this.profilePdas.clear();
      this.profilePdas.set(worker, pda);
    }
    return pda;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
