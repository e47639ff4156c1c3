import type { Blockhash, Instruction, TransactionSigner } from "@solana/kit";
import { decodeAssignment, parseTaskKey } from "../../../shared/protocol";
import type { ChainClient, SignatureStatus } from "../../../lib/chain";
import { ApiError } from "../../../shared/api";
import { toApiError } from "../errors";
import { backoffMs } from "./backoff";
import type { OutboxRepository, OutboxRow } from "./outbox-repository";

export interface SyncLoopOptions {
  readonly repo: OutboxRepository;
  readonly chain: ChainClient;
  /** PUTs a content-addressed blob; resolves when stored. */
  readonly upload: (uri: string, bytes: Uint8Array) => Promise<void>;
  /** The worker's signer, or null while the keystore is locked. */
  readonly signer: () => TransactionSigner | null;
  /** The submit_result instruction(s) for a row, signed by `signer`. */
  readonly instructions: (row: OutboxRow, signer: TransactionSigner) => Promise<Instruction[]>;
  readonly onChange?: (changed: readonly string[]) => void;
  readonly onOnline?: (online: boolean, reason: string | null) => void;
  readonly now?: () => number;
  readonly batchSize?: number;
  /** How long to wait before looking for the confirmation of a sent transaction. */
  readonly confirmPollMs?: number;
  readonly idleMs?: number;
  /** Longest wait between attempts of one item (the backoff's cap). */
  readonly maxBackoffMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * Finishes queued submits: upload the blob, send the signed transaction, confirm it. Before a
 * transaction is ever signed again, the chain is asked whether the old one can still land (its
 * status, the block height against its last valid height, and the assignment itself), so a
 * result is paid exactly once whatever fails when: the process, the RPC, or the network.
 */
export class SyncLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private online: boolean | null = null;
  private wakeAfterPass = false;
  private readonly now: () => number;

  constructor(private readonly options: SyncLoopOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  isOnline(): boolean | null {
    return this.online;
  }

  /** The keystore was unlocked: rows waiting for a signature go now. */
  keyAvailable(): void {
    this.options.repo.wakeWaitingForKey();
    // A pass already under way may still mark rows as waiting for the key: wake them after it.
    this.wakeAfterPass = true;
    this.kick();
  }

  /** Runs a pass now (after a submit, an unlock, or the network coming back). */
  kick(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runPasses().finally(() => {
      this.running = null;
      this.schedule();
    });
  }

  /** One pass over everything due; exposed for tests and benches. Resolves when it is done. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    await this.pass();
  }

  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async runPasses(): Promise<void> {
    do {
      this.again = false;
      try {
        const worked = await this.pass();
        if (worked >= (this.options.batchSize ?? 200)) this.again = true;
        if (this.wakeAfterPass) {
          this.wakeAfterPass = false;
          this.options.repo.wakeWaitingForKey();
          this.again = true;
        }
      } catch (error) {
        this.options.log?.(`sync pass failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (this.again && !this.stopped);
  }

  private schedule(): void {
    if (this.stopped) return;
    const idle = this.options.idleMs ?? 5_000;
    const next = this.options.repo.nextDueAt();
    const wait = next === null ? idle : Math.min(idle, Math.max(0, next - this.now()));
    this.timer = setTimeout(() => this.kick(), Math.max(20, wait));
    this.timer.unref();
  }

  /** Returns how many rows it looked at. */
  private async pass(): Promise<number> {
    const { repo, chain } = this.options;
    const rows = repo.due(this.options.batchSize ?? 200);
    if (rows.length === 0) return 0;
    const changed = new Set<string>();
    // Row changes of a phase are committed together: one fsync per phase, not per row. Only
    // a new signature must be durable before its transaction leaves, and it is flushed first.
    const writes: (() => void)[] = [];
    const flush = (): void => {
      if (writes.length) repo.inTransaction(() => writes.splice(0).forEach((write) => write()));
    };
    const transient = (row: OutboxRow, error: unknown, why?: string): void => {
      const at = this.now() + backoffMs(row.attempts, 1_000, this.options.maxBackoffMs ?? 60_000);
      this.options.log?.(`outbox ${row.id}: will retry: ${describe(error)}`);
      writes.push(() => repo.retryLater(row.id, retrySentence(error, why), at));
      changed.add(row.id);
    };

    // 1. Uploads are idempotent (content-addressed), so they can always be repeated.
    await mapLimit(
      rows.filter((r) => !r.uploaded),
      6,
      async (row) => {
        try {
          await this.options.upload(row.resultUri, row.blob);
          writes.push(() => repo.markUploaded(row.id));
          changed.add(row.id);
        } catch (error) {
          transient(row, error, "Your blob gateway did not take the result right now: check it in Settings.");
        }
      },
    );
    flush();
    const ready = rows.map((r) => repo.get(r.id)!).filter((r) => r.uploaded && r.nextAttemptAt <= this.now());
    if (ready.length === 0) return this.finish(rows.length, changed);

    // 2. Height first, then statuses: a signature unseen after its last valid height has passed
    //    can never land, so only then may the result be signed again.
    let height: bigint;
    let statuses: (SignatureStatus | null)[];
    const signed = ready.filter((r) => r.signature);
    try {
      height = await chain.blockHeight();
      statuses = signed.length ? await chain.signatureStatuses(signed.map((r) => r.signature!)) : [];
      this.setOnline(true, null);
    } catch (error) {
      this.setOnline(false, describe(error));
      for (const row of ready) transient(row, error);
      flush();
      return this.finish(rows.length, changed);
    }
    const statusOf = new Map(signed.map((r, i) => [r.id, statuses[i] ?? null]));

    const toSend: OutboxRow[] = [];
    const toJudge: { row: OutboxRow; status: SignatureStatus | null }[] = [];
    for (const row of ready) {
      const status = statusOf.get(row.id) ?? null;
      if (status && !status.failure) {
        if (status.confirmationStatus === "confirmed" || status.confirmationStatus === "finalized") {
          writes.push(() => repo.markConfirmed(row.id));
          changed.add(row.id);
        } else {
          const at = this.now() + (this.options.confirmPollMs ?? 400);
          writes.push(() => repo.waitUntil(row.id, at));
        }
      } else if (status?.failure) {
        toJudge.push({ row, status });
      } else if (row.tx && row.lastValidBlockHeight !== null && height <= BigInt(row.lastValidBlockHeight)) {
        toSend.push(row);
      } else {
        toJudge.push({ row, status: null });
      }
    }

    // 3. The assignment on chain is the final word on whether this result was paid.
    const fresh: OutboxRow[] = [];
    if (toJudge.length) {
      let accounts;
      try {
        accounts = await chain.accounts(toJudge.map((j) => j.row.id));
      } catch (error) {
        this.setOnline(false, describe(error));
        for (const { row } of toJudge) transient(row, error);
        accounts = null;
      }
      if (accounts) {
        for (const [i, { row, status }] of toJudge.entries()) {
          let verdict: Verdict;
          try {
            verdict = await judge(chain, row, accounts[i]?.data ?? null, status);
          } catch (error) {
            this.setOnline(false, describe(error));
            transient(row, error);
            continue;
          }
          if (verdict === "paid") writes.push(() => repo.markConfirmed(row.id));
          else if (verdict === "sign") fresh.push(row);
          else writes.push(() => repo.markFailed(row.id, verdict.failed));
          changed.add(row.id);
        }
      }
    }

    flush();

    // 4. Sign again where the chain says nothing can land; write it down before sending.
    if (fresh.length) {
      const signer = this.options.signer();
      if (!signer) {
        const at = this.now() + 5_000;
        for (const row of fresh) writes.push(() => repo.waitUntil(row.id, at, KEY_WAIT));
      } else {
        const signedIds: string[] = [];
        try {
          const lifetime: { blockhash: Blockhash; lastValidBlockHeight: bigint } = await chain.latestBlockhash();
          for (const row of fresh) {
            const tx = await chain.sign(signer, await this.options.instructions(row, signer), lifetime);
            writes.push(() => repo.setSigned(row.id, tx.wire, tx.signature, Number(tx.lastValidBlockHeight)));
            signedIds.push(row.id);
          }
        } catch (error) {
          for (const row of fresh) if (!signedIds.includes(row.id)) transient(row, error);
        }
        flush();
        for (const id of signedIds) toSend.push(repo.get(id)!);
      }
    }
    flush();

    // 5. Send (the same bytes again if need be: a transaction lands at most once).
    await mapLimit(toSend, 8, async (row) => {
      try {
        await chain.send(row.tx!);
        const at = this.now() + (this.options.confirmPollMs ?? 400);
        writes.push(() => repo.markSent(row.id, at));
        this.setOnline(true, null);
      } catch (error) {
        // A send that errors may still have landed; the next pass reads its status.
        transient(row, error);
      }
      changed.add(row.id);
    });
    flush();
    return this.finish(rows.length, changed);
  }

  private finish(count: number, changed: Set<string>): number {
    if (changed.size) this.options.onChange?.([...changed]);
    return count;
  }

  private setOnline(online: boolean, reason: string | null): void {
    if (this.online === online) return;
    this.online = online;
    this.options.onOnline?.(online, reason);
  }
}

/** The note on rows waiting to be signed; unlocking the keystore wakes them (see OutboxRepository). */
const KEY_WAIT = "waiting for the keystore to be unlocked to sign";

type Verdict = "paid" | "sign" | { failed: string };

/**
 * An open assignment is an account; submission closes it, so a missing account is read back
 * from its history: a ResultSubmitted event for this task says who was paid for what.
 */
async function judge(
  chain: ChainClient,
  row: OutboxRow,
  data: Uint8Array | null,
  status: SignatureStatus | null,
): Promise<Verdict> {
  if (!data) {
    const { campaign, index } = parseTaskKey(row.task);
    const history = await chain.events(row.id);
    for (const { event } of [...history].reverse()) {
      if (event.kind === "resultSubmitted" && event.campaign === campaign && event.taskIndex === index) {
        return Buffer.from(event.resultHash).toString("hex") === row.resultHash
          ? "paid"
          : { failed: "Not paid: another result was already submitted for this assignment." };
      }
      if (event.kind === "assignmentReleased" && event.campaign === campaign && event.taskIndex === index) {
        return {
          failed:
            "Not paid: the assignment expired before the result landed. Your work is kept here and can be exported.",
        };
      }
    }
    return {
      failed: "Not paid: this assignment is no longer on chain (it expired and was released, or was never accepted).",
    };
  }
  try {
    decodeAssignment(data);
  } catch {
    return { failed: "Not paid: the account named as this assignment is not an Amplify assignment." };
  }
  if (status?.failure) {
    return {
      failed:
        status.failure.programError !== null
          ? `Not paid: the Amplify program refused the result. ${status.failure.message}`
          : `Not paid: the transaction failed on chain. ${status.failure.message}`,
    };
  }
  return "sign";
}

/** What a row waiting to be retried says to the worker (the error's own words go to the log). */
function retrySentence(error: unknown, why?: string): string {
  const mapped = toApiError(error);
  const reason =
    why ??
    (mapped instanceof ApiError && mapped.code !== "internal"
      ? mapped.message
      : "Something unexpected stopped it (the details are in the app's log).");
  return `Not sent yet: it is tried again by itself. ${reason}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}
